use crate::charts::{customers, data};
use crate::model::JourneyMap;
use crate::ui::charts::curve_and_progress::CurveAndProgress;
use crate::ui::page_part::{self, later, LoyaltyView};
use leptos::prelude::*;

/// The experience curve and KPI progress of what the slide shows; on the whole journey's, the
/// customer base's charts too.
#[component]
pub fn SlideCharts(map: Signal<Option<JourneyMap>>) -> impl IntoView {
    let experience = Memo::new(move |_| map.with(|m| m.as_ref().map(data::experience)));
    let progress =
        Memo::new(move |_| map.with(|m| m.as_ref().map(data::progress).unwrap_or_default()));
    // "Webshop Think": the map and, on a phase's slide, the phase.
    let file_name = Signal::derive(move || {
        map.with(|m| {
            m.as_ref()
                .map(|m| match m.phases.as_slice() {
                    [only] => format!("{} {}", m.title, only.name),
                    _ => m.title.clone(),
                })
                .unwrap_or_default()
        })
    });
    let base = Memo::new(move |_| map.with(|m| m.as_ref().and_then(customers::of)));
    view! {
        <div class="chart-grid slide-charts">
            <CurveAndProgress experience progress file_name />
            <Show when=move || base.with(Option::is_some)>
                {later(move || page_part::loyalty(LoyaltyView::Charts { base: base.into(), file_name }))}
            </Show>
        </div>
    }
}

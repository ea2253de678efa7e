use crate::charts::data;
use crate::model::JourneyMap;
use crate::ui::charts::curve_and_progress::CurveAndProgress;
use leptos::prelude::*;

/// The experience curve and KPI progress of what the slide shows.
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
    view! {
        <div class="chart-grid slide-charts">
            <CurveAndProgress experience progress file_name />
        </div>
    }
}

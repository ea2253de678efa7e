use crate::i18n::Text;
use crate::model::{Lane, Part};
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// The lanes of the open map that are shown, in order.
pub fn use_shown_lanes() -> Memo<Vec<Lane>> {
    let map = use_open_map();
    Memo::new(move |_| {
        map.with(Part::Lanes, |m| {
            m.lanes.iter().filter(|l| l.shown).cloned().collect()
        })
        .unwrap_or_default()
    })
}

/// The rows of the map's grid for `lanes` shown lanes: the phases' headers, touchpoints, KPIs,
/// the lanes, and the experience curve last.
pub fn grid_rows(lanes: usize) -> String {
    format!("repeat({}, auto) 7rem", 3 + lanes)
}

/// The lanes' names down the left of the map's grid, one per row (the first row is the phases'
/// headers). Hidden from screen readers: each cell names its lane itself.
#[component]
pub fn LaneNames(#[prop(into)] lanes: Signal<Vec<Lane>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="lane-names" aria-hidden="true">
            <span></span>
            <span>{tr(Text::TouchpointsHeading)}</span>
            <span>{tr(Text::KpisHeading)}</span>
            {move || {
                let lang = lang.get();
                lanes.with(|lanes| lanes.iter().map(|l| view! { <span>{l.name_in(lang)}</span> }).collect_view())
            }}
            <span>{tr(Text::ExperienceCurve)}</span>
        </div>
    }
}

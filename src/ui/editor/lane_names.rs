use crate::i18n::Text;
use crate::ui::tr;
use leptos::prelude::*;

/// The lanes' names down the left of the map's grid, one per row (the first row is the phases'
/// headers). Hidden from screen readers: each cell names its lane itself.
#[component]
pub fn LaneNames() -> impl IntoView {
    view! {
        <div class="lane-names" aria-hidden="true">
            <span></span>
            <span>{tr(Text::TouchpointsHeading)}</span>
            <span>{tr(Text::KpisHeading)}</span>
            <span>{tr(Text::ExperienceCurve)}</span>
        </div>
    }
}

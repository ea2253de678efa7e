use crate::model::JourneyMap;
use crate::ui::shared_map::read_only_phases::ReadOnlyPhases;
use leptos::prelude::*;

/// A map shown for reading only: nothing here can change it.
#[component]
pub fn ReadOnlyMap(map: JourneyMap) -> impl IntoView {
    view! {
        <h1 class="read-only-title">{map.title.clone()}</h1>
        <p>{map.description.clone()}</p>
        <ReadOnlyPhases map />
    }
}

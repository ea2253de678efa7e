use crate::model::Phase;
use crate::ui::shared_map::read_only_phase::ReadOnlyPhase;
use leptos::prelude::*;

/// The phases side by side, for reading.
#[component]
pub fn ReadOnlyPhases(phases: Vec<Phase>) -> impl IntoView {
    view! {
        <ol class="phases read-only">
            {phases.into_iter().map(|phase| {
                let color = phase.color.to_string();
                view! {
                    <li class="phase" style:border-top-color=color>
                        <ReadOnlyPhase phase />
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

use crate::i18n::Text;
use crate::model::Phase;
use crate::ui::editor::card_face::{kpi_face, touchpoint_face};
use crate::ui::use_session;
use leptos::prelude::*;

/// One phase for reading: its heading, then its touchpoints and its KPIs as the editor's compact
/// cards show them. Three parts, so that the map's grid lines them up across the phases; on a
/// phase's own slide they stack.
#[component]
pub fn ReadOnlyPhase(phase: Phase) -> impl IntoView {
    let settings = use_session().settings;
    let lang = move || settings.lang();
    // A lane's cell: named for screen readers and headed on a phase's own slide.
    let lane = move |heading: Text, cards: AnyView| {
        view! {
            <div class="lane-cell" role="group" aria-label=move || lang().t(heading)>
                <h3>{move || lang().t(heading)}</h3>
                <ul class="items">{cards}</ul>
            </div>
        }
    };
    let touchpoints = phase.touchpoints;
    let kpis = phase.kpis;
    let touchpoints = move || {
        touchpoints.iter().map(|t| view! {
            <li class="touchpoint"><div class="card-summary">{touchpoint_face(t, lang())}</div></li>
        }).collect_view()
    };
    let kpis = move || {
        kpis.iter()
            .map(|k| {
                view! {
                    <li class="kpi"><div class="card-summary">{kpi_face(k, lang())}</div></li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="phase-header">
            <h2>{phase.name}</h2>
            <p class="phase-goal">{phase.goal}</p>
        </div>
        {lane(Text::TouchpointsHeading, touchpoints.into_any())}
        {lane(Text::KpisHeading, kpis.into_any())}
    }
}

use crate::charts::data;
use crate::i18n::Text;
use crate::model::JourneyMap;
use crate::ui::charts::curve_lane::CurveLane;
use crate::ui::editor::lane_names::{grid_rows, LaneNames};
use crate::ui::personas::persona_badge::persona_badge;
use crate::ui::shared_map::read_only_phase::{PhaseContext, ReadOnlyPhase, Votes};
use crate::ui::shared_map::slices::Slices;
use crate::ui::tr;
use leptos::prelude::*;

/// The map's grid for reading, as the editor lays it out without its controls: phases as
/// columns, the lanes as rows, the experience curve under the phases. A large map's cards are
/// built a slice at a time ([`Slices`]).
#[component]
pub fn ReadOnlyPhases(
    map: JourneyMap,
    /// Where votes may be cast (presentation mode): see [`PhaseContext`].
    #[prop(optional)]
    vote: Option<Votes>,
) -> impl IntoView {
    let experience = Memo::new({
        let curve = data::experience(&map);
        move |_| Some(curve.clone())
    });
    let cards = map.touchpoint_count() + map.kpi_count() + map.card_count();
    let context = PhaseContext::sliced(&map, vote, Slices::of(cards));
    let lanes = context.lanes.clone();
    let personas = map
        .personas
        .iter()
        .map(|p| persona_badge(p, false))
        .collect_view();
    view! {
        <p class="persona-strip">{personas}</p>
        // A box that scrolls when the map is larger than the screen: one tab stop, so that
        // the keyboard can scroll it too.
        <div class="journey-grid read-only" tabindex="0" role="region" aria-label=tr(Text::PhasesHeading)
            style:grid-template-rows=grid_rows(lanes.len())>
            <LaneNames lanes=lanes.clone() />
            <ol class="phases">
                {map.phases.into_iter().enumerate().map(|(index, phase)| {
                    let color = phase.color.to_string();
                    let label = phase.name.clone();
                    view! {
                        <li class="phase" style:border-top-color=color>
                            <div class="phase-body" role="group" aria-label=label>
                                <ReadOnlyPhase phase context=context.clone() index />
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <CurveLane experience />
        </div>
    }
}

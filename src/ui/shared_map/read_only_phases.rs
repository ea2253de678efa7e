use crate::charts::data;
use crate::i18n::Text;
use crate::model::JourneyMap;
use crate::ui::charts::curve_lane::CurveLane;
use crate::ui::editor::lane_names::LaneNames;
use crate::ui::shared_map::read_only_phase::ReadOnlyPhase;
use crate::ui::tr;
use leptos::prelude::*;

/// The map's grid for reading, as the editor lays it out without its controls: phases as
/// columns, the lanes as rows, the experience curve under the phases.
#[component]
pub fn ReadOnlyPhases(map: JourneyMap) -> impl IntoView {
    let experience = Memo::new({
        let curve = data::experience(&map);
        move |_| Some(curve.clone())
    });
    view! {
        // A box that scrolls when the map is larger than the screen: one tab stop, so that
        // the keyboard can scroll it too.
        <div class="journey-grid read-only" tabindex="0" role="region" aria-label=tr(Text::PhasesHeading)>
            <LaneNames />
            <ol class="phases">
                {map.phases.into_iter().map(|phase| {
                    let color = phase.color.to_string();
                    let label = phase.name.clone();
                    view! {
                        <li class="phase" style:border-top-color=color>
                            <div class="phase-body" role="group" aria-label=label>
                                <ReadOnlyPhase phase />
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <CurveLane experience />
        </div>
    }
}

use super::plot::plot;
use crate::charts::{data, draw};
use crate::i18n::Text;
use crate::model::numbers;
use crate::ui::use_lang;
use leptos::prelude::*;

/// The experience curve as the last lane of the map, each point under its touchpoint's phase,
/// so the journey and how it feels are read together. Its name says each phase's average.
#[component]
pub fn CurveLane(experience: Memo<Option<data::Experience>>) -> impl IntoView {
    let lang = use_lang();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    // The curve does not show touchpoint names: typing one must not redraw it.
    let curve = Memo::new(move |_| experience.with(|e| e.as_ref().map(data::Experience::curve)));
    // No PNG of the lane: it is drawn near the screen only.
    let _ = plot(
        canvas,
        "journey-mapper:chart:CurveLane".into(),
        curve.into(),
        |area, e, look| {
            if let Some(e) = e {
                let _ = draw::curve_lane(area, e, look);
            }
        },
    );
    let label = move || {
        let lang = lang.get();
        let averages = |e: &data::Experience| {
            e.phases
                .iter()
                .map(|p| {
                    let average = p.average.map_or_else(
                        || "–".to_owned(),
                        |a| numbers::format((a * 10.0).round() / 10.0, lang),
                    );
                    format!("{} {average}", p.name)
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        // With personas, each one's averages after its name.
        let said = curve.with(|e| {
            e.as_ref().map(|e| match e.personas.as_slice() {
                [] => averages(e),
                personas => personas
                    .iter()
                    .map(|p| format!("{}: {}", p.name, averages(&p.curve)))
                    .collect::<Vec<_>>()
                    .join("; "),
            })
        });
        format!(
            "{} ({}): {}",
            lang.t(Text::ExperienceCurve),
            lang.t(Text::Average),
            said.unwrap_or_default()
        )
    };
    view! { <canvas class="curve-lane" node_ref=canvas role="img" aria-label=label></canvas> }
}

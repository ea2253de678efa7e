use super::emotion_select::{emotion_text, signed};
use super::use_session;
use crate::i18n::Text;
use crate::model::{numbers, JourneyMap, Kpi, Phase, Status};
use leptos::prelude::*;

/// A map shown for reading only: nothing here can change it.
#[component]
pub fn ReadOnlyMap(map: JourneyMap) -> impl IntoView {
    view! {
        <h1 class="read-only-title">{map.title.clone()}</h1>
        <p>{map.description.clone()}</p>
        <ReadOnlyPhases phases=map.phases />
    }
}

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

/// One phase for reading: its name, goal, touchpoints and KPIs with their progress.
#[component]
pub fn ReadOnlyPhase(phase: Phase) -> impl IntoView {
    let session = use_session();
    let lang = move || session.lang.get();
    let kpi_line = move |k: &Kpi| {
        let lang = lang();
        let target = k.target.map(|t| {
            format!(
                " · {}: {} {}",
                lang.t(Text::Target),
                numbers::format(t, lang),
                k.unit
            )
        });
        let status = k.progress().map(|p| match p.status {
            Status::OnTrack => format!(" · ✓ {}", lang.t(Text::OnTrack)),
            Status::Behind => format!(" · ! {}", lang.t(Text::Behind)),
        });
        format!(
            "{}{}{}",
            k.name,
            target.unwrap_or_default(),
            status.unwrap_or_default()
        )
    };
    view! {
        <h2>{phase.name.clone()}</h2>
        <p class="phase-goal">{phase.goal.clone()}</p>
        <h3>{move || lang().t(Text::TouchpointsHeading)}</h3>
        <ul class="items">
            {phase.touchpoints.into_iter().map(|t| view! {
                <li class="touchpoint">
                    <strong>{t.name.clone()}</strong>
                    <span class="map-meta">
                        {t.channel.clone()} " · " {t.emotion.map(signed).unwrap_or_else(|| "–".into())} " "
                        {move || lang().t(emotion_text(t.emotion))}
                    </span>
                </li>
            }).collect_view()}
        </ul>
        <h3>{move || lang().t(Text::KpisHeading)}</h3>
        <ul class="items">
            {phase.kpis.into_iter().map(|k| view! { <li class="kpi">{move || kpi_line(&k)}</li> }).collect_view()}
        </ul>
    }
}

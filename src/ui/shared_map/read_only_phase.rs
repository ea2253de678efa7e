use crate::i18n::Text;
use crate::model::{numbers, Emotion, Kpi, Phase, Status};
use crate::ui::use_session;
use leptos::prelude::*;

/// One phase for reading: its name, goal, touchpoints and KPIs with their progress.
#[component]
pub fn ReadOnlyPhase(phase: Phase) -> impl IntoView {
    let session = use_session();
    let lang = move || session.settings.lang();
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
                        {t.channel.clone()} " · " {t.emotion.map(Emotion::signed).unwrap_or_else(|| "–".into())} " "
                        {move || lang().t(Emotion::words(t.emotion))}
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

//! What a compact card shows, the same in the editor, the shared map and presentation mode:
//! plain values in, one piece of view out.

use crate::i18n::Lang;
use crate::i18n::Text;
use crate::model::{numbers, Emotion, Kpi, LaneCard, LaneKind, Touchpoint};
use crate::ui::editor::status_chip::status_chip;
use leptos::prelude::*;

/// The badge's class for an emotion: its colour on the diverging scale.
pub fn emotion_class(emotion: Option<Emotion>) -> &'static str {
    match emotion.map(|e| e.score()) {
        None => "emotion-badge unrated",
        Some(-2) => "emotion-badge e-2",
        Some(-1) => "emotion-badge e-1",
        Some(0) => "emotion-badge e0",
        Some(1) => "emotion-badge e1",
        Some(_) => "emotion-badge e2",
    }
}

/// A touchpoint at a glance: its emotion as a badge, its name, its channel and the emotion in
/// words.
pub fn touchpoint_face(touchpoint: &Touchpoint, lang: Lang) -> impl IntoView {
    let words = lang.t(Emotion::words(touchpoint.emotion));
    let meta = if touchpoint.channel.is_empty() {
        words.to_owned()
    } else {
        format!("{} · {words}", touchpoint.channel)
    };
    let sign = touchpoint
        .emotion
        .map(Emotion::signed)
        .unwrap_or_else(|| "–".into());
    view! {
        <span class=emotion_class(touchpoint.emotion) aria-hidden="true">{sign}</span>
        " " <strong class="card-title">{touchpoint.name.clone()}</strong>
        <span class="card-meta">{meta}</span>
    }
}

/// A KPI at a glance: its name, latest value against target, and its status in colour and
/// words.
pub fn kpi_face(kpi: &Kpi, lang: Lang) -> impl IntoView {
    let progress = kpi.progress();
    let unit = &kpi.unit;
    let sample = kpi.latest_sample().map(|s| format!(" · {}", s.words(lang)));
    let figures = progress.map(|p| {
        format!(
            "{} {unit} / {} {unit}{}",
            numbers::format(p.latest, lang),
            numbers::format(p.target, lang),
            sample.unwrap_or_default()
        )
    });
    let (class, symbol, words) = status_chip(progress.map(|p| p.status));
    view! {
        <span class="summary-text">
            <strong class="card-title">{kpi.name.clone()}</strong>
            {figures.map(|f| view! { <span class="card-meta">{f}</span> })}
        </span>
        <span class=class>{symbol} " " {lang.t(words)}</span>
    }
}

/// A lane card at a glance: its text, a pain point's severity as dots and words, and the votes
/// of a card that is voted on.
pub fn lane_card_face(card: &LaneCard, kind: Option<LaneKind>, lang: Lang) -> impl IntoView {
    let severity = card
        .severity
        .filter(|_| kind == Some(LaneKind::PainPoints))
        .map(|s| {
            let level = usize::from(s.level());
            let dots = format!("{}{}", "●".repeat(level), "○".repeat(3 - level));
            let words = lang.fill(Text::SeverityShort, &[("n", &level.to_string())]);
            view! {
                <span class=format!("severity s{level}")><span aria-hidden="true">{dots}</span> " " {words}</span>
            }
        });
    let votes = kind
        .filter(|k| k.has_votes() && card.votes > 0)
        .map(|_| view! { <span class="vote-chip">{lang.votes(card.votes)}</span> });
    view! {
        <span class="card-title">{card.text.clone()}</span>
        {(severity.is_some() || votes.is_some()).then(|| view! { <span class="card-meta">{severity}" "{votes}</span> })}
    }
}

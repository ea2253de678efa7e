//! What a compact card shows, the same in the editor, the shared map and presentation mode:
//! plain values in, one piece of view out.

use crate::i18n::Lang;
use crate::model::{numbers, Emotion, Kpi, Touchpoint};
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
    let figures = progress.map(|p| {
        format!(
            "{} {unit} / {} {unit}",
            numbers::format(p.latest, lang),
            numbers::format(p.target, lang)
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

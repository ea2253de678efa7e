use super::map_context::use_open_map;
use super::use_lang;
use crate::i18n::Text;
use crate::model::{Edit, Emotion, Id};
use leptos::prelude::*;

/// The words for an emotion score, so it never rests on colour alone.
pub fn emotion_text(emotion: Option<Emotion>) -> Text {
    match emotion.map(Emotion::score) {
        None => Text::NotRated,
        Some(-2) => Text::VeryNegative,
        Some(-1) => Text::Negative,
        Some(0) => Text::Neutral,
        Some(1) => Text::Positive,
        Some(_) => Text::VeryPositive,
    }
}

/// A score written with its sign, as `+2`, `0` or `−1`.
pub fn signed(emotion: Emotion) -> String {
    match emotion.score() {
        s if s > 0 => format!("+{s}"),
        s if s < 0 => format!("−{}", -s),
        _ => "0".into(),
    }
}

/// Picks how the customer feels at a touchpoint, from −2 to +2 or not rated.
#[component]
pub fn EmotionSelect(
    touchpoint: Id,
    #[prop(into)] value: Signal<Option<Emotion>>,
) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let on_change = move |ev| {
        let emotion = event_target_value(&ev)
            .parse::<i64>()
            .ok()
            .and_then(Emotion::new);
        let _ = map.apply(Edit::SetEmotion {
            touchpoint: touchpoint.clone(),
            emotion,
        });
    };
    let options = move || {
        let lang = lang.get();
        std::iter::once((String::new(), lang.t(Text::NotRated).to_owned()))
            .chain(
                (Emotion::MIN..=Emotion::MAX)
                    .filter_map(|s| Emotion::new(s.into()))
                    .map(|e| {
                        (
                            e.score().to_string(),
                            format!("{} {}", signed(e), lang.t(emotion_text(Some(e)))),
                        )
                    }),
            )
            .map(|(value, label)| view! { <option value=value>{label}</option> })
            .collect_view()
    };
    view! {
        <select
            class="emotion"
            aria-label=move || lang.get().t(Text::Emotion)
            prop:value=move || value.get().map(|e| e.score().to_string()).unwrap_or_default()
            on:change=on_change
        >
            {options}
        </select>
    }
}

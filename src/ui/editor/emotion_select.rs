use crate::i18n::Text;
use crate::model::{Edit, Emotion, Id};
use crate::ui::session::open_map::use_open_map;
use crate::ui::use_lang;
use leptos::prelude::*;

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
                            format!("{} {}", Emotion::signed(e), lang.t(Emotion::words(Some(e)))),
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

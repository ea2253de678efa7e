use crate::i18n::Text;
use crate::model::Emotion;
use crate::ui::use_lang;
use leptos::prelude::*;

/// Picks how a customer feels, from −2 to +2, or none (`none` says what none means: not rated,
/// or as the touchpoint's emotion says).
#[component]
pub fn EmotionSelect(
    #[prop(into)] value: Signal<Option<Emotion>>,
    #[prop(into)] label: Signal<String>,
    none: Text,
    on_pick: impl Fn(Option<Emotion>) + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let on_change = move |ev| {
        let emotion = event_target_value(&ev)
            .parse::<i64>()
            .ok()
            .and_then(Emotion::new);
        on_pick(emotion);
    };
    let options = move || {
        let lang = lang.get();
        std::iter::once((String::new(), lang.t(none).to_owned()))
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
            aria-label=label
            prop:value=move || value.get().map(|e| e.score().to_string()).unwrap_or_default()
            on:change=on_change
        >
            {options}
        </select>
    }
}

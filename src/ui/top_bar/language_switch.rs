use crate::i18n::{Lang, Text};
use crate::ui::{tr, use_settings};
use leptos::prelude::*;

/// Switches the interface between English and Dutch; the choice is remembered.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let settings = use_settings();
    let on_change = move |ev| {
        let lang = if event_target_value(&ev) == "nl" {
            Lang::Nl
        } else {
            Lang::En
        };
        settings.set_lang(lang);
    };
    view! {
        <label class="language-switch">
            // The choice names itself ("English", "Nederlands"); the word is for screen readers.
            <span class="visually-hidden">{tr(Text::Language)}</span>
            <select on:change=on_change prop:value=move || settings.lang().code()>
                <option value="en" lang="en">"English"</option>
                <option value="nl" lang="nl">"Nederlands"</option>
            </select>
        </label>
    }
}

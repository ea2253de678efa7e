use crate::i18n::Text;
use crate::model::numbers::{format, parse};
use crate::ui::session::open_map::OpenMap;
use crate::ui::use_lang;
use leptos::prelude::*;

/// A number field that commits when the user leaves it or presses Enter (so "12." on the way to
/// "12.5" is never stored); text that is no number is refused with a message.
#[component]
pub fn NumberInput(
    #[prop(into)] value: Signal<Option<f64>>,
    #[prop(into)] label: Signal<String>,
    /// Whether the number may be left empty.
    #[prop(optional)]
    optional: bool,
    /// Whether only numbers of 0 and more are taken (a cost, a number of contacts).
    #[prop(optional)]
    not_negative: bool,
    on_commit: impl Fn(Option<f64>) + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let map = use_context::<OpenMap>();
    // A participant of a live session whose facilitator locked the map reads it.
    let readonly = move || map.is_some_and(|m| !m.session.guard.may_edit(&m.id.get_value()));
    let (invalid, set_invalid) = signal(false);
    let text = move || {
        value
            .get()
            .map(|v| format(v, lang.get()))
            .unwrap_or_default()
    };
    let on_change = move |ev| match parse(&event_target_value(&ev)) {
        Ok(Some(n)) if not_negative && n < 0.0 => set_invalid.set(true),
        Ok(number) if number.is_some() || optional => {
            set_invalid.set(false);
            if value.try_get_untracked() != Some(number) {
                on_commit(number);
            }
        }
        _ => set_invalid.set(true),
    };
    view! {
        <span class="number-field">
            <input
                type="text"
                inputmode="decimal"
                aria-label=label
                aria-invalid=move || invalid.get().to_string()
                readonly=readonly
                prop:value=text
                on:change=on_change
            />
            <Show when=move || invalid.get()>
                <span class="field-error" role="alert">
                    {move || lang.get().t(if not_negative { Text::NotANumberOrNegative } else { Text::NotANumber })}
                </span>
            </Show>
        </span>
    }
}

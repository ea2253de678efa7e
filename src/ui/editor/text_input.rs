use crate::i18n::Text;
use crate::model::{limits, Edit, TextField};
use crate::ui::session::open_map::use_open_map;
use crate::ui::tr;
use leptos::prelude::*;

/// A text field of the map, saved as the user types. Typing in it is one undo step, ended when
/// the field loses focus.
#[component]
pub fn TextInput(
    field: TextField,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] multiline: bool,
    /// The id of a `<datalist>` with suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
    #[prop(optional)] class: &'static str,
    /// What to say when the map refuses the text (a title of no or too many characters); the
    /// last text it accepted comes back when the field is left.
    #[prop(optional)]
    refused: Option<Text>,
    /// What Enter does in a one-line field, if anything (a card's name: add the next card).
    #[prop(optional)]
    on_enter: Option<Callback<()>>,
) -> impl IntoView {
    let map = use_open_map();
    let (invalid, set_invalid) = signal(false);
    // The browser stops typing and pasting at the longest text the map takes; a title says
    // instead why it is refused.
    let max_length = (field != TextField::MapTitle).then_some(limits::TEXT_MAX_CHARS);
    let on_input = move |ev| {
        let edit = Edit::SetText {
            field: field.clone(),
            value: event_target_value(&ev),
        };
        set_invalid.set(map.apply(edit).is_err());
    };
    // Also when a closing card takes the field away while it has focus: then the field's own
    // signals may be gone already.
    let on_blur = move |ev: leptos::ev::FocusEvent| {
        map.session.library.seal();
        if invalid.try_get_untracked() == Some(true) {
            set_invalid.set(false);
            if let (Some(target), Some(value)) = (ev.target(), value.try_get_untracked()) {
                let _ = js_sys::Reflect::set(&target, &"value".into(), &value.into());
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let plain = !(ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key());
        if let Some(enter) = on_enter.filter(|_| plain && ev.key() == "Enter" && !ev.is_composing())
        {
            ev.prevent_default();
            map.session.library.seal();
            enter.run(());
        }
    };
    let aria_invalid = move || invalid.get().to_string();
    // A participant of a live session whose facilitator locked the map reads it.
    let readonly = move || !map.session.guard.may_edit(&map.id.get_value());
    let control = if multiline {
        view! {
            <textarea class=class aria-label=label placeholder=label aria-invalid=aria_invalid maxlength=max_length prop:value=value readonly=readonly
                on:input=on_input on:blur=on_blur rows="1"></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" class=class aria-label=label placeholder=label list=list aria-invalid=aria_invalid maxlength=max_length
                prop:value=value readonly=readonly on:input=on_input on:blur=on_blur on:keydown=on_key />
        }
        .into_any()
    };
    view! {
        {control}
        {refused.map(|text| view! {
            <p class="field-error" aria-live="polite">{move || invalid.get().then(tr(text))}</p>
        })}
    }
}

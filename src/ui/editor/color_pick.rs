use crate::i18n::Text;
use crate::model::{Color, Edit};
use crate::ui::session::open_map::use_open_map;
use crate::ui::tr;
use leptos::prelude::*;

/// The browser's own colour picker, named `label`, showing `value`; a colour picked is applied
/// as the edit `edit` makes of it (a phase's, a persona's).
#[component]
pub fn ColorPick(
    label: Text,
    value: impl Fn() -> String + Send + Sync + 'static,
    edit: impl Fn(Color) -> Edit + 'static,
) -> impl IntoView {
    let map = use_open_map();
    let on_change = move |ev| {
        if let Some(color) = Color::parse(&event_target_value(&ev)) {
            let _ = map.apply(edit(color));
        }
    };
    view! {
        <label class="color-pick" title=tr(label)>
            <span class="visually-hidden">{tr(label)}</span>
            <input type="color" prop:value=value on:change=on_change />
        </label>
    }
}

use crate::i18n::Text;
use crate::ui::{tr, use_session};
use leptos::prelude::*;

/// Undo and redo, also on Ctrl/Cmd + Z, Ctrl/Cmd + Shift + Z and Ctrl + Y.
#[component]
pub fn UndoButtons() -> impl IntoView {
    let session = use_session();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => session.undo(),
            ("z", true) | ("y", false) => session.redo(),
            _ => return,
        }
        // Our history knows every change, including typing, so the browser's own undo of a
        // field would only disagree with it.
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    view! {
        <div class="undo-buttons">
            <button type="button" aria-keyshortcuts="Control+Z" disabled=move || !session.library.can_undo() on:click=move |_| session.undo()>
                "↶ " {tr(Text::Undo)}
            </button>
            <button type="button" aria-keyshortcuts="Control+Shift+Z" disabled=move || !session.library.can_redo() on:click=move |_| session.redo()>
                "↷ " {tr(Text::Redo)}
            </button>
        </div>
    }
}

use crate::i18n::Text;
use crate::ui::app::Request;
use crate::ui::{tr, use_workspace};
use leptos::prelude::*;

/// Undo and redo, also on Ctrl/Cmd + Z, Ctrl/Cmd + Shift + Z and Ctrl + Y.
#[component]
pub fn UndoButtons() -> impl IntoView {
    let workspace = use_workspace();
    let can_undo = move || workspace.session().is_some_and(|s| s.library.can_undo());
    let can_redo = move || workspace.session().is_some_and(|s| s.library.can_redo());
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => workspace.act(Request::Undo),
            ("z", true) | ("y", false) => workspace.act(Request::Redo),
            _ => return,
        }
        // Our history knows every change, including typing, so the browser's own undo of a
        // field would only disagree with it.
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    view! {
        <div class="undo-buttons">
            <button type="button" aria-keyshortcuts="Control+Z" disabled=move || !can_undo() on:click=move |_| workspace.act(Request::Undo)>
                "↶ " {tr(Text::Undo)}
            </button>
            <button type="button" aria-keyshortcuts="Control+Shift+Z" disabled=move || !can_redo() on:click=move |_| workspace.act(Request::Redo)>
                "↷ " {tr(Text::Redo)}
            </button>
        </div>
    }
}

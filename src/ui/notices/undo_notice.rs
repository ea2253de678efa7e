use crate::i18n::Text;
use crate::ui::{tr, use_session};
use leptos::prelude::*;

/// "Deleted “X”. Undo" after a deletion, until the next change.
#[component]
pub fn UndoNotice() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="undo-notice-area" role="status">
            {move || session.library.deleted().map(|what| view! {
                <div class="undo-notice">
                    <span>{tr(Text::Deleted)} " “" {what} "”."</span>
                    <button type="button" on:click=move |_| session.undo()>{tr(Text::Undo)}</button>
                </div>
            })}
        </div>
    }
}

use crate::i18n::Text;
use crate::ui::{use_session, SaveState};
use leptos::prelude::*;

/// A quiet line saying whether everything is saved; screen readers hear it change.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let session = use_session();
    let text = move || {
        let lang = session.settings.lang();
        match session.autosave.state() {
            SaveState::Saved => lang.t(Text::Saved),
            SaveState::Pending => lang.t(Text::Saving),
            SaveState::Full | SaveState::Blocked | SaveState::NewerApp | SaveState::Failed(_) => {
                lang.t(Text::NotSaved)
            }
        }
    };
    let failed = move || {
        !matches!(
            session.autosave.state(),
            SaveState::Saved | SaveState::Pending
        )
    };
    view! {
        <p class="save-status" class:failed=failed role="status">{text}</p>
    }
}

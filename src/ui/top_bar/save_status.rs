use crate::i18n::Text;
use crate::ui::{use_workspace, SaveState};
use leptos::prelude::*;

/// A quiet line saying whether everything is saved; screen readers hear it change.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let workspace = use_workspace();
    // Nothing can be unsaved before the session is there.
    let state = move || {
        workspace
            .session()
            .map_or(SaveState::Saved, |s| s.autosave.state())
    };
    let text = move || {
        let lang = workspace.settings.lang();
        match state() {
            SaveState::Saved => lang.t(Text::Saved),
            SaveState::Pending => lang.t(Text::Saving),
            SaveState::Full | SaveState::Blocked | SaveState::NewerApp | SaveState::Failed(_) => {
                lang.t(Text::NotSaved)
            }
        }
    };
    let failed = move || !matches!(state(), SaveState::Saved | SaveState::Pending);
    view! {
        <p class="save-status" class:failed=failed role="status">{text}</p>
    }
}

use crate::i18n::Text;
use crate::model::numbers;
use crate::ui::{tr, use_workspace};
use leptos::prelude::*;

/// How much of the browser's storage the maps take, and whether the browser will keep them.
#[component]
pub fn StorageUsage() -> impl IntoView {
    let workspace = use_workspace();
    let stored = move || workspace.session().map(|s| s.stored);
    let size = move || stored().map(|s| numbers::bytes(s.bytes_used(), workspace.settings.lang()));
    let persisted = move || match stored().and_then(|s| s.persisted()) {
        Some(true) => Some(Text::Persisted),
        Some(false) => Some(Text::NotPersisted),
        None => None,
    };
    view! {
        <Show when=move || stored().is_some_and(|s| s.persistent())>
            <p class="storage-usage">
                {tr(Text::StorageUsed)} " " <strong>{size}</strong> " " {tr(Text::StorageOfAbout)} ". "
                {move || persisted().map(|t| workspace.settings.lang().t(t))}
            </p>
        </Show>
    }
}

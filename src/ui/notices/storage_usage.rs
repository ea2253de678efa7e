use crate::i18n::Text;
use crate::ui::{tr, use_session};
use leptos::prelude::*;

/// How much of the browser's storage the maps take, and whether the browser will keep them.
#[component]
pub fn StorageUsage() -> impl IntoView {
    let session = use_session();
    let size = move || {
        let bytes = session.stored.bytes_used();
        if bytes < 1024 * 1024 {
            format!("{:.1} KB", bytes as f64 / 1024.0)
        } else {
            format!("{:.2} MB", bytes as f64 / (1024.0 * 1024.0))
        }
    };
    let persisted = move || match session.stored.persisted() {
        Some(true) => Some(Text::Persisted),
        Some(false) => Some(Text::NotPersisted),
        None => None,
    };
    view! {
        <Show when=move || session.stored.persistent()>
            <p class="storage-usage">
                {tr(Text::StorageUsed)} " " <strong>{size}</strong> " " {tr(Text::StorageOfAbout)} ". "
                {move || persisted().map(|t| session.settings.lang().t(t))}
            </p>
        </Show>
    }
}

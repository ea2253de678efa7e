use crate::i18n::Text;
use crate::model::numbers;
use crate::ui::{tr, use_session};
use leptos::prelude::*;

/// How much of the browser's storage the maps take, and whether the browser will keep them.
#[component]
pub fn StorageUsage() -> impl IntoView {
    let session = use_session();
    let size = move || numbers::bytes(session.stored.bytes_used());
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

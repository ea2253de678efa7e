use crate::ui::browser::route::{self, Route};
use crate::ui::import::import_panel::ImportPanel;
use crate::ui::import::importer::Importer;
use crate::ui::notices::backup_reminder::BackupReminder;
use crate::ui::notices::storage_notices::StorageNotices;
use crate::ui::notices::undo_notice::UndoNotice;
use leptos::prelude::*;

/// The notices at the top of every page that report on the session: storage, the backup
/// reminder, a deletion to undo, and the import under way. In the session's part of the wasm.
#[component]
pub fn FrameNotices() -> impl IntoView {
    let importer = expect_context::<Importer>();
    let route = route::current();
    let presenting = move || matches!(route.get(), Route::Present(_));
    view! {
        <StorageNotices />
        <Show when=move || !presenting()>
            <BackupReminder />
        </Show>
        <UndoNotice />
        <Show when=move || importer.is_active()>
            <ImportPanel />
        </Show>
    }
}

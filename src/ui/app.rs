use super::{tr, Session};
use crate::i18n::Text;
use crate::ui::browser::route::{self, Route};
use crate::ui::import::importer::Importer;
use crate::ui::library::library_page::LibraryPage;
use crate::ui::live::Live;
use crate::ui::map::workshop_timer::Timer;
use crate::ui::notices::backup_reminder::BackupReminder;
use crate::ui::notices::storage_notices::StorageNotices;
use crate::ui::notices::storage_usage::StorageUsage;
use crate::ui::notices::undo_notice::UndoNotice;
use crate::ui::notices::update_notice::UpdateNotice;
use crate::ui::page_part::{self as part, later};
use crate::ui::top_bar::language_switch::LanguageSwitch;
use crate::ui::top_bar::large_type_toggle::LargeTypeToggle;
use crate::ui::top_bar::save_status::SaveStatus;
use crate::ui::top_bar::undo_buttons::UndoButtons;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    let session = Session::open();
    provide_context(session);
    let importer = Importer::new(session);
    provide_context(importer);
    Live::provide(session);
    Timer::provide();

    // A file dropped anywhere on the page is offered for import. Drags inside the journey carry
    // text, not files, and are left alone.
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer()
            .is_some_and(|d| d.types().includes(&"Files".into(), 0))
    };
    let drag_over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
            if let Some(file) = ev
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                importer.read(file);
            }
        }
    });

    // The last keystroke must survive a reload: save at once when the page is hidden or left.
    let hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            session.autosave.flush_all();
        } else {
            // Back in view: take in what other tabs saved meanwhile.
            session.tab_sync.sync_all();
        }
    });
    // Another tab of this app saved or removed a map, or cleared all of the site's storage.
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| match ev.key() {
        Some(key) => {
            if let Some(id) = crate::storage::map_of_key(&key) {
                session.tab_sync.sync(id);
            } else if crate::storage::is_app_key(&key) {
                session.tab_sync.check_app_version();
            }
        }
        None => session.tab_sync.sync_all(),
    });
    let leaving = window_event_listener_untyped("pagehide", move |_| {
        // A number field commits when it is left (so "12." on the way to "12.5" is never
        // stored): the page going away leaves it, so that what was typed is saved like text.
        if let Some(field) = document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = field.blur();
        }
        session.autosave.flush_all();
    });
    // Changes that could not be stored (storage full, failing or blocked, or this tab stopped by
    // a newer release) and are in no downloaded file would go with the page: the browser asks
    // before leaving.
    let unsaved = window_event_listener_untyped("beforeunload", move |ev| {
        session.autosave.flush();
        if session.autosave.at_risk() {
            ev.prevent_default();
            // Older browsers ask only when a return value is set.
            let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"".into());
        }
    });
    on_cleanup(move || {
        hidden.remove();
        leaving.remove();
        unsaved.remove();
        drag_over.remove();
        drop.remove();
        other_tab.remove();
    });

    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            // Screen readers pick their voice from the page's language.
            let _ = root.set_attribute("lang", session.settings.lang().code());
        }
    });

    part::preload();

    let route = route::current();
    // Presentation mode reads the map only: the editor's controls and shortcuts (undo!) go away.
    let presenting = move || matches!(route.get(), Route::Present(_));
    view! {
        <Show when=move || !presenting()>
            <header class="top-bar">
                <a class="app-name" href=Route::Library.href()>{tr(Text::AppName)}</a>
                <SaveStatus />
                <UndoButtons />
                <LargeTypeToggle />
                <LanguageSwitch />
            </header>
        </Show>
        <UpdateNotice />
        <StorageNotices />
        <Show when=move || !presenting()>
            <BackupReminder />
        </Show>
        <UndoNotice />
        <Show when=move || importer.is_active()>{later(part::import_panel)}</Show>
        <main id="main" class:wide=move || !matches!(route.get(), Route::Library) class:presenting=presenting>
            {move || match route.get() {
                Route::Library => view! { <LibraryPage /> }.into_any(),
                Route::Map(id) => later(move || part::map_page(id.clone())).into_any(),
                Route::Present(id) => later(move || part::presentation_page(id.clone())).into_any(),
                Route::Shared(payload) => later(move || part::shared_map_page(payload.clone())).into_any(),
                Route::Versions(id) => later(move || part::versions_page(id.clone())).into_any(),
                Route::Live { room, server } => {
                    later(move || part::join_page(room.clone(), server.clone())).into_any()
                }
            }}
        </main>
        <Show when=move || !presenting()>
            <footer class="bottom-bar">
                <StorageUsage />
            </footer>
        </Show>
    }
}

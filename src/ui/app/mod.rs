//! The app's wiring: the page's frame and first screen (here), the session started in its part
//! of the wasm with what hangs on it (`start`), what the first screen asks of the session
//! (`workspace`) and its serving there (`serve`).

mod serve;
mod start;
pub mod workspace;

pub use workspace::{Request, Workspace};

use super::{tr, Settings};
use crate::i18n::Text;
use crate::ui::browser::route::{self, Route};
use crate::ui::library::library_page::LibraryPage;
use crate::ui::notices::storage_usage::StorageUsage;
use crate::ui::notices::update_notice::UpdateNotice;
use crate::ui::page_part::{self as part, later};
use crate::ui::top_bar::language_switch::LanguageSwitch;
use crate::ui::top_bar::large_type_toggle::LargeTypeToggle;
use crate::ui::top_bar::save_status::SaveStatus;
use crate::ui::top_bar::undo_buttons::UndoButtons;
use leptos::prelude::*;

/// The page's frame and the first screen. The session is fetched once the first screen is
/// drawn, as the frame's notices ask for it (see `Workspace`).
#[component]
pub fn App() -> impl IntoView {
    // For `benches/editor.mjs`: what was fetched before this is what the first screen waited for.
    crate::ui::browser::timing::mark("journey-mapper:first-screen-code");
    let settings = Settings::open();
    provide_context(settings);
    let workspace = Workspace::new(settings);
    provide_context(workspace);

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
                workspace.act(Request::Import(file));
            }
        }
    });
    on_cleanup(move || {
        drag_over.remove();
        drop.remove();
    });

    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            // Screen readers pick their voice from the page's language.
            let _ = root.set_attribute("lang", settings.lang().code());
        }
    });

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
        {later(move || workspace.notices())}
        <main id="main" class:wide=move || !matches!(route.get(), Route::Library) class:presenting=presenting>
            {move || match route.get() {
                Route::Library => view! { <LibraryPage /> }.into_any(),
                page => later(move || part::open_page(page.clone())).into_any(),
            }}
        </main>
        <Show when=move || !presenting()>
            <footer class="bottom-bar">
                <StorageUsage />
            </footer>
        </Show>
    }
}

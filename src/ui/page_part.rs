//! The first screen, the library, waits for no part of the wasm but its own (issue 16). The
//! session is a part of its own, fetched as the first screen starts (`open_session`, with
//! `serve` for what the first screen asks of it and `frame_notices` for the notices that
//! report on it); so is every other page, and the import panel, shown only once a file is
//! chosen or dropped. `scripts/wasm-build.sh` splits the wasm at the functions below
//! (wasm_split, the engine behind Leptos' `#[lazy]`, used directly for its `fallible` option: a
//! part that cannot be fetched is a message with a way to try again, not a crashed app). Where
//! the wasm is not split (`cargo test`), they are plain functions.

use super::session::{Request, Settings};
use super::{tr, use_workspace, Session};
use crate::i18n::Text;
use crate::model::Id;
use crate::ui::import::import_panel::ImportPanel;
use crate::ui::live::join_page::JoinPage;
use crate::ui::map::map_page::MapPage;
use crate::ui::notices::frame_notices::FrameNotices;
use crate::ui::presentation::presentation_page::PresentationPage;
use crate::ui::shared_map::shared_map_page::SharedMapPage;
use crate::ui::versions::versions_page::VersionsPage;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;

/// A page's part of the wasm could not be fetched: a first visit lost its connection before the
/// service worker had kept every part.
pub struct PartMissing;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// One function, its own part of the wasm where the build splits it; a page without `->`.
macro_rules! part {
    ($name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($name, fallible, wasm_split_path = ::leptos::wasm_split)]
        pub fn $name($($arg: $ty),*) -> Result<$out, PartMissing> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$out, PartMissing> {
            Ok($body)
        }
    };
    ($name:ident($($arg:ident: $ty:ty),*) $body:block) => {
        part!($name($($arg: $ty),*) -> AnyView { $body.into_any() });
    };
}

part!(open_session(settings: Settings, owner: Owner) -> Session {
    owner.with(|| Session::start(settings))
});
part!(serve(session: Session, request: Request, owner: Owner) -> () {
    owner.with(|| session.serve(request))
});
part!(frame_notices() { view! { <FrameNotices /> } });

part!(map_page(id: Id) { view! { <MapPage id /> } });
part!(presentation_page(id: Id) { view! { <PresentationPage id /> } });
part!(shared_map_page(payload: String) { view! { <SharedMapPage payload /> } });
part!(versions_page(id: Id) { view! { <VersionsPage id /> } });
part!(join_page(room: String, server: String) { view! { <JoinPage room server /> } });
part!(import_panel() { view! { <ImportPanel /> } });

/// Shows the view `load` brings once its part and the session's are there; if one cannot be
/// fetched, says so and offers to try again (a failed fetch is not remembered, so the next one
/// starts afresh).
pub fn later<F>(load: impl Fn() -> F + Send + Sync + 'static) -> impl IntoView
where
    F: Future<Output = Result<AnyView, PartMissing>> + 'static,
{
    let workspace = use_workspace();
    let attempt = RwSignal::new(0_u32);
    move || {
        attempt.track();
        let (ready, view) = (workspace.ready(), load());
        let page = SendWrapper::new(async move {
            ready.await?;
            view.await
        });
        Suspend::new(async move {
            page.await.unwrap_or_else(|PartMissing| {
                view! {
                    <div class="notice error" role="alert">
                        <p>{tr(Text::PartMissing)}</p>
                        <button on:click=move |_| attempt.update(|n| *n += 1)>{tr(Text::TryAgain)}</button>
                    </div>
                }
                .into_any()
            })
        })
    }
}

/// Fetches the part that serves the first screen's requests, without running it.
pub async fn serve_ready() -> Result<(), PartMissing> {
    #[cfg(feature = "split")]
    __wasm_split_preload_serve().await?;
    Ok(())
}

/// Fetches and compiles the pages' parts once the first screen is idle, the editor's first, so
/// that opening one does not wait for them. A part that fails here is fetched again when opened.
pub fn preload() {
    #[cfg(feature = "split")]
    request_idle_callback(|| {
        leptos::task::spawn_local(async {
            let _ = __wasm_split_preload_map_page().await;
            let _ = __wasm_split_preload_presentation_page().await;
            let _ = __wasm_split_preload_versions_page().await;
            let _ = __wasm_split_preload_shared_map_page().await;
            let _ = __wasm_split_preload_join_page().await;
            let _ = __wasm_split_preload_import_panel().await;
            // Opening a map from here on waits for no part: a User Timing mark, for
            // `benches/editor.mjs`, which times the open both ways.
            if let Some(performance) = window().performance() {
                let _ = performance.mark("journey-mapper:parts-loaded");
            }
        })
    });
}

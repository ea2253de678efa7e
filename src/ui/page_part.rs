//! The first screen, the library, waits for no part of the wasm but its own (issue 16). The
//! session is a part of its own, fetched once the first screen is drawn (`session`: opening
//! it, serving what the first screen asks of it, and the notices that report on it, the import
//! panel among them); every other page is the other part (`page`), fetched when the page is
//! idle. `scripts/wasm-build.sh` splits the wasm at the functions below (wasm_split, the engine
//! behind Leptos' `#[lazy]`, used directly for its `fallible` option: a part that cannot be
//! fetched is a message with a way to try again, not a crashed app). Where the wasm is not
//! split (`cargo test`), they are plain functions.

use super::app::Request;
use super::session::Settings;
use super::{tr, use_workspace, Session};
use crate::i18n::Text;
use crate::model::loyalty::CustomerBase;
use crate::ui::browser::route::Route;
use crate::ui::browser::stylesheet;
use crate::ui::live::join_page::JoinPage;
use crate::ui::loyalty::{CustomerCharts, LoyaltyContent};
use crate::ui::map::map_page::MapPage;
use crate::ui::map::workshop_panel::WorkshopTools;
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

impl From<stylesheet::NotLoaded> for PartMissing {
    fn from(_: stylesheet::NotLoaded) -> Self {
        PartMissing
    }
}

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

/// What the first screen asks of the session's part.
pub enum SessionCall {
    Open,
    Serve(Request),
    /// The notices that report on the session, for the top of the page.
    Notices,
}

// The session's one entrance, so that its code is one part: every split point adds modules for
// the code it shares with the others, and each module costs the main thread to fetch and
// compile (nine split points made 110 modules; see BENCHMARKS.md, "The session a part of its
// own").
part!(session(settings: Settings, owner: Owner, call: SessionCall) -> (Session, Option<AnyView>) {
    owner.with(|| {
        let session = Session::start(settings);
        let view = match call {
            SessionCall::Open => None,
            SessionCall::Serve(request) => {
                session.serve(request);
                None
            }
            SessionCall::Notices => Some(view! { <FrameNotices /> }.into_any()),
        };
        (session, view)
    })
});

// Every page but the library, through one entrance too: the editor's code is most of every
// other page's, and a split point per page made dozens of modules of what they share.
part!(page(route: Route) {
    match route {
        Route::Library => ().into_any(),
        Route::Map(id) => view! { <MapPage id /> }.into_any(),
        Route::Present(id) => view! { <PresentationPage id /> }.into_any(),
        Route::Shared(payload) => view! { <SharedMapPage payload /> }.into_any(),
        Route::Versions(id) => view! { <VersionsPage id /> }.into_any(),
        Route::Live {
            room,
            key,
            server,
            watch,
        } => view! { <JoinPage room key server watch /> }.into_any(),
    }
});

/// What the Loyalty part shows: a map's Loyalty section, or the customer base's charts on the
/// presentation's first slide.
pub enum LoyaltyView {
    Section,
    Charts {
        base: Signal<Option<CustomerBase>>,
        file_name: Signal<String>,
    },
}

// Loyalty (the scorecard, the customer base, its charts) is a part of its own within the pages:
// a workshop participant opening a map to vote never needs it, and never fetches it.
part!(loyalty(what: LoyaltyView) {
    match what {
        LoyaltyView::Section => view! { <LoyaltyContent /> }.into_any(),
        LoyaltyView::Charts { base, file_name } => view! { <CustomerCharts base file_name /> }.into_any(),
    }
});

// The workshop's rounds, rankings and priorities, a part of their own within the pages too: a
// participant who joins to add cards fetches them only when the Workshop fold opens (by itself
// when a round starts).
part!(workshop() {
    view! { <WorkshopTools /> }
});

/// A page other than the library: its part of the wasm, with the pages' stylesheet fetched
/// alongside.
pub async fn open_page(route: Route) -> Result<AnyView, PartMissing> {
    let styled = stylesheet::pages();
    let view = page(route).await?;
    styled.await?;
    Ok(view)
}

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

/// Fetches and compiles the pages' part when the page is idle (after the session's), so that
/// opening one does not wait for it. A part that fails here is fetched again when opened.
pub fn preload() {
    #[cfg(feature = "split")]
    request_idle_callback(|| {
        leptos::task::spawn_local(async {
            let styled = stylesheet::pages();
            let _ = __wasm_split_preload_page().await;
            let _ = styled.await;
            // Opening a map from here on waits for no part: a User Timing mark, for
            // `benches/editor.mjs`, which times the open both ways.
            crate::ui::browser::timing::mark("journey-mapper:parts-loaded");
        })
    });
}

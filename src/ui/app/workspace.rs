//! The first screen's hold on the session (issue 16). The session — every stored map read and
//! checked, editing, undo, tab sync, autosave — is a part of the wasm of its own, fetched once
//! the first screen is drawn. Until it is there, the library lists the maps as the stored index
//! has them, and whatever the user asks of it (a new map, a rename, undo…) is a [`Request`]
//! that waits for it.
//!
//! What the first screen calls is in the first screen's part of the wasm: from here the
//! session is only read (a signal, a title); everything that changes it is a [`Request`]
//! served by [`Session::serve`] in the session's part.

use crate::model::templates::Template;
use crate::model::{Id, MapSummary};
use crate::ui::browser::frame::next_frame_drawn;
use crate::ui::page_part::{self as part, PartMissing, SessionCall};
use crate::ui::session::{Session, Settings, Topic};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the user asks of the session from the first screen, served once it is there.
pub enum Request {
    /// A new map from `template`, named `title` (the template's name where empty), opened.
    Create {
        template: Template,
        title: String,
    },
    /// A map's new title; an empty or over-long one is refused and the old one kept.
    Rename {
        id: Id,
        title: String,
    },
    Duplicate {
        id: Id,
    },
    /// Deleted, with a notice offering to undo it.
    Delete {
        id: Id,
    },
    Undo,
    Redo,
    /// A file picked or dropped, offered for import.
    Import(web_sys::File),
    /// Every map downloaded as one file.
    ExportAll,
    /// The page reloaded by `reload`, unless that would lose work — changes neither stored nor
    /// in a file downloaded since — which sets `refused`.
    Reload {
        reload: Callback<()>,
        refused: RwSignal<bool>,
    },
}

#[derive(Clone, Copy)]
pub struct Workspace {
    pub settings: Settings,
    session: RwSignal<Option<Session>>,
    /// The maps as the index lists them: what the library shows until the session is there.
    listed: StoredValue<Option<Vec<MapSummary>>>,
    /// The app's own: the session's signals and contexts belong to it, as if opened by it.
    owner: StoredValue<Owner>,
    /// What the user asked while the session's part could not be fetched, in order: served
    /// once it is there (the message saying it is missing offers to try again).
    waiting: StoredValue<Vec<Request>, LocalStorage>,
}

impl Workspace {
    pub fn new(settings: Settings) -> Self {
        Workspace {
            settings,
            session: RwSignal::new(None),
            listed: StoredValue::new(settings.listed_maps()),
            owner: StoredValue::new(Owner::current().expect("the app owns the workspace")),
            waiting: StoredValue::new_local(Vec::new()),
        }
    }

    /// The session once its part is there, followed where read in a view.
    pub fn session(&self) -> Option<Session> {
        self.session.get()
    }

    /// The session, fetching and opening it first where it is not there yet; every caller gets
    /// the same one.
    pub async fn ready(self) -> Result<Session, PartMissing> {
        if let Some(session) = self.session.get_untracked() {
            return Ok(session);
        }
        // The first screen is drawn before the session's part is fetched, compiled and run.
        next_frame_drawn().await;
        let (session, _) = self.enter(SessionCall::Open).await?;
        if self.session.get_untracked().is_none() {
            self.session.set(Some(session));
            // For `benches/editor.mjs`: from here on, the library's buttons are served at once.
            crate::ui::browser::timing::mark("journey-mapper:session-ready");
            part::preload();
            for request in self
                .waiting
                .try_update_value(std::mem::take)
                .unwrap_or_default()
            {
                self.serve(request);
            }
        }
        Ok(session)
    }

    /// Serves `request` once the session is there.
    pub fn act(self, request: Request) {
        match self.session.get_untracked() {
            Some(_) => self.serve(request),
            None => spawn_local(async move {
                match self.ready().await {
                    Ok(_) => self.serve(request),
                    Err(PartMissing) => self.waiting.update_value(|w| w.push(request)),
                }
            }),
        }
    }

    fn serve(self, request: Request) {
        // Its part is there by now (see `ready`): this runs at once.
        spawn_local(async move {
            let _ = self.enter(SessionCall::Serve(request)).await;
        });
    }

    /// The notices that report on the session, once it is there.
    pub async fn notices(self) -> Result<AnyView, PartMissing> {
        let (_, notices) = self.enter(SessionCall::Notices).await?;
        Ok(notices.unwrap_or_else(|| ().into_any()))
    }

    async fn enter(self, call: SessionCall) -> Result<(Session, Option<AnyView>), PartMissing> {
        part::session(self.settings, self.owner.get_value(), call).await
    }

    /// The maps whose title holds `search` (in any case), most recently edited first; `None`
    /// while neither the index nor the session can say which maps there are.
    pub fn ids(&self, search: &str) -> Option<Vec<Id>> {
        let search = search.trim().to_lowercase();
        let matching =
            |id: &Id, title: &str| title.to_lowercase().contains(&search).then(|| id.clone());
        match self.session() {
            Some(session) => Some(session.library.read(Topic::Maps, |l| {
                l.maps
                    .iter()
                    .filter_map(|m| matching(&m.id, &m.title))
                    .collect()
            })),
            None => self.listed.with_value(|listed| {
                listed.as_ref().map(|maps| {
                    maps.iter()
                        .filter_map(|m| matching(&m.id, &m.title))
                        .collect()
                })
            }),
        }
    }

    /// Whether the library holds maps: `None` while that is not known.
    pub fn count(&self) -> Option<usize> {
        match self.session() {
            Some(session) => Some(session.library.read(Topic::Maps, |l| l.maps.len())),
            None => self
                .listed
                .with_value(|listed| listed.as_ref().map(Vec::len)),
        }
    }

    /// What the library lists of map `id`, followed where read in a view.
    pub fn summary(&self, id: &str) -> Option<MapSummary> {
        match self.session() {
            Some(session) => session
                .library
                .read(Topic::Map(id.to_owned()), |l| l.map(id).map(MapSummary::of)),
            None => self
                .listed
                .with_value(|listed| listed.as_ref()?.iter().find(|m| m.id == id).cloned()),
        }
    }
}

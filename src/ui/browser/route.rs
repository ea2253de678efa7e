//! Which screen is shown, kept in the address's fragment so reload and Back keep their place.

use crate::model::Id;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Library,
    Map(Id),
    /// A map shown full screen, phase by phase, for reading only.
    Present(Id),
    /// A map carried in the link itself (see `model::share`).
    Shared(String),
    /// A map's versions: keep, open, restore, download, compare.
    Versions(Id),
    /// Joining a live session: its room on the server at this address (`ws://` or `wss://`).
    Live {
        room: String,
        server: String,
    },
}

const MAP_PREFIX: &str = "#/map/";
const SHARE_PREFIX: &str = "#/share/";
const PRESENT_PREFIX: &str = "#/present/";
const VERSIONS_PREFIX: &str = "#/versions/";
const LIVE_PREFIX: &str = "#/live/";

impl Route {
    pub fn from_hash(hash: &str) -> Route {
        if let Some(payload) = hash.strip_prefix(SHARE_PREFIX) {
            return Route::Shared(payload.to_owned());
        }
        let id = |prefix| {
            hash.strip_prefix(prefix)
                .and_then(|id| js_sys::decode_uri_component(id).ok())
                .map(String::from)
        };
        if let Some(id) = id(PRESENT_PREFIX) {
            return Route::Present(id);
        }
        if let Some(id) = id(VERSIONS_PREFIX) {
            return Route::Versions(id);
        }
        if let Some((room, server)) = id(LIVE_PREFIX).as_deref().and_then(|l| l.split_once('@')) {
            return Route::Live {
                room: room.into(),
                server: server.into(),
            };
        }
        id(MAP_PREFIX).map(Route::Map).unwrap_or(Route::Library)
    }

    pub fn href(&self) -> String {
        match self {
            Route::Library => "#/".into(),
            Route::Map(id) => format!("{MAP_PREFIX}{}", js_sys::encode_uri_component(id)),
            Route::Present(id) => format!("{PRESENT_PREFIX}{}", js_sys::encode_uri_component(id)),
            Route::Shared(payload) => format!("{SHARE_PREFIX}{payload}"),
            Route::Versions(id) => format!("{VERSIONS_PREFIX}{}", js_sys::encode_uri_component(id)),
            Route::Live { room, server } => format!(
                "{LIVE_PREFIX}{}",
                js_sys::encode_uri_component(&format!("{room}@{server}"))
            ),
        }
    }
}

/// The current route, following the address as it changes.
pub fn current() -> ReadSignal<Route> {
    let read = || Route::from_hash(&window().location().hash().unwrap_or_default());
    let (route, set_route) = signal(read());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| set_route.set(read()));
    on_cleanup(move || handle.remove());
    route
}

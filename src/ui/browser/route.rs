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
    /// Joining a live session: its room on the server at this address (`ws://` or `wss://`,
    /// or several separated by spaces), with the key that lets the link's holder edit or, for a
    /// watch link, only watch.
    Live {
        room: String,
        key: String,
        server: String,
        watch: bool,
    },
}

const MAP_PREFIX: &str = "#/map/";
const SHARE_PREFIX: &str = "#/share/";
const PRESENT_PREFIX: &str = "#/present/";
const VERSIONS_PREFIX: &str = "#/versions/";
const LIVE_PREFIX: &str = "#/live/";
const WATCH_PREFIX: &str = "#/watch/";

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
        // `room.key@server`: a room is hexadecimal, a key base64url; a link without a key
        // (made before rooms had keys) still leads to the join page, where the server says.
        for (prefix, watch) in [(LIVE_PREFIX, false), (WATCH_PREFIX, true)] {
            if let Some((room, server)) = id(prefix).as_deref().and_then(|l| l.split_once('@')) {
                let (room, key) = room.split_once('.').unwrap_or((room, ""));
                return Route::Live {
                    room: room.into(),
                    key: key.into(),
                    server: server.into(),
                    watch,
                };
            }
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
            Route::Live {
                room,
                key,
                server,
                watch,
            } => format!(
                "{}{}",
                if *watch { WATCH_PREFIX } else { LIVE_PREFIX },
                js_sys::encode_uri_component(&format!("{room}.{key}@{server}"))
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

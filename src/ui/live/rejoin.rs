//! A live session joined again when the page is loaded again: a participant who reloads is
//! back in the room, and a facilitator who reloads still leads it (under the same client id in
//! the room's document, which is how the others know the facilitator).

use super::keys::Keys;
use super::{call, Joining, Live};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// How long after joining a session a page loaded again joins it by itself: a workshop's day,
/// not the next week's visit.
const REJOIN_MS: f64 = 12.0 * 3600.0 * 1000.0;

/// The session this browser is in, as storage keeps it.
#[derive(Serialize, Deserialize)]
struct Kept {
    room: String,
    server: String,
    keys: Keys,
    /// Joined by a watch link.
    #[serde(default)]
    watch: bool,
    name: String,
    /// This browser's client id in the room, where it leads.
    client: Option<f64>,
    /// When it joined (ms since 1970).
    at: f64,
}

impl Live {
    /// Keeps the session this browser is in, to join it again after a reload.
    pub(super) fn keep(self) {
        let leads = self.leads.get_untracked();
        let before = serde_json::from_str::<Kept>(&self.session.settings.live()).ok();
        let kept = self.running.with_value(|r| {
            let r = r.as_ref()?;
            // Not leading (yet: the room tells later), the id this browser led under stays.
            let client = match leads {
                true => call(&r.handle, "client", &JsValue::UNDEFINED)?.as_f64(),
                false => before.filter(|b| b.room == r.room).and_then(|b| b.client),
            };
            Some(Kept {
                room: r.room.clone(),
                server: r.server.clone(),
                keys: r.keys.clone(),
                watch: self.watching.get_untracked(),
                name: r.name.clone(),
                client,
                at: js_sys::Date::now(),
            })
        });
        if let Some(json) = kept.and_then(|k| serde_json::to_string(&k).ok()) {
            self.session.settings.set_live(&json);
        }
    }

    /// Forgets the session: this browser has left it.
    pub(super) fn forget(self) {
        self.session.settings.set_live("");
    }

    /// Joins the session this browser was in before the page was loaded again, if it was.
    pub(super) fn rejoin(self) {
        let kept = self.session.settings.live();
        let Ok(kept) = serde_json::from_str::<Kept>(&kept) else {
            return;
        };
        if js_sys::Date::now() - kept.at > REJOIN_MS {
            return self.forget();
        }
        let lang = self.session.settings.lang_untracked();
        let joining = Joining {
            room: kept.room,
            server: kept.server,
            keys: kept.keys,
            watch: kept.watch,
            name: kept.name,
        };
        self.connect(joining, None, lang, kept.client);
    }
}

//! The keys to a live session's room and the links that carry them. The server keeps only
//! their hashes (`scripts/sync-server.mjs`) and decides by them who edits, who only watches,
//! and who may close the room or give it new keys: the app's own view of it follows what the
//! server said.

use super::{Live, Status};
use crate::i18n::{Lang, Text};
use crate::ui::browser::route::Route;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The keys this browser holds to a room, as the script sends them to the server.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Keys {
    /// The key of the link this browser came by: the edit key, or a watch link's view key.
    pub key: String,
    /// The watch link's key and the owner's: held by the one who started the room, with which
    /// the server makes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

impl Keys {
    /// A new room's three keys.
    pub fn new() -> Option<Keys> {
        Some(Keys {
            key: random_key()?,
            view: Some(random_key()?),
            owner: Some(random_key()?),
        })
    }

    /// The same room's keys with a new edit and view key (the owner's stays).
    pub fn renewed(&self) -> Option<Keys> {
        Some(Keys {
            key: random_key()?,
            view: Some(random_key()?),
            owner: self.owner.clone(),
        })
    }
}

impl Live {
    /// The link that lets others edit with this browser, and for the one who started the
    /// session, the link to watch only. Not for a watcher, who has neither. Followed.
    pub fn links(self) -> Option<(String, Option<String>)> {
        self.renewed.track();
        self.running.with_value(|r| {
            let r = r.as_ref().filter(|_| !self.watching.get())?;
            let link = |key: &str, watch| {
                let route = Route::Live {
                    room: r.room.clone(),
                    key: key.to_owned(),
                    server: r.server.clone(),
                    watch,
                };
                let location = window().location();
                Some(format!(
                    "{}{}{}",
                    location.origin().ok()?,
                    location.pathname().ok()?,
                    route.href()
                ))
            };
            Some((
                link(&r.keys.key, false)?,
                r.keys.view.as_deref().and_then(|v| link(v, true)),
            ))
        })
    }

    /// The server did not let this browser in (`reason`, as it says it): the session is left,
    /// what this browser has of the map stays, and the person is told why in plain words.
    pub(super) fn refused_entry(self, reason: &str, lang: Lang) {
        let why = match reason {
            "closed" | "wrong-key" => Text::LiveKeyRefused,
            "too-many-rooms" => Text::LiveTooManyRooms,
            "no-room" | "removed" => Text::LiveNoRoom,
            "too-large" => Text::LiveUpdateTooLarge,
            // What the app never sends: nested past what Yjs reads.
            "too-deep" => Text::LiveUpdateUnsafe,
            _ => Text::LiveNoKey,
        };
        // Not from inside the script's call: leaving ends the provider that is calling.
        leptos::task::spawn_local(async move {
            self.leave();
            self.problem.set(Some(lang.t(why).into()));
        });
    }

    /// Whether this tab is in `room` by the link of `key`.
    pub fn in_room(self, room: &str, key: &str) -> bool {
        self.running.with_value(|r| {
            r.as_ref()
                .is_some_and(|r| r.room == room && r.keys.key == key)
        })
    }

    /// Whether this browser only watches the session. Followed.
    pub fn watching(self) -> bool {
        self.watching.get()
    }

    /// Whether the one who started the room may act on it now (new links, its end): only with
    /// the server there to take it, or the request would be lost; if not, says so.
    pub(super) fn owner_connected(self, lang: Lang) -> bool {
        let connected = self.status.get_untracked() == Status::Connected;
        if !connected {
            self.problem.set(Some(lang.t(Text::OwnerOffline).into()));
        }
        connected
    }

    /// Gives the room new keys: everyone in it is let go, and only the new links come back in.
    pub fn renew_links(self, lang: Lang) {
        if !self.owner_connected(lang) {
            return;
        }
        let renewed = self.running.try_update_value(|r| {
            let r = r.as_mut()?;
            let keys = r.keys.renewed()?;
            r.keys = keys.clone();
            Some(keys)
        });
        if let Some(json) = renewed
            .flatten()
            .and_then(|k| serde_json::to_string(&k).ok())
        {
            self.call("renew", &json.into());
            self.keep();
            self.renewed.notify();
        }
    }
}

/// Whether `room` and `key` are as the app makes them (what the server takes too): a room of
/// 32 hexadecimal digits, a key of 22 to 86 base64url characters.
pub(super) fn well_made(room: &str, key: &str) -> bool {
    room.len() == 32
        && room
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        && (22..=86).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// 128 random bits from the browser's cryptographic generator, as base64url (22 characters).
fn random_key() -> Option<String> {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bytes = random_bytes()?;
    let mut bits = u128::from_le_bytes(bytes);
    Some(
        (0..22)
            .map(|_| {
                let digit = DIGITS[(bits & 63) as usize] as char;
                bits >>= 6;
                digit
            })
            .collect(),
    )
}

/// A room id no one can guess: 128 random bits, as hexadecimal.
pub(super) fn random_room() -> Option<String> {
    Some(random_bytes()?.iter().map(|b| format!("{b:02x}")).collect())
}

fn random_bytes() -> Option<[u8; 16]> {
    let mut bytes = [0u8; 16];
    window()
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(bytes)
}

//! Starting a room or joining one: the script loaded, the callbacks it calls made, and the
//! session kept; and leaving it.

use super::keys::{self, random_room, Keys};
use super::{call, Joining, Live, Person, Running, Status, LIVE_SCRIPT};
use crate::i18n::{Lang, Text};
use crate::model::facilitation::Control;
use crate::model::nodes;
use crate::model::{Id, PHASE_PALETTE};
use crate::ui::browser::script;
use crate::ui::import::importer::MAX_BYTES;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

impl Live {
    /// Leaves the session; the map stays in this browser, no longer live.
    pub fn leave(self) {
        self.stop();
        self.forget();
    }

    /// Leaves the room without forgetting the session (another room is joined next).
    fn stop(self) {
        if let Some(running) = self.running.try_update_value(Option::take).flatten() {
            let _ = call(&running.handle, "leave", &JsValue::UNDEFINED);
        }
        self.map.set(None);
        self.joined.set(false);
        self.watching.set(false);
        self.people.set(Vec::new());
        self.seen.set_value(Vec::new());
        self.control.set(Control::default());
        self.leads.set(false);
        self.following.set(true);
        self.leading.set(false);
        self.session.guard.set(None);
    }

    /// Starts a session for map `id` in a new room on `server`.
    pub fn start(self, id: Id, server: String, name: String, lang: Lang) {
        let Some(map) = self.local_json(Some(&id)) else {
            return;
        };
        let (Some(room), Some(keys)) = (random_room(), Keys::new()) else {
            self.problem.set(Some(lang.t(Text::LiveLoadFailed).into()));
            return;
        };
        let joining = Joining {
            room,
            server,
            keys,
            watch: false,
            name,
        };
        self.connect(joining, Some((id, map)), lang, None);
    }

    /// Joins a room by its link; the map comes from the room.
    pub fn join(self, joining: Joining, lang: Lang) {
        self.connect(joining, None, lang, None);
    }

    pub(super) fn connect(
        self,
        joining: Joining,
        start: Option<(Id, String)>,
        lang: Lang,
        client: Option<f64>,
    ) {
        let Joining {
            room,
            server,
            keys,
            watch,
            name,
        } = joining;
        // Several addresses (processes sharing the room) are tried in turn.
        let mut servers = server.split_whitespace().peekable();
        let well_formed = servers.peek().is_some()
            && servers.all(|s| s.starts_with("ws://") || s.starts_with("wss://"));
        if !well_formed {
            self.problem.set(Some(lang.t(Text::LiveBadServer).into()));
            return;
        }
        // A link cut short, or made before rooms had keys: the server would only refuse it.
        if !keys::well_made(&room, &keys.key) {
            self.problem.set(Some(lang.t(Text::LiveNoKey).into()));
            return;
        }
        self.stop();
        self.problem.set(None);
        self.status.set(Status::Connecting);
        self.watching.set(watch);
        let (map, json) = start.unzip();
        leptos::task::spawn_local(async move {
            let module = match wasm_bindgen_futures::JsFuture::from(script::load(LIVE_SCRIPT)).await
            {
                Ok(module) => module,
                Err(_) => {
                    self.problem.set(Some(lang.t(Text::LiveLoadFailed).into()));
                    return;
                }
            };
            // What the session says later is said in the language chosen then.
            let lang = move || self.session.settings.lang_untracked();
            let on_map = Closure::<dyn FnMut()>::new(move || self.receive(lang()));
            // A change could not be written as the nodes it touched: the whole map goes.
            let on_whole = Closure::<dyn FnMut()>::new(move || {
                if let Some(id) = self.map.get_untracked() {
                    self.changed(&id, None);
                }
            });
            let on_large = Closure::<dyn FnMut(f64)>::new(move |bytes: f64| {
                // In tenths, with the language's decimal mark (a hostile try read "2.9 MB" in Dutch).
                let tenths = (bytes / (1024.0 * 1024.0) * 10.0).round() / 10.0;
                let size = crate::model::numbers::exact(tenths, lang());
                let said = lang().fill(Text::LiveLarge, &[("size", &size)]);
                self.problem.set(Some(said));
                self.large.set_value(true);
            });
            let counted = move |text: Text| {
                Closure::<dyn FnMut(f64)>::new(move |count: f64| {
                    let nodes = lang().count(count as u64, Text::RoomNodeOne, Text::RoomNodes);
                    let said = lang().fill(text, &[("nodes", &nodes)]);
                    self.problem.set(Some(said));
                })
            };
            let on_stray = counted(Text::LiveStray);
            let on_put_back = counted(Text::LivePutBack);
            let on_map_put_back = counted(Text::LiveMapPutBack);
            let on_people = Closure::<dyn FnMut(String)>::new(move |json: String| {
                if let Ok(people) = serde_json::from_str::<Vec<Person>>(&json) {
                    self.seen.update_value(|seen| {
                        for p in &people {
                            if !seen.contains(&p.name) {
                                seen.push(p.name.clone());
                            }
                        }
                    });
                    self.people.set(people);
                }
            });
            let on_control =
                Closure::<dyn FnMut(String)>::new(move |json: String| self.told(&json, lang()));
            let on_status = Closure::<dyn FnMut(String)>::new(move |status: String| {
                if let Some(reason) = status.strip_prefix("refused:") {
                    return self.refused_entry(reason, lang());
                }
                let now = match status.as_str() {
                    "connected" => Status::Connected,
                    "watching" => {
                        self.watching.set(true);
                        Status::Watching
                    }
                    "disconnected" => Status::Disconnected,
                    // The script tries again at once and says "connecting": the connection is
                    // still lost until it is back, and the people in the room must keep seeing so.
                    _ if self.status.get_untracked() == Status::Disconnected => {
                        Status::Disconnected
                    }
                    _ => Status::Connecting,
                };
                self.status.set(now);
            });
            let color = PHASE_PALETTE[(js_sys::Math::random() * PHASE_PALETTE.len() as f64)
                as usize
                % PHASE_PALETTE.len()]
            .to_string();
            let options = js_sys::Object::new();
            let set = |key: &str, value: &JsValue| {
                let _ = js_sys::Reflect::set(&options, &key.into(), value);
            };
            set("server", &server.as_str().into());
            set("room", &room.as_str().into());
            set(
                "keys",
                &serde_json::to_string(&keys).unwrap_or_default().into(),
            );
            set("map", &json.map_or(JsValue::NULL, |j| j.into()));
            set("fields", &nodes::layout().into());
            set("name", &name.as_str().into());
            set("color", &color.into());
            set("changesChars", &CHANGES_CHARS.into());
            set("wholeChars", &MAX_BYTES.into());
            set("onMap", on_map.as_ref());
            set("onWhole", on_whole.as_ref());
            set("onLarge", on_large.as_ref());
            set("onStray", on_stray.as_ref());
            set("onPutBack", on_put_back.as_ref());
            set("onMapPutBack", on_map_put_back.as_ref());
            set("onPeople", on_people.as_ref());
            set("onStatus", on_status.as_ref());
            set("onControl", on_control.as_ref());
            set("client", &client.map_or(JsValue::UNDEFINED, JsValue::from));
            let joined = call(&module, "join", &options.into())
                .map(|p| wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(p)));
            let handle = match joined {
                Some(joined) => joined.await.ok(),
                None => None,
            };
            let Some(handle) = handle else {
                self.problem
                    .set(Some(lang().t(Text::LiveLoadFailed).into()));
                return;
            };
            self.running.set_value(Some(Running {
                room,
                server,
                keys,
                name,
                map: map.clone(),
                module,
                handle,
                _on_map: [on_map, on_whole],
                _on_counts: [on_large, on_stray, on_put_back, on_map_put_back],
                _callbacks: [on_people, on_status, on_control],
            }));
            self.joined.set(true);
            self.map.set(map);
            self.keep();
        });
    }
}

/// The most characters of text what changed in the room may hold to be read on the page's
/// thread: a keystroke's change is a few; more is read as a whole map is, off it (and refused
/// there only past the limits of a map).
const CHANGES_CHARS: f64 = 65_536.0;

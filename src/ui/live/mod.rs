//! Live sessions: several people on one map through a Yjs room on the project's Hocuspocus
//! server, let in by the keys their links carry (`keys`).
//!
//! The engine is Yjs itself, in `js/live.js`, loaded only when a session starts or is joined,
//! so that the first load of someone who never joins one grows by this module alone. The map
//! crosses between the two as its exchange-format JSON: what comes from the room is read by
//! the same reader as an imported file, with its checks and limits, in the same Web Worker
//! (`ui/browser/reader`), and enters the library
//! through the seam for outside edits, like another tab's save. Every local change (one edit,
//! undo, another tab's) is written back into the room, which sends only what differs.

mod control;
pub mod facilitator_tools;
pub mod join_page;
pub mod keys;
pub mod live_panel;
mod rejoin;
pub mod session_bar;

use crate::i18n::{Lang, Text};
use crate::model::exchange::map_to_value;
use crate::model::facilitation::Control;
use crate::model::outside::{Job, Outcome};
use crate::model::workshop::Refusal;
use crate::model::{EditError, Id, JourneyMap, LibraryEdit, PHASE_PALETTE};
use crate::ui::browser::reader::{self, ReadError};
use crate::ui::browser::{frame, script};
use crate::ui::import::importer::MAX_BYTES;
use crate::ui::session::{Session, Topic};
use crate::ui::votes;
use keys::{random_room, Keys};
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The live session's script (Yjs and its websocket client), loaded once, when first needed.
const LIVE_SCRIPT: &str = "live/live.js";

/// The server a session starts on unless the user names another: the one
/// `scripts/sync-server.sh` starts on this machine.
pub const DEFAULT_SERVER: &str = "ws://127.0.0.1:1234";

/// A room to join and how: what a link carries, and the name given.
pub struct Joining {
    pub room: String,
    /// One or more `ws://` or `wss://` addresses, separated by spaces.
    pub server: String,
    pub keys: Keys,
    /// A watch link's.
    pub watch: bool,
    pub name: String,
}

/// Someone in the session, as the room's awareness tells it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Person {
    pub name: String,
    pub color: String,
    /// The card they have open, if any.
    pub card: Option<String>,
    /// This browser.
    pub me: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Status {
    Connecting,
    Connected,
    /// Connected by a watch link: the server takes nothing from this browser.
    Watching,
    Disconnected,
}

/// A session this tab is in.
struct Running {
    room: String,
    server: String,
    keys: Keys,
    /// The name this browser joined with.
    name: String,
    /// The map it shares; `None` while joining, until the room's map has come.
    map: Option<Id>,
    /// The loaded script, and what its `join` returned.
    module: JsValue,
    handle: JsValue,
    /// The callbacks the script calls, alive as long as the session.
    _on_map: Closure<dyn FnMut()>,
    _callbacks: [Closure<dyn FnMut(String)>; 3],
}

/// The live session of this tab, for the whole app: presentation mode and the editor both
/// follow it, and it runs on when the user goes to the library.
#[derive(Clone, Copy)]
pub struct Live {
    running: StoredValue<Option<Running>, LocalStorage>,
    /// The map the session shares, when there is one.
    map: RwSignal<Option<Id>>,
    joined: RwSignal<bool>,
    status: RwSignal<Status>,
    /// Joined by a watch link (the server said so, or the link did before it answered).
    watching: RwSignal<bool>,
    /// The room's keys were renewed: its links are new.
    renewed: Trigger,
    people: RwSignal<Vec<Person>>,
    /// Every name seen in the room since joining.
    seen: StoredValue<Vec<String>>,
    /// Why the session could not start, or why something from it was refused.
    problem: RwSignal<Option<String>>,
    /// How many reads of the room's map have been started: only the latest one is taken in.
    reads: StoredValue<u64>,
    /// The room was given this browser's map back after a refusal, and has not been read
    /// since: refused again, it gets this browser's map as its whole map.
    mending: StoredValue<bool>,
    /// How the facilitator runs the session, as the room last had it from them.
    control: RwSignal<Control>,
    /// This browser facilitates the session.
    leads: RwSignal<bool>,
    /// This user follows the facilitator where they bring everyone.
    following: RwSignal<bool>,
    /// The facilitator has everyone follow the card they open.
    leading: RwSignal<bool>,
    session: Session,
}

impl Live {
    pub fn provide(session: Session) {
        let live = Live {
            running: StoredValue::new_local(None),
            map: RwSignal::new(None),
            joined: RwSignal::new(false),
            status: RwSignal::new(Status::Connecting),
            watching: RwSignal::new(false),
            renewed: Trigger::new(),
            people: RwSignal::new(Vec::new()),
            seen: StoredValue::new(Vec::new()),
            problem: RwSignal::new(None),
            reads: StoredValue::new(0),
            mending: StoredValue::new(false),
            control: RwSignal::new(Control::default()),
            leads: RwSignal::new(false),
            following: RwSignal::new(true),
            leading: RwSignal::new(false),
            session,
        };
        // Every change to the shared map, from whatever source, goes to the room.
        Effect::new(move |_| {
            let Some(id) = live.map.get() else {
                return;
            };
            let json = session
                .library
                .read(Topic::Map(id.clone()), |l| l.map(&id).map(map_json));
            if let Some(json) = json {
                live.call("update", &json.into());
            }
        });
        live.guard();
        provide_context(live);
        live.rejoin();
    }

    /// Starts a session for map `id` in a new room on `server`.
    pub fn start(self, id: Id, server: String, name: String, lang: Lang) {
        let Some(map) = self
            .session
            .library
            .read_untracked(|l| l.map(&id).map(map_json))
        else {
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

    fn connect(
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
            let on_map = Closure::<dyn FnMut()>::new(move || self.receive(lang));
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
                Closure::<dyn FnMut(String)>::new(move |json: String| self.told(&json, lang));
            let on_status = Closure::<dyn FnMut(String)>::new(move |status: String| {
                if let Some(reason) = status.strip_prefix("refused:") {
                    return self.refused_entry(reason, lang);
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
            set("name", &name.as_str().into());
            set("color", &color.into());
            set("onMap", on_map.as_ref());
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
                self.problem.set(Some(lang.t(Text::LiveLoadFailed).into()));
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
                _on_map: on_map,
                _callbacks: [on_people, on_status, on_control],
            }));
            self.joined.set(true);
            self.map.set(map);
            self.keep();
        });
    }

    /// Someone changed the room's map: read it as an import is read — off the page's thread,
    /// stopped when it takes too long — and take it in.
    fn receive(self, lang: Lang) {
        let Some(expected) = self
            .running
            .with_value(|r| r.as_ref().map(|r| r.map.clone()))
        else {
            return;
        };
        let local = self.local_json(expected.as_ref());
        // This browser's last change may not have gone to the room yet: it goes first, so
        // that taking in the room's map cannot undo it.
        if let Some(json) = &local {
            self.call("update", &JsValue::from_str(json));
        }
        let Some(read) = self.call("read", &MAX_BYTES.into()) else {
            return;
        };
        let Some(json) = read.as_string() else {
            if read.as_bool() == Some(false) {
                self.refuse(lang.t(Text::LiveTooLarge).into(), local, lang);
            }
            return;
        };
        if json.len() as f64 > MAX_BYTES {
            return self.refuse(lang.t(Text::LiveTooLarge).into(), local, lang);
        }
        let by_others = self.changed_by_others();
        let read = self.reads.get_value() + 1;
        self.reads.set_value(read);
        leptos::task::spawn_local(async move {
            let outcome = reader::read(Job::LiveRoom, &JsValue::from_str(&json)).await;
            // A later change of the room is read after this one: that read decides. A change
            // of this browser's meanwhile would be undone by this outcome: read again.
            if self.reads.get_value() != read || self.running.with_value(Option::is_none) {
                return;
            }
            if self.local_json(expected.as_ref()) != local {
                return self.receive(lang);
            }
            let why = match outcome {
                Ok(Outcome::Maps { bundle, .. }) => match Outcome::maps(&bundle).pop() {
                    Some(map) if expected.as_ref().is_none_or(|id| *id == map.id) => {
                        match by_others.and_then(|()| self.allowed(&map)) {
                            Err(refusal) => votes::refusal(&EditError::Workshop(refusal), lang),
                            Ok(()) => {
                                self.mending.set_value(false);
                                self.call("accept", &json.into());
                                return self.take_in(map);
                            }
                        }
                    }
                    _ => String::new(),
                },
                Ok(Outcome::Refused(problems)) => {
                    let listed: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
                    listed.join(" · ")
                }
                Ok(_) => String::new(),
                Err(error @ ReadError::TooSlow) => lang.t(error.reason()).into(),
                // Nothing is known of the room's map: it is neither taken in nor written over.
                Err(error @ ReadError::Unavailable) => {
                    return self.problem.set(Some(lang.t(error.reason()).into()));
                }
            };
            self.refuse(why, local, lang);
        });
    }

    /// Whether the room's `map` may follow this browser's: each is well formed, as the reader
    /// checked, but not every step between two is (dots given in a round that had ended).
    fn allowed(self, map: &JourneyMap) -> Result<(), Refusal> {
        let people = self.names();
        self.session
            .library
            .read_untracked(|l| l.map(&map.id).map(|mine| mine.check_update(map, &people)))
            .unwrap_or(Ok(()))
    }

    /// The name this browser joined the room with, if it is in one.
    pub fn my_name(self) -> Option<String> {
        self.people
            .with_untracked(|p| p.iter().find(|p| p.me).map(|p| p.name.clone()))
    }

    /// The names of everyone this browser has seen in the room, itself too: who a comment may
    /// mention besides the personas. Not only who is there now: a comment that mentioned
    /// someone who has left since was right when it was written, and this browser may read it
    /// late (after being offline), when refusing it would take it from everyone.
    pub fn names(self) -> Vec<String> {
        self.seen.get_value()
    }

    /// The shared map as this browser has it, as the room's JSON.
    fn local_json(self, id: Option<&Id>) -> Option<String> {
        let id = id?;
        self.session
            .library
            .read_untracked(|l| l.map(id).map(map_json))
    }

    /// Says why the room's map was refused, and gives the room this browser's map back, which
    /// mends what was refused: first keeping what only the room has (someone's good new card),
    /// then, if the room's map is refused again, as the room's whole map.
    fn refuse(self, why: String, local: Option<String>, lang: Lang) {
        self.problem
            .set(Some(format!("{} {why}", lang.t(Text::LiveRefused))));
        let Some(json) = local else {
            return;
        };
        let replace = self.mending.get_value();
        self.mending.set_value(!replace);
        // In a task of its own: what was refused may be large, and reading it took a while.
        frame::after_next_frame(move || {
            if replace {
                self.call("replace", &json.into());
            } else {
                self.call("restore", &json.into());
                // Read the mended room at once: a hostile client may write nothing more, and a
                // late joiner must not be handed what was refused.
                self.receive(lang);
            }
        });
    }

    fn take_in(self, map: JourneyMap) {
        let id = map.id.clone();
        let library = self.session.library;
        // Only what changed: its views run again, and this user's undo steps stay.
        let parts = library.read_untracked(|l| l.map(&id).map(|m| m.changed_parts(&map)));
        let edit = match parts {
            Some(parts) if parts.is_empty() => None,
            Some(parts) => Some(LibraryEdit::UpdateMap {
                map: Box::new(map),
                parts,
            }),
            None => Some(LibraryEdit::InsertMap {
                index: 0,
                map: Box::new(map),
            }),
        };
        if let Some(edit) = edit {
            if library.receive(edit).is_ok() {
                self.session.autosave.changed(id.clone());
            }
        }
        if self.map.get_untracked().as_ref() != Some(&id) {
            self.running.update_value(|r| {
                if let Some(r) = r {
                    r.map = Some(id.clone());
                }
            });
            self.map.set(Some(id));
        }
    }

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

    /// Tells the others which card this person has open.
    pub fn focus(self, card: Option<Id>) {
        self.call("focus", &card.map_or(JsValue::NULL, |c| c.into()));
    }

    /// Calls `method` of the running session's handle.
    fn call(self, method: &str, arg: &JsValue) -> Option<JsValue> {
        self.running
            .with_value(|r| call(&r.as_ref()?.handle, method, arg))
    }

    /// The map this session shares (`None` outside one, or while joining).
    pub fn map(self) -> Option<Id> {
        self.map.get()
    }

    pub fn joined(self) -> bool {
        self.joined.get()
    }

    pub fn status(self) -> Status {
        self.status.get()
    }

    pub fn people(self) -> Vec<Person> {
        self.people.get()
    }

    pub fn problem(self) -> Option<String> {
        self.problem.get()
    }

    /// A QR code of `text` as an image's address, drawn by the loaded script.
    pub fn qr(self, text: &str) -> Option<String> {
        self.running
            .with_value(|r| call(&r.as_ref()?.module, "qr", &text.into()))?
            .as_string()
    }
}

pub fn use_live() -> Live {
    expect_context::<Live>()
}

fn map_json(map: &JourneyMap) -> String {
    map_to_value(map).to_string()
}

/// Calls `object[method](arg)`; `None` where there is no such function or it throws.
fn call(object: &JsValue, method: &str, arg: &JsValue) -> Option<JsValue> {
    let function: js_sys::Function = js_sys::Reflect::get(object, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    function.call1(object, arg).ok()
}

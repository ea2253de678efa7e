//! Live sessions: several people on one map through a Yjs room on the project's Hocuspocus
//! server, let in by the keys their links carry (`keys`).
//!
//! The engine is Yjs itself, in a Web Worker of its own (`js/live-worker.js`, reached through
//! `js/live.js`), so that nothing a room sends can stop the page; both are loaded only when a
//! session starts or is joined, so that the first load of someone who never joins one grows by
//! this module alone. The map
//! crosses between the two as the room's nodes (`model::nodes`): what an edit changed goes to
//! the room as the nodes of the parts it touched, and what others changed comes back as their
//! nodes, read as an import reads their objects and taken in through the library's seam for
//! outside edits, like another tab's save. What is too large to read so — a joiner's first map,
//! a flood of changes — is read whole, by the same reader as an imported file, with its checks
//! and limits, in the same Web Worker (`ui/browser/reader`).

mod connect;
mod control;
pub mod facilitator_tools;
pub mod join_page;
pub mod keys;
pub mod live_panel;
mod mend;
mod rejoin;
mod room;
mod send;
pub mod session_bar;

use crate::model::facilitation::Control;
use crate::model::Id;
use crate::ui::session::Session;
use keys::Keys;
use leptos::prelude::*;
use send::Unsent;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The live session's script (the page's side; it starts the worker with Yjs and Hocuspocus'
/// client), loaded once, when first needed.
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
    _on_map: [Closure<dyn FnMut()>; 2],
    /// `onLarge`, `onStray`, `onPutBack`, `onMapPutBack`.
    _on_counts: [Closure<dyn FnMut(f64)>; 4],
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
    /// since: refused again, what the most suspect writer added is taken out of it.
    mending: StoredValue<bool>,
    /// How many reads of the room running were refused and repaired node by node.
    repairs: StoredValue<u32>,
    /// How the facilitator runs the session, as the room last had it from them.
    control: RwSignal<Control>,
    /// This browser facilitates the session.
    leads: RwSignal<bool>,
    /// This user follows the facilitator where they bring everyone.
    following: RwSignal<bool>,
    /// The facilitator has everyone follow the card they open.
    leading: RwSignal<bool>,
    /// What this browser changed in the shared map and has not sent yet: the parts, or the
    /// whole map.
    unsent: StoredValue<Option<Unsent>>,
    /// How many changes this browser has made to the shared map: a read of the room's map
    /// begun before one would undo it.
    edits: StoredValue<u64>,
    /// The room's map is being taken in: that is no change of this browser's to send.
    receiving: StoredValue<bool>,
    /// What `problem` says is that a large change is on its way from the room.
    large: StoredValue<bool>,
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
            repairs: StoredValue::new(0),
            control: RwSignal::new(Control::default()),
            leads: RwSignal::new(false),
            following: RwSignal::new(true),
            leading: RwSignal::new(false),
            unsent: StoredValue::new(None),
            edits: StoredValue::new(0),
            receiving: StoredValue::new(false),
            large: StoredValue::new(false),
            session,
        };
        // Every change to the shared map, from whatever source, goes to the room.
        session
            .library
            .on_change(move |id, parts| live.changed(id, parts));
        live.guard();
        provide_context(live);
        live.rejoin();
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

/// Calls `object[method](arg)`; `None` where there is no such function or it throws.
fn call(object: &JsValue, method: &str, arg: &JsValue) -> Option<JsValue> {
    let function: js_sys::Function = js_sys::Reflect::get(object, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    function.call1(object, arg).ok()
}

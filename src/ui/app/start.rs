//! The session's start: opened once per tab, in its part of the wasm, with what hangs on it —
//! the importer, the live session, the workshop timer, and the page's events that save and
//! sync.

use crate::ui::import::importer::Importer;
use crate::ui::live::Live;
use crate::ui::map::workshop_timer::Timer;
use crate::ui::session::{Session, Settings};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

impl Session {
    /// This tab's session, opened by the first call (within the app's owner, which then
    /// provides it to every view); later calls get the same one.
    pub fn start(settings: Settings) -> Session {
        if let Some(session) = use_context::<Session>() {
            return session;
        }
        let session = Session::open(settings);
        provide_context(session);
        provide_context(Importer::new(session));
        Live::provide(session);
        Timer::provide();
        listen(session);
        session
    }
}

fn listen(session: Session) {
    // The last keystroke must survive a reload: save at once when the page is hidden or left.
    let hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            session.autosave.flush_all();
        } else {
            // Back in view: take in what other tabs saved meanwhile.
            session.tab_sync.sync_all();
        }
    });
    // Another tab of this app saved or removed a map, or cleared all of the site's storage.
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| match ev.key() {
        Some(key) => {
            if let Some(id) = crate::storage::map_of_key(&key) {
                session.tab_sync.sync(id);
            } else if crate::storage::is_app_key(&key) {
                session.tab_sync.check_app_version();
            }
        }
        None => session.tab_sync.sync_all(),
    });
    let leaving = window_event_listener_untyped("pagehide", move |_| {
        // A number field commits when it is left (so "12." on the way to "12.5" is never
        // stored): the page going away leaves it, so that what was typed is saved like text.
        if let Some(field) = document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = field.blur();
        }
        session.autosave.flush_all();
    });
    // Changes that could not be stored (storage full, failing or blocked, or this tab stopped by
    // a newer release) and are in no downloaded file would go with the page: the browser asks
    // before leaving.
    let unsaved = window_event_listener_untyped("beforeunload", move |ev| {
        session.autosave.flush();
        if session.autosave.at_risk() {
            ev.prevent_default();
            // Older browsers ask only when a return value is set.
            let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"".into());
        }
    });
    on_cleanup(move || {
        hidden.remove();
        leaving.remove();
        unsaved.remove();
        other_tab.remove();
    });
}

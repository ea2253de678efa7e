//! This tab's handle on the browser's storage, and how the storage is doing: what opening it
//! found, the bytes used, whether the browser promised to keep it. Writing maps is the
//! autosave's job; this part opens the store and lends it out.

use super::clock::stamp;
use crate::model::Library;
use crate::storage::{request_persistence, Backend, Browser, Memory, OpenReport, SetAside, Store};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy)]
pub struct Stored {
    store: StoredValue<Store, LocalStorage>,
    /// What opening storage found: set-aside entries and maps from a newer version.
    report: RwSignal<OpenReport>,
    /// False when the browser refused storage and maps live only in this tab.
    persistent: bool,
    bytes_used: RwSignal<usize>,
    /// Whether the browser promised to keep the data; `None` until it answers.
    persisted: RwSignal<Option<bool>>,
}

impl Stored {
    /// Reads all stored data; only then can anything be written. Where the browser refuses
    /// storage, maps live in memory.
    pub fn open() -> (Self, Library) {
        let browser = Browser::open().map(|b| Box::new(b) as Box<dyn Backend>);
        let (store, library, report) = browser
            .and_then(|b| Store::open(b, stamp()).ok())
            .unwrap_or_else(|| {
                Store::open(Box::new(Memory::default()), stamp()).expect("memory never fails")
            });
        let stored = Stored {
            persistent: store.is_persistent(),
            bytes_used: RwSignal::new(store.bytes_used()),
            report: RwSignal::new(report),
            persisted: RwSignal::new(None),
            store: StoredValue::new_local(store),
        };
        if stored.persistent {
            spawn_local(async move { stored.persisted.set(request_persistence().await) });
        }
        (stored, library)
    }

    /// Works on the store; `None` once the app is gone.
    pub fn with<R>(&self, f: impl FnOnce(&mut Store) -> R) -> Option<R> {
        let result = self.store.try_update_value(f);
        self.count_bytes();
        result
    }

    fn count_bytes(&self) {
        if let Some(bytes) = self.store.try_with_value(Store::bytes_used) {
            if bytes != self.bytes_used.get_untracked() {
                self.bytes_used.set(bytes);
            }
        }
    }

    /// Reads what opening storage found, and follows it.
    pub fn with_report<R>(&self, f: impl FnOnce(&OpenReport) -> R) -> R {
        self.report.with(f)
    }

    /// Reports stored text found unreadable while the app is open, as if found at the start.
    pub fn set_aside(&self, entry: SetAside, why: String) {
        self.report.update(|r| {
            // Already listed where another tab had set the same text aside.
            if !r.set_aside.contains(&entry) {
                r.set_aside.push(entry);
            }
            r.reasons.push(why);
        });
    }

    /// Counts a map this tab found written by a newer version of the app.
    pub fn found_newer(&self) {
        self.report.update(|r| r.newer += 1);
    }

    pub fn persistent(&self) -> bool {
        self.persistent
    }

    pub fn bytes_used(&self) -> usize {
        self.bytes_used.get()
    }

    pub fn persisted(&self) -> Option<bool> {
        self.persisted.get()
    }

    /// Drops a set-aside entry the user has chosen to discard.
    pub fn discard(&self, key: &str) {
        if self.with(|s| s.discard(key).is_ok()) == Some(true) {
            self.report.update(|r| r.set_aside.retain(|e| e.key != key));
        }
    }
}

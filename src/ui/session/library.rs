//! The open library with undo and redo: the maps of this tab, every change to them, and which
//! views each change reaches. Nothing reads the maps reactively except through [`OpenLibrary::read`]
//! with a [`Topic`], so a view runs again only when what it follows changed.

use super::clock::now;
use super::topic::{reached, Topic};
use crate::model::{Change, EditError, History, Id, Library, LibraryEdit, Part};
use crate::ui::browser::focus;
use leptos::prelude::*;
use std::collections::HashMap;
use std::rc::Rc;

/// Told of each change as it is made: the map, and the parts the change touched (none where
/// the whole map came, went or was replaced).
type Listener = Rc<dyn Fn(&Id, Option<&[Part]>)>;

#[derive(Clone, Copy)]
pub struct OpenLibrary {
    library: StoredValue<Library>,
    history: StoredValue<History>,
    /// One trigger for each topic a view follows.
    topics: StoredValue<HashMap<Topic, ArcTrigger>>,
    can_undo: RwSignal<bool>,
    can_redo: RwSignal<bool>,
    /// What was just deleted, named for the "Undo" notice; cleared by the next edit.
    deleted: RwSignal<Option<String>>,
    listeners: StoredValue<Vec<Listener>, LocalStorage>,
}

impl OpenLibrary {
    pub fn new(library: Library) -> Self {
        OpenLibrary {
            library: StoredValue::new(library),
            history: StoredValue::new(History::default()),
            topics: StoredValue::new(HashMap::new()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            deleted: RwSignal::new(None),
            listeners: StoredValue::new_local(Vec::new()),
        }
    }

    /// Tells `listener` of every change as it is made, with what it touched: for what passes
    /// changes on (a live session) rather than showing the map.
    pub fn on_change(&self, listener: impl Fn(&Id, Option<&[Part]>) + 'static) {
        self.listeners
            .update_value(|listeners| listeners.push(Rc::new(listener)));
    }

    /// Reads the library and makes the running view or memo follow `topic`.
    pub fn read<R>(&self, topic: Topic, f: impl FnOnce(&Library) -> R) -> R {
        self.follow(topic);
        self.read_untracked(f)
    }

    /// Makes the running view or memo follow `topic`.
    pub fn follow(&self, topic: Topic) {
        let known = self
            .topics
            .with_value(|topics| topics.get(&topic).map(ArcTrigger::track).is_some());
        if !known {
            let trigger = ArcTrigger::new();
            trigger.track();
            self.topics.update_value(|topics| {
                topics.insert(topic, trigger);
            });
        }
    }

    /// Reads the library without following anything: for event handlers and saving.
    pub fn read_untracked<R>(&self, f: impl FnOnce(&Library) -> R) -> R {
        self.library.with_value(f)
    }

    /// Applies this user's edit as an undoable step; the map it changed is stamped with the time.
    pub fn apply(&self, edit: LibraryEdit) -> Result<Change, EditError> {
        let change = self.step(true, |library, history| history.apply(library, edit))?;
        self.deleted.set(None);
        Ok(change)
    }

    /// Like [`OpenLibrary::apply`], then offers to undo it with a notice naming `what`.
    pub fn delete(&self, edit: LibraryEdit, what: String) -> Result<Change, EditError> {
        let change = self.apply(edit)?;
        self.deleted.set(Some(what));
        Ok(change)
    }

    /// The seam for edits made elsewhere (another tab, another person): applied to the open
    /// maps and shown, but not this user's to undo; this user's steps stay undoable.
    pub fn receive(&self, edit: LibraryEdit) -> Result<Change, EditError> {
        // The field being typed in keeps the keyboard, wherever the change moved it.
        let typing = focus::text_field();
        let change = self.step(false, |library, history| history.receive(library, edit));
        focus::keep(typing);
        change
    }

    pub fn undo(&self) -> Option<Change> {
        self.deleted.set(None);
        self.step(true, |library, history| history.undo(library).ok_or(()))
            .ok()
    }

    pub fn redo(&self) -> Option<Change> {
        self.step(true, |library, history| history.redo(library).ok_or(()))
            .ok()
    }

    /// Ends the current typing step, so the next keystroke in a field is a new undo step.
    pub fn seal(&self) {
        self.history.update_value(History::seal);
    }

    pub fn can_undo(&self) -> bool {
        self.can_undo.get()
    }

    pub fn can_redo(&self) -> bool {
        self.can_redo.get()
    }

    pub fn deleted(&self) -> Option<String> {
        self.deleted.get()
    }

    /// Runs `step` on the library and history; on success the views it reached are woken.
    fn step<E>(
        &self,
        stamp: bool,
        step: impl FnOnce(&mut Library, &mut History) -> Result<Change, E>,
    ) -> Result<Change, E> {
        let mut result = None;
        self.history.update_value(|history| {
            self.library.update_value(|library| {
                let changed = step(library, history);
                if let (true, Ok(change)) = (stamp, &changed) {
                    if let Some(map) = library.map_mut(&change.map) {
                        map.updated_at = now();
                    }
                }
                result = Some(changed);
            });
            self.can_undo.set(history.can_undo());
            self.can_redo.set(history.can_redo());
        });
        let change = result.expect("the history lives as long as the app")?;
        let reach = reached(&change);
        self.topics.with_value(|topics| match &reach.whole_map {
            Some(_) => topics
                .iter()
                .filter(|(topic, _)| reach.includes(topic))
                .for_each(|(_, trigger)| trigger.notify()),
            None => reach
                .topics
                .iter()
                .filter_map(|topic| topics.get(topic))
                .for_each(ArcTrigger::notify),
        });
        let parts = reach.whole_map.is_none().then_some(&change.touched[..]);
        for listener in self.listeners.get_value() {
            listener(&change.map, parts);
        }
        Ok(change)
    }
}

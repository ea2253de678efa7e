//! The map being edited, shared with every component inside the editor, and the one way they
//! read it: each read names the typed part of the map (or the chart) it follows.

use super::{Session, Topic};
use crate::charts::Chart;
use crate::model::{Edit, EditError, Id, JourneyMap, LibraryEdit, Part, Step};
use crate::ui::browser::focus;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct OpenMap {
    pub id: StoredValue<Id>,
    pub session: Session,
}

impl OpenMap {
    pub fn provide(id: Id, session: Session) -> Self {
        let open = OpenMap {
            id: StoredValue::new(id),
            session,
        };
        provide_context(open);
        open
    }

    pub fn apply(&self, edit: Edit) -> Result<(), EditError> {
        self.session.apply(LibraryEdit::Map {
            id: self.id.get_value(),
            edit,
        })
    }

    /// Applies a removal and offers to undo it, naming what went.
    pub fn delete(&self, edit: Edit, what: String) {
        let _ = self.session.delete(
            LibraryEdit::Map {
                id: self.id.get_value(),
                edit,
            },
            what,
        );
    }

    /// Moves touchpoint or KPI `id` one step (where it lands is the model's answer) and keeps
    /// focus on it; `element_id` is the id of its card.
    pub fn move_item(&self, id: &str, step: Step, element_id: String) {
        if let Some(edit) = self.with_untracked(|m| m.step_item(id, step)).flatten() {
            let active = focus::focused();
            if self.apply(edit).is_ok() {
                focus::restore(active, element_id);
            }
        }
    }

    /// Reads the map and follows changes to one part of it. `None` once the map is gone.
    pub fn with<R>(&self, part: Part, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        self.read(Topic::Part(self.id.get_value(), part), f)
    }

    /// Reads the map and follows changes to what `chart` shows.
    pub fn chart<R>(&self, chart: Chart, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        self.read(Topic::Chart(self.id.get_value(), chart), f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        let id = self.id.read_value();
        self.session.library.read_untracked(|l| l.map(&id).map(f))
    }

    fn read<R>(&self, topic: Topic, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        self.session.library.follow(topic);
        self.with_untracked(f)
    }
}

pub fn use_open_map() -> OpenMap {
    expect_context::<OpenMap>()
}

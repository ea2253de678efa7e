//! The map being edited, shared with every component inside the editor.

use super::Session;
use crate::model::{Edit, EditError, Id, JourneyMap, LibraryEdit};
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

    /// Reads the map and follows changes to one part of it: a phase, touchpoint or KPI id,
    /// `MAP_TEXTS` or `PHASE_ORDER` (see `Edit::touches`). `None` once the map is gone.
    pub fn with<R>(&self, part: &str, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        self.session.track(part);
        self.with_untracked(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        let id = self.id.read_value();
        self.session.library.with_untracked(|l| l.map(&id).map(f))
    }
}

pub fn use_open_map() -> OpenMap {
    expect_context::<OpenMap>()
}

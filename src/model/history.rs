//! Undo and redo over library edits. Typing in one field is one step: consecutive text edits to
//! the same field merge until [`History::seal`] is called (when the field loses focus).

use super::{Edit, EditError, Id, Library, LibraryEdit, TextField};

/// How many steps can be undone; older ones are forgotten.
pub const DEPTH: usize = 500;

#[derive(Debug, Default)]
pub struct History {
    /// Edits that undo the steps taken, the latest last.
    undo: Vec<LibraryEdit>,
    /// Edits that redo the steps undone, the latest undone last.
    redo: Vec<LibraryEdit>,
    /// Whether the latest step may still absorb typing in its field.
    open: bool,
}

/// What a step changed: the map, and the parts of it named by [`LibraryEdit::touches`].
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub map: Id,
    pub touched: Vec<String>,
}

impl Change {
    fn of(done: &LibraryEdit, inverse: &LibraryEdit) -> Self {
        let mut touched: Vec<String> = done
            .touches()
            .into_iter()
            .chain(inverse.touches())
            .map(String::from)
            .collect();
        touched.sort();
        touched.dedup();
        Change {
            map: done.map_id().to_owned(),
            touched,
        }
    }
}

/// The field a text edit changes, naming its map: typing there merges into one step.
fn typing_in(edit: &LibraryEdit) -> Option<(&str, &TextField)> {
    match edit {
        LibraryEdit::Map {
            id,
            edit: Edit::SetText { field, .. },
        } => Some((id, field)),
        _ => None,
    }
}

impl History {
    /// Applies `edit` to `library` and remembers how to undo it.
    pub fn apply(&mut self, library: &mut Library, edit: LibraryEdit) -> Result<Change, EditError> {
        let done = edit.clone();
        let inverse = library.apply(edit)?;
        let change = Change::of(&done, &inverse);
        let merges = self.open
            && typing_in(&inverse).is_some()
            && self.undo.last().and_then(typing_in) == typing_in(&inverse);
        // A merged step keeps the undo of its first keystroke, which restores the text from before.
        if !merges {
            self.undo.push(inverse);
            if self.undo.len() > DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.open = true;
        Ok(change)
    }

    /// Ends the current typing step: the next keystroke starts a new one.
    pub fn seal(&mut self) {
        self.open = false;
    }

    /// Undoes the latest step; `None` when there was nothing to undo.
    pub fn undo(&mut self, library: &mut Library) -> Option<Change> {
        Self::shift(library, &mut self.undo, &mut self.redo, &mut self.open)
    }

    /// Redoes the latest undone step.
    pub fn redo(&mut self, library: &mut Library) -> Option<Change> {
        Self::shift(library, &mut self.redo, &mut self.undo, &mut self.open)
    }

    fn shift(
        library: &mut Library,
        from: &mut Vec<LibraryEdit>,
        to: &mut Vec<LibraryEdit>,
        open: &mut bool,
    ) -> Option<Change> {
        *open = false;
        let edit = from.pop()?;
        let done = edit.clone();
        // Only the edits this history made have changed the library, so every step applies;
        // should one not, it is dropped rather than left to block all the others.
        let inverse = library.apply(edit).ok()?;
        let change = Change::of(&done, &inverse);
        to.push(inverse);
        Some(change)
    }

    /// Forgets every step: after another tab changed the maps, this tab's steps no longer fit.
    pub fn clear(&mut self) {
        *self = History::default();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Whether the latest step, if undone, would bring back the map with this id (for "Undo delete").
    pub fn last_removed(&self) -> Option<&str> {
        match self.undo.last() {
            Some(LibraryEdit::InsertMap { map, .. }) => Some(&map.id),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{generate, JourneyMap, Phase, PHASE_PALETTE};

    fn library() -> Library {
        Library {
            maps: vec![generate::map(1, generate::Size::SMALL)],
        }
    }

    fn typed(text: &str) -> LibraryEdit {
        LibraryEdit::Map {
            id: "generated-1".into(),
            edit: Edit::SetText {
                field: TextField::PhaseName("phase-0".into()),
                value: text.into(),
            },
        }
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let start = library();
        let mut lib = start.clone();
        let mut history = History::default();
        for text in ["S", "Se", "See"] {
            history.apply(&mut lib, typed(text)).unwrap();
        }
        assert_eq!(lib.maps[0].phases[0].name, "See");
        history.undo(&mut lib);
        assert_eq!(lib, start);
        assert!(!history.can_undo());
        history.redo(&mut lib);
        assert_eq!(lib.maps[0].phases[0].name, "See");
    }

    #[test]
    fn sealing_or_another_field_starts_a_new_step() {
        let mut lib = library();
        let mut history = History::default();
        history.apply(&mut lib, typed("A")).unwrap();
        history.seal();
        history.apply(&mut lib, typed("AB")).unwrap();
        let other = LibraryEdit::Map {
            id: "generated-1".into(),
            edit: Edit::SetText {
                field: TextField::PhaseGoal("phase-0".into()),
                value: "goal".into(),
            },
        };
        history.apply(&mut lib, other).unwrap();
        history.apply(&mut lib, typed("ABC")).unwrap();
        history.undo(&mut lib);
        assert_eq!(lib.maps[0].phases[0].name, "AB");
        history.undo(&mut lib);
        assert_eq!(lib.maps[0].phases[0].goal, "Goal of phase 1");
        history.undo(&mut lib);
        assert_eq!(lib.maps[0].phases[0].name, "A");
    }

    #[test]
    fn undo_and_redo_across_kinds_of_edit_and_maps() {
        let start = library();
        let mut lib = start.clone();
        let mut history = History::default();
        let edits = vec![
            LibraryEdit::InsertMap {
                index: 0,
                map: Box::new(JourneyMap::new("second", "Second")),
            },
            LibraryEdit::Map {
                id: "second".into(),
                edit: Edit::InsertPhase {
                    index: 0,
                    phase: Phase::new("p", "See", PHASE_PALETTE[0]),
                },
            },
            LibraryEdit::Map {
                id: "generated-1".into(),
                edit: Edit::MovePhase {
                    phase: "phase-0".into(),
                    to: 4,
                },
            },
            LibraryEdit::RemoveMap {
                id: "generated-1".into(),
            },
        ];
        let mut states = vec![lib.clone()];
        for edit in edits {
            history.apply(&mut lib, edit).unwrap();
            states.push(lib.clone());
        }
        assert_eq!(history.last_removed(), Some("generated-1"));
        for expected in states.iter().rev().skip(1) {
            assert!(history.undo(&mut lib).is_some());
            assert_eq!(&lib, expected);
        }
        assert_eq!(history.undo(&mut lib), None);
        for expected in states.iter().skip(1) {
            assert!(history.redo(&mut lib).is_some());
            assert_eq!(&lib, expected);
        }
        assert_eq!(history.redo(&mut lib), None);
    }

    #[test]
    fn a_change_names_everything_it_touched_both_ways() {
        let mut lib = library();
        let mut history = History::default();
        let moved = LibraryEdit::Map {
            id: "generated-1".into(),
            edit: Edit::MoveItem {
                id: "tp-0".into(),
                phase: "phase-3".into(),
                index: 0,
            },
        };
        let change = history.apply(&mut lib, moved).unwrap();
        // The touchpoint, the phase it left and the phase it joined.
        assert_eq!(
            change,
            Change {
                map: "generated-1".into(),
                touched: vec!["phase-0".into(), "phase-3".into(), "tp-0".into()]
            }
        );
        assert_eq!(history.undo(&mut lib).unwrap().touched, change.touched);
        let removed = LibraryEdit::Map {
            id: "generated-1".into(),
            edit: Edit::RemovePhase {
                phase: "phase-2".into(),
            },
        };
        let change = history.apply(&mut lib, removed).unwrap();
        assert_eq!(
            change.touched,
            vec![crate::model::PHASE_ORDER.to_string(), "phase-2".into()]
        );
        let renamed = history.apply(&mut lib, typed("x")).unwrap();
        assert_eq!(renamed.touched, vec!["phase-0".to_string()]);
        let title = LibraryEdit::Map {
            id: "generated-1".into(),
            edit: Edit::SetText {
                field: TextField::MapTitle,
                value: "T".into(),
            },
        };
        assert_eq!(
            history.apply(&mut lib, title).unwrap().touched,
            vec![crate::model::MAP_TEXTS.to_string()]
        );
    }

    #[test]
    fn a_new_edit_clears_redo_and_refused_edits_are_not_recorded() {
        let mut lib = library();
        let mut history = History::default();
        history.apply(&mut lib, typed("A")).unwrap();
        history.undo(&mut lib);
        assert!(history.can_redo());
        history.apply(&mut lib, typed("B")).unwrap();
        assert!(!history.can_redo());
        let refused = LibraryEdit::RemoveMap { id: "nope".into() };
        assert!(history.apply(&mut lib, refused).is_err());
        history.undo(&mut lib);
        assert!(!history.can_undo());
    }

    #[test]
    fn history_is_bounded() {
        let mut lib = library();
        let mut history = History::default();
        for i in 0..DEPTH + 10 {
            history.apply(&mut lib, typed(&i.to_string())).unwrap();
            history.seal();
        }
        let mut undone = 0;
        while history.undo(&mut lib).is_some() {
            undone += 1;
        }
        assert_eq!(undone, DEPTH);
    }
}

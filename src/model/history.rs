//! Undo and redo over library edits. Typing in one field is one step: consecutive text edits to
//! the same field merge until [`History::seal`] is called (when the field loses focus).
//!
//! Edits that come from elsewhere (another tab's save, later another person in a live session)
//! enter through [`History::receive`]: they change the library but are not this user's to undo,
//! and this user's steps stay undoable around them.

use super::{Edit, EditError, Id, Item, Library, LibraryEdit, Part, TextField};
use serde::Serialize;

/// How many steps can be undone; older ones are forgotten.
pub const DEPTH: usize = 500;

/// About how much the steps that can be undone may hold, counted as JSON; the oldest go first
/// past it, though the latest step always stays. Some twenty whole large maps (20 phases of 60
/// cards, 0.4 MB each as JSON), so deleting or replacing big maps all session long cannot fill
/// the tab's memory.
pub const BUDGET: usize = 8 << 20;

/// An edit that undoes or redoes a step, and about how many bytes it holds.
#[derive(Debug)]
struct Step {
    edit: LibraryEdit,
    bytes: usize,
}

impl Step {
    fn new(edit: LibraryEdit) -> Self {
        let bytes = weight(&edit);
        Step { edit, bytes }
    }
}

/// About how many bytes an edit holds: what it carries as JSON, plus a little for itself.
fn weight(edit: &LibraryEdit) -> usize {
    fn json(value: &impl Serialize) -> usize {
        serde_json::to_vec(value).map_or(0, |v| v.len())
    }
    let carried = match edit {
        LibraryEdit::InsertMap { map, .. }
        | LibraryEdit::ReplaceMap { map }
        | LibraryEdit::UpdateMap { map, .. } => json(map),
        LibraryEdit::RemoveMap { .. } => 0,
        LibraryEdit::Map { edit, .. } => match edit {
            Edit::SetText { value, .. } => value.len(),
            Edit::InsertPhase { phase, .. } => json(phase),
            Edit::InsertItem { item, .. } => match item {
                Item::Touchpoint(t) => json(t),
                Item::Kpi(k) => json(k),
                Item::Card { card, .. } => json(card),
            },
            Edit::InsertPersona { persona, .. } => json(persona),
            Edit::InsertLane { cards, .. } => json(cards),
            Edit::SetMeasurements { measurements, .. } | Edit::SetKpiKind { measurements, .. } => {
                json(measurements)
            }
            _ => 0,
        },
    };
    carried + 64
}

#[derive(Debug, Default)]
pub struct History {
    /// Edits that undo the steps taken, the latest last.
    undo: Vec<Step>,
    /// Edits that redo the steps undone, the latest undone last.
    redo: Vec<Step>,
    /// Whether the latest step may still absorb typing in its field.
    open: bool,
}

/// What a step changed: the map, the parts of it named by [`LibraryEdit::touches`] (none where
/// a whole map came, went or was replaced), and the edit as it was done.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub map: Id,
    pub touched: Vec<Part>,
    /// The edit done; for an update from elsewhere, its parts with the map it replaced.
    pub done: LibraryEdit,
}

impl Change {
    fn of(done: LibraryEdit, inverse: &LibraryEdit) -> Self {
        let mut touched = done.touches();
        for part in inverse.touches() {
            if !touched.contains(&part) {
                touched.push(part);
            }
        }
        Change {
            map: done.map_id().to_owned(),
            touched,
            done,
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
        let change = Change::of(done, &inverse);
        let merges = self.open
            && typing_in(&inverse).is_some()
            && self.undo.last().and_then(|s| typing_in(&s.edit)) == typing_in(&inverse);
        // A merged step keeps the undo of its first keystroke, which restores the text from before.
        if !merges {
            self.undo.push(Step::new(inverse));
            Self::trim(&mut self.undo);
        }
        self.redo.clear();
        self.open = true;
        Ok(change)
    }

    /// Applies an edit made elsewhere. It goes on no stack: undo undoes only this user's steps.
    /// Where it replaced, added or removed a whole map, this user's steps on that map were made
    /// on another map and are forgotten; all other steps stay, and should one no longer fit
    /// (what it undoes was deleted elsewhere) undo passes over it.
    pub fn receive(
        &mut self,
        library: &mut Library,
        edit: LibraryEdit,
    ) -> Result<Change, EditError> {
        let change = match edit {
            // Not copied, being a whole map: its inverse, the same parts with the map it
            // replaced, stands for it (what follows changes reads only an update's parts).
            LibraryEdit::UpdateMap { .. } => {
                let inverse = library.apply(edit)?;
                Change {
                    map: inverse.map_id().to_owned(),
                    touched: inverse.touches(),
                    done: inverse,
                }
            }
            edit => {
                let done = edit.clone();
                let inverse = library.apply(edit)?;
                Change::of(done, &inverse)
            }
        };
        if change.touched.is_empty() {
            let other_map = |step: &Step| step.edit.map_id() != change.map;
            self.undo.retain(other_map);
            self.redo.retain(other_map);
        }
        // My next keystroke is a new step, so undoing it cannot undo theirs in the same field.
        self.open = false;
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

    /// Forgets the oldest steps past [`DEPTH`] steps or [`BUDGET`] bytes, keeping the latest.
    fn trim(steps: &mut Vec<Step>) {
        let mut bytes: usize = steps.iter().map(|s| s.bytes).sum();
        let mut forget = 0;
        while steps.len() - forget > 1 && (steps.len() - forget > DEPTH || bytes > BUDGET) {
            bytes -= steps[forget].bytes;
            forget += 1;
        }
        steps.drain(..forget);
    }

    fn shift(
        library: &mut Library,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        open: &mut bool,
    ) -> Option<Change> {
        *open = false;
        // A step that no longer applies (an edit from elsewhere removed what it changes) is
        // dropped rather than left to block all the others; one whose place moved (items
        // removed elsewhere before it) goes to the nearest place that exists.
        while let Some(step) = from.pop() {
            let fitted = step.edit.fitted(library);
            if let Ok(inverse) = library.apply(fitted.clone()) {
                let change = Change::of(fitted, &inverse);
                to.push(Step::new(inverse));
                Self::trim(to);
                return Some(change);
            }
        }
        None
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Whether the latest step, if undone, would bring back the map with this id (for "Undo delete").
    pub fn last_removed(&self) -> Option<&str> {
        match self.undo.last().map(|s| &s.edit) {
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
        let change = history.apply(&mut lib, moved.clone()).unwrap();
        // The touchpoint, the phase it left and the phase it joined.
        assert_eq!(
            change,
            Change {
                map: "generated-1".into(),
                touched: vec![
                    Part::Item("tp-0".into()),
                    Part::Phase("phase-3".into()),
                    Part::Phase("phase-0".into()),
                ],
                done: moved,
            }
        );
        // Undoing touches the same parts.
        let undone = history.undo(&mut lib).unwrap().touched;
        assert_eq!(undone.len(), change.touched.len());
        assert!(undone.iter().all(|part| change.touched.contains(part)));
        let removed = LibraryEdit::Map {
            id: "generated-1".into(),
            edit: Edit::RemovePhase {
                phase: "phase-2".into(),
            },
        };
        let change = history.apply(&mut lib, removed).unwrap();
        assert_eq!(
            change.touched,
            vec![Part::PhaseOrder, Part::Phase("phase-2".into())]
        );
        let renamed = history.apply(&mut lib, typed("x")).unwrap();
        assert_eq!(renamed.touched, vec![Part::Phase("phase-0".into())]);
        let title = LibraryEdit::Map {
            id: "generated-1".into(),
            edit: Edit::SetText {
                field: TextField::MapTitle,
                value: "T".into(),
            },
        };
        assert_eq!(
            history.apply(&mut lib, title).unwrap().touched,
            vec![Part::MapTexts]
        );
        let deleted = LibraryEdit::RemoveMap {
            id: "generated-1".into(),
        };
        assert!(history.apply(&mut lib, deleted).unwrap().touched.is_empty());
    }

    fn set(field: TextField, value: &str) -> LibraryEdit {
        LibraryEdit::Map {
            id: "generated-1".into(),
            edit: Edit::SetText {
                field,
                value: value.into(),
            },
        }
    }

    fn touchpoint(lib: &Library, phase: usize, index: usize) -> &crate::model::Touchpoint {
        &lib.maps[0].phases[phase].touchpoints[index]
    }

    fn name<'a>(lib: &'a Library, id: &str) -> &'a str {
        &lib.maps[0].touchpoint(id).unwrap().name
    }

    #[test]
    fn an_edit_from_elsewhere_is_not_mine_to_undo() {
        let mut lib = library();
        let mut history = History::default();
        history
            .receive(
                &mut lib,
                set(TextField::TouchpointName("tp-0".into()), "Theirs"),
            )
            .unwrap();
        assert!(!history.can_undo());
        assert_eq!(name(&lib, "tp-0"), "Theirs");
    }

    #[test]
    fn undo_after_an_edit_from_elsewhere_undoes_exactly_mine() {
        let start = library();
        let mut lib = start.clone();
        let mut history = History::default();
        let (mine, theirs) = (
            TextField::TouchpointName("tp-0".into()),
            TextField::TouchpointName("tp-1".into()),
        );
        history.apply(&mut lib, set(mine.clone(), "Mine")).unwrap();
        history.receive(&mut lib, set(theirs, "Theirs")).unwrap();
        history.undo(&mut lib).unwrap();
        assert_eq!(name(&lib, "tp-0"), name(&start, "tp-0"));
        assert_eq!(name(&lib, "tp-1"), "Theirs");
        assert!(!history.can_undo());
        history.redo(&mut lib).unwrap();
        assert_eq!(name(&lib, "tp-0"), "Mine");
        assert_eq!(name(&lib, "tp-1"), "Theirs");
    }

    #[test]
    fn a_live_session_s_whole_map_keeps_my_steps_and_undo_undoes_only_mine() {
        let start = library();
        let mut lib = start.clone();
        let mut history = History::default();
        let mine = TextField::TouchpointName("tp-0".into());
        history.apply(&mut lib, set(mine, "Mine")).unwrap();
        // The room's map: mine in it, and someone else's change too.
        let mut theirs = lib.maps[0].clone();
        let tp1 = theirs.phases.iter_mut().flat_map(|p| &mut p.touchpoints);
        tp1.filter(|t| t.id == "tp-1")
            .for_each(|t| t.name = "Theirs".into());
        let parts = lib.maps[0].changed_parts(&theirs);
        let change = history
            .receive(
                &mut lib,
                LibraryEdit::UpdateMap {
                    map: Box::new(theirs),
                    parts: parts.clone(),
                },
            )
            .unwrap();
        assert_eq!(change.touched, parts);
        assert!(history.can_undo());
        history.undo(&mut lib).unwrap();
        assert_eq!(name(&lib, "tp-0"), name(&start, "tp-0"));
        assert_eq!(name(&lib, "tp-1"), "Theirs");
    }

    #[test]
    fn typing_after_an_edit_from_elsewhere_is_a_new_step() {
        let mut lib = library();
        let mut history = History::default();
        let field = TextField::TouchpointName("tp-0".into());
        let before = name(&lib, "tp-0").to_owned();
        history.apply(&mut lib, set(field.clone(), "A")).unwrap();
        history
            .receive(&mut lib, set(field.clone(), "Theirs"))
            .unwrap();
        history
            .apply(&mut lib, set(field.clone(), "Theirs!"))
            .unwrap();
        history.undo(&mut lib).unwrap();
        assert_eq!(name(&lib, "tp-0"), "Theirs");
        history.undo(&mut lib).unwrap();
        assert_eq!(name(&lib, "tp-0"), before);
    }

    #[test]
    fn a_step_whose_card_was_deleted_elsewhere_is_passed_over() {
        let mut lib = library();
        let mut history = History::default();
        history.apply(&mut lib, typed("Mine")).unwrap();
        history.seal();
        history
            .apply(
                &mut lib,
                set(TextField::TouchpointName("tp-0".into()), "Gone soon"),
            )
            .unwrap();
        let removed = LibraryEdit::Map {
            id: "generated-1".into(),
            edit: Edit::RemoveItem { id: "tp-0".into() },
        };
        history.receive(&mut lib, removed).unwrap();
        // The rename of the deleted card no longer applies: undo undoes the step before it.
        let change = history.undo(&mut lib).unwrap();
        assert_eq!(change.touched, vec![Part::Phase("phase-0".into())]);
        assert_eq!(lib.maps[0].phases[0].name, "Phase 1");
        assert!(lib.maps[0].touchpoint("tp-0").is_none());
    }

    #[test]
    fn an_undone_deletion_returns_to_the_nearest_place_that_still_exists() {
        let mut lib = library();
        let mut history = History::default();
        let count = lib.maps[0].phases[0].touchpoints.len();
        let last = touchpoint(&lib, 0, count - 1).id.clone();
        let delete = |id: &str| LibraryEdit::Map {
            id: "generated-1".into(),
            edit: Edit::RemoveItem { id: id.into() },
        };
        history.apply(&mut lib, delete(&last)).unwrap();
        for index in 0..3 {
            let id = touchpoint(&lib, 0, index).id.clone();
            history.receive(&mut lib, delete(&id)).unwrap();
        }
        history.undo(&mut lib).unwrap();
        let phase = &lib.maps[0].phases[0];
        assert_eq!(phase.touchpoints.len(), count - 3);
        assert_eq!(phase.touchpoints.last().unwrap().id, last);
    }

    #[test]
    fn a_whole_map_from_elsewhere_drops_my_steps_on_that_map_only() {
        let mut lib = library();
        lib.maps.push(JourneyMap::new("other", "Other"));
        let mut history = History::default();
        history.apply(&mut lib, typed("Mine")).unwrap();
        let other_title = LibraryEdit::Map {
            id: "other".into(),
            edit: Edit::SetText {
                field: TextField::MapTitle,
                value: "Renamed".into(),
            },
        };
        history.apply(&mut lib, other_title).unwrap();
        let mut theirs = lib.maps[0].clone();
        theirs.title = "Saved in another tab".into();
        let change = history
            .receive(
                &mut lib,
                LibraryEdit::ReplaceMap {
                    map: Box::new(theirs),
                },
            )
            .unwrap();
        assert!(change.touched.is_empty());
        history.undo(&mut lib).unwrap();
        assert_eq!(lib.maps[1].title, "Other");
        assert!(!history.can_undo());
        assert_eq!(lib.maps[0].title, "Saved in another tab");
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
    fn history_holds_at_most_its_budget_in_bytes_and_always_the_latest_step() {
        let big = generate::map(7, generate::Size::LARGE);
        let one = weight(&LibraryEdit::ReplaceMap {
            map: Box::new(big.clone()),
        });
        assert!(one > 400_000, "a large map weighs {one} bytes");
        let mut lib = Library {
            maps: vec![big.clone()],
        };
        let mut history = History::default();
        let replacements = BUDGET / one + 5;
        for i in 0..replacements {
            let mut map = big.clone();
            map.title = format!("Version {i}");
            history
                .apply(&mut lib, LibraryEdit::ReplaceMap { map: Box::new(map) })
                .unwrap();
        }
        let held: usize = history.undo.iter().map(|s| s.bytes).sum();
        assert!(held <= BUDGET, "{held} bytes held");
        assert!(history.undo.len() >= BUDGET / one - 1);
        // Undoing goes back as far as the budget allows, newest first.
        history.undo(&mut lib).unwrap();
        assert_eq!(lib.maps[0].title, format!("Version {}", replacements - 2));

        // One step larger than the whole budget is still kept: it is the latest.
        let mut history = History::default();
        let mut huge = big.clone();
        huge.description = "x".repeat(BUDGET + 1);
        history
            .apply(
                &mut lib,
                LibraryEdit::ReplaceMap {
                    map: Box::new(huge),
                },
            )
            .unwrap();
        history
            .apply(&mut lib, LibraryEdit::ReplaceMap { map: Box::new(big) })
            .unwrap();
        assert_eq!(history.undo.len(), 1);
        assert!(history.undo(&mut lib).is_some());
        assert_eq!(lib.maps[0].description.len(), BUDGET + 1);
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

//! The map being edited, shared with every component inside the editor, and the one way they
//! read it: each read names the typed part of the map (or the chart) it follows. It also knows
//! which card is open for editing: one at a time, by id, so a card stays open when it moves.

use super::{Session, Topic};
use crate::charts::Chart;
use crate::model::{Edit, EditError, Id, JourneyMap, LibraryEdit, Part, Step};
use crate::ui::browser::focus;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct OpenMap {
    pub id: StoredValue<Id>,
    pub session: Session,
    /// The card open for editing.
    selected: RwSignal<Option<Id>>,
    /// Wakes only the two cards a change of selection opens and closes, however many there are.
    selector: StoredValue<Selector<Option<Id>>>,
    /// A mouse or finger is pressed: its click, not the focus it moves, decides what closes.
    pressing: StoredValue<bool>,
    /// The card last focused: the grid's one tab stop while it exists.
    focused_card: RwSignal<Option<Id>>,
    /// Wakes only the two cards a move of the tab stop concerns.
    tab_stop: StoredValue<Option<Selector<Option<Id>>>>,
}

impl OpenMap {
    pub fn provide(id: Id, session: Session) -> Self {
        let selected = RwSignal::new(None);
        let open = OpenMap {
            id: StoredValue::new(id),
            session,
            selected,
            selector: StoredValue::new(Selector::new(move || selected.get())),
            pressing: StoredValue::new(false),
            focused_card: RwSignal::new(None),
            tab_stop: StoredValue::new(None),
        };
        open.tab_stop
            .set_value(Some(Selector::new(move || open.tab_stop_now())));
        session.autosave.opened(open.id.get_value());
        provide_context(open);
        open
    }

    /// Whether card `id` is the grid's tab stop (arrow keys go on from it); followed.
    pub fn is_tab_stop(&self, id: &str) -> bool {
        self.tab_stop
            .with_value(|s| s.as_ref().is_some_and(|s| s.selected(&Some(id.to_owned()))))
    }

    /// Card `id` has the keyboard focus: the tab stop comes with it.
    pub fn focus_card(&self, id: &str) {
        if self
            .focused_card
            .with_untracked(|f| f.as_deref() != Some(id))
        {
            self.focused_card.set(Some(id.to_owned()));
        }
    }

    /// The card last focused while it exists, else the map's first card.
    fn tab_stop_now(&self) -> Option<Id> {
        let focused = self.focused_card.get();
        // A card comes and goes with its phase's lists, in whichever phase that is.
        let phases = self.with(Part::PhaseOrder, |m| {
            m.phases.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
        })?;
        for phase in phases {
            self.with(Part::Phase(phase), |_| ());
        }
        self.with_untracked(|m| {
            focused
                .filter(|id| m.position_of(id).is_some())
                .or_else(|| m.first_card().cloned())
        })
        .flatten()
    }

    /// Whether card `id` is open for editing; followed where read in a view.
    pub fn is_open(&self, id: &str) -> bool {
        self.selector
            .with_value(|s| s.selected(&Some(id.to_owned())))
    }

    /// Notes that a press began (`true`) or ended with its click (`false`).
    pub fn set_pressing(&self, pressing: bool) {
        self.pressing.set_value(pressing);
    }

    /// Whether a press is under way.
    pub fn is_pressing(&self) -> bool {
        self.pressing.get_value()
    }

    /// The card open for editing, followed.
    pub fn opened(&self) -> Option<Id> {
        self.selected.get()
    }

    /// The card open for editing, without following it.
    pub fn open_card(&self) -> Option<Id> {
        self.selected.get_untracked()
    }

    /// Opens card `id` for editing, closing any other.
    pub fn open(&self, id: &str) {
        self.selected.set(Some(id.to_owned()));
    }

    /// Closes the open card unless it is card `id`.
    pub fn close_unless(&self, id: Option<&str>) {
        if self
            .selected
            .with_untracked(|s| s.is_some() && s.as_deref() != id)
        {
            self.selected.set(None);
        }
    }

    /// Closes card `id` if it is the one open.
    pub fn close(&self, id: &str) {
        if self.selected.with_untracked(|s| s.as_deref() == Some(id)) {
            self.selected.set(None);
        }
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
            // Focus leaves before the card is rebuilt elsewhere: taking a focused element out
            // of the page made Chromium lay the page out there and then (11 ms a move on the
            // large map, profiled); it comes back once the card is in its new place.
            if let Some(field) = &active {
                let _ = field.blur();
            }
            let _ = self.apply(edit);
            focus::restore(active, element_id);
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

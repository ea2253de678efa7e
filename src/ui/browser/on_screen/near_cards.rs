//! A phase column's cards: which of them to build, for its cards to read.

use super::{Column, OnScreen};
use leptos::html::Li;
use leptos::prelude::*;
use std::collections::HashSet;

/// A card's list item not built, until the card has been built once, in rem: about a compact
/// card's height (`.placeholder` in style/main.css).
const PLACEHOLDER_HEIGHT: f64 = 4.2;

/// The room between two cards in a list, in rem (`.items` in style/main.css).
const LIST_GAP: f64 = 0.3;

/// How high a built compact card is at least, in rem: one line and its padding.
const BUILT_AT_LEAST: f64 = 2.0;

/// A phase with at most this many cards (every template has fewer) has them all built: then a
/// search in the page, a screen reader's reading and every opened fold reach them all. With 24
/// per phase, all built, opening the workshop map took 395 ms and a keystroke's frame 10 ms
/// (BENCHMARKS.md).
const ALWAYS_BUILT: usize = 20;

/// How many cards before and after the one with the keyboard focus are built wherever they are:
/// Tab and Shift+Tab then always find the next card's fields, however fast they are pressed (the
/// check against the screen waits for the next frame).
const AROUND_FOCUS: usize = 2;

impl OnScreen {
    /// Starts checking the cards of the phase column `element`, unless it has so few that all of
    /// them are built. `order` lists its cards' element ids from top to bottom.
    ///
    /// A phase `index` places from the left that may be on the first screen of the map just
    /// opened (reckoned before anything is laid out) has its cards' places at once: the first
    /// check then finds its cards near the screen in one measuring of the page, not two (first
    /// its place, then its cards'). The others get theirs, their heading and cells only later
    /// ([`NearCards::filled`]): a phase's heading and cells are some 4.5 ms to build, and the
    /// large map opened 36 ms sooner with eight of its twenty phases left out (BENCHMARKS.md).
    pub fn column(self, element: NodeRef<Li>, order: Memo<Vec<String>>, index: usize) -> NearCards {
        // Cards read this and not `printing`: a signal read by a thousand cards is slow to
        // update (see `LangScope`).
        let printing = self.printing;
        let all = Memo::new(move |_| order.with(Vec::len) <= ALWAYS_BUILT || printing.get());
        let near = RwSignal::new(HashSet::new());
        let filled = RwSignal::new(index < self.first_columns);
        let lanes = RwSignal::new(false);
        let focused = RwSignal::new(None::<String>);
        let key = self.next_column.get_value();
        self.next_column.set_value(key + 1);
        self.columns.update_value(|c| {
            let column = Column {
                element,
                all,
                filled,
                lanes,
                near,
                order,
                focused,
            };
            c.insert(key, column);
        });
        on_cleanup(move || {
            self.columns.try_update_value(|c| c.remove(&key));
        });
        // When the phase is first shown and when it gets more cards than are always built.
        Effect::new(move |_| {
            all.track();
            self.schedule();
        });
        self.fill_when_idle();
        let around_focus = Memo::new(move |_| {
            focused.with(|focused| {
                let focused = focused.as_ref()?;
                order.with(|order| {
                    let at = order.iter().position(|id| id == focused)?;
                    let from = at.saturating_sub(AROUND_FOCUS);
                    let to = (at + AROUND_FOCUS + 1).min(order.len());
                    Some(order[from..to].to_vec())
                })
            })
        });
        NearCards {
            all,
            filled: filled.read_only(),
            lanes: lanes.read_only(),
            near: near.read_only(),
            focused,
            around_focus,
        }
    }

    /// Builds the card with this element id wherever it is, with the cards around it, as for
    /// the card with the keyboard focus: focus is about to go there (the arrow keys).
    pub fn want(self, element_id: &str) {
        let column = self.columns.with_value(|c| {
            c.values()
                .find(|c| {
                    c.order
                        .try_with_untracked(|o| o.iter().any(|id| id == element_id))
                        .unwrap_or(false)
                })
                .map(|c| (c.focused, c.filled, c.lanes))
        });
        if let Some((focused, filled, lanes)) = column {
            filled.set(true);
            lanes.set(true);
            focused.set(Some(element_id.to_owned()));
        }
    }
}

/// Which cards of one phase to build, for its cards to read.
#[derive(Clone, Copy)]
pub struct NearCards {
    /// The phase has no more than [`ALWAYS_BUILT`] cards, or the page is being printed.
    all: Memo<bool>,
    /// Otherwise, whether its cards have their places in the page: not until the phase has come
    /// near the screen, the page has been idle or focus goes into it, unless it may be on the
    /// first screen of the map just opened.
    filled: ReadSignal<bool>,
    /// Otherwise, whether its lanes' cells (under the touchpoints and KPIs) are built: not
    /// until one of them has come near the screen, the page has been idle or focus goes there.
    lanes: ReadSignal<bool>,
    /// Otherwise, the element ids of those near the screen,
    near: ReadSignal<HashSet<String>>,
    /// and of those around the card that has the keyboard focus.
    focused: RwSignal<Option<String>>,
    around_focus: Memo<Option<Vec<String>>>,
}

impl NearCards {
    /// Whether the phase's cards have their places in the page, built or not.
    pub fn filled(self) -> bool {
        self.all.get() || self.filled.get()
    }

    /// Whether its lanes' cells have their cards' places, built or not. Below the first
    /// screen of the large map, its lanes' cells, places and all, were some 55 ms of opening it
    /// (BENCHMARKS.md); until then each keeps its height ([`NearCards::cell_rem`]).
    pub fn lanes(self) -> bool {
        self.all.get() || self.lanes.get()
    }

    pub fn contains(self, element_id: &str) -> bool {
        self.all.get()
            || self.near.with(|n| n.contains(element_id))
            || self
                .around_focus
                .with(|a| a.iter().flatten().any(|id| id == element_id))
    }

    /// How high a lane's cell of `count` of these cards is before the browser has drawn it,
    /// as its `contain-intrinsic-height`. The browser skips drawing a cell away from the screen
    /// and counts it this high; counted as no height, every cell of the phases in view seemed
    /// to be on the first screen when the map opened, and was laid out (over half of what the
    /// opening laid out, BENCHMARKS.md). In a phase with more cards than are always built, a
    /// cell away from the screen holds placeholders. Built cards vary, so they count as high as
    /// they are at least: a cell counted higher than it is, where it is the highest in its row,
    /// would leave a gap under the other cells of the row until it is drawn.
    pub fn cell_height(self, count: usize) -> String {
        format!("auto {}rem", self.cell_rem(count))
    }

    /// How high a lane's cell of `count` of these cards is counted, in rem.
    pub fn cell_rem(self, count: usize) -> f64 {
        let card = if self.all.get() {
            BUILT_AT_LEAST
        } else {
            PLACEHOLDER_HEIGHT
        };
        count as f64 * (card + LIST_GAP)
    }

    /// The card `element_id` has the keyboard focus (`true`) or no longer has it.
    pub fn focus(self, element_id: &str, has: bool) {
        if has {
            self.focused.try_set(Some(element_id.to_owned()));
        } else {
            self.focused.try_update(|f| {
                if f.as_deref() == Some(element_id) {
                    *f = None;
                }
            });
        }
    }
}

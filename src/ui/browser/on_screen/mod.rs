//! Building in full only the cards near the screen.
//!
//! A large map has over a thousand cards, and the browser's work for every frame grows with the
//! cards in the page: with all of them built, each keystroke cost 20 ms of style, layout, paint
//! and compositing, and opening the map a second (BENCHMARKS.md). So every card has a list
//! item, which keeps the lists' order and height, but in a phase of many cards only those
//! within a tenth of a screen of what is seen of the map are built in full; the others are a
//! list item with just their name, at the height they last had (`editor/card_list.rs`). A card
//! that holds the keyboard focus stays built wherever it is, with two cards either side of it
//! for Tab and Shift+Tab, and printing builds them all.
//!
//! Such a phase gets even those list items only when it comes near the screen, when focus goes
//! into it, or when the page is idle (a few phases at a time, so that a search in the page finds
//! every card a moment after the map opens): making three thousand of them was two fifths of the
//! first task of opening the large map (BENCHMARKS.md). Its cells keep their height meanwhile
//! (`NearCards::cell_height` counts the cards, not the list items). It gets its heading and the
//! cells' contents only then too (`editor/phase_column.rs`), unless it may be on the first screen
//! of the map just opened: such a phase gets all of them at once (`OnScreen::column`). Its lanes
//! under the touchpoints and KPIs get theirs once one of them comes near, focus goes there or the
//! page is idle (`NearCards::lanes`, `editor/lane_cell.rs`).
//!
//! Here the page is followed (scrolling, size, printing, each built card's height); `check`
//! finds which cards are near the screen before the next frame and fills far phases when the
//! page is idle, by what is `seen` of the map; `near_cards` is a phase column's side.

mod check;
mod near_cards;
mod seen;

pub use near_cards::NearCards;

use leptos::html::Li;
use leptos::prelude::*;
use seen::columns_in_window;
use std::collections::{HashMap, HashSet};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The class of a card's list item while it is not built.
pub const PLACEHOLDER: &str = "placeholder";

/// A resize observer and the callback it calls, which must live as long as it does.
type SizeObserver = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// When to check again which cards are near the screen, and what is known about cards not built.
#[derive(Clone, Copy)]
pub struct OnScreen {
    /// The phase columns, checked together so that the page is measured once per check, before
    /// any card is built or taken down.
    columns: StoredValue<HashMap<u64, Column>>,
    next_column: StoredValue<u64>,
    /// A check is asked for before the next frame.
    scheduled: StoredValue<bool>,
    printing: RwSignal<bool>,
    /// Far phases are waiting for an idle moment to be filled ([`FILLED_PER_IDLE`]).
    filling: StoredValue<bool>,
    /// Each card's height when it was last built, by element id.
    heights: StoredValue<HashMap<String, f64>>,
    sizes: StoredValue<Option<SizeObserver>, LocalStorage>,
    /// How many phases from the left may be on the first screen of the map just opened.
    first_columns: usize,
    /// The map has been checked once, when it opened.
    checked_once: StoredValue<bool>,
    /// The map has just opened: its first check and first frame are still to come.
    opening: RwSignal<bool>,
}

#[derive(Clone, Copy)]
struct Column {
    element: NodeRef<Li>,
    all: Memo<bool>,
    filled: RwSignal<bool>,
    lanes: RwSignal<bool>,
    near: RwSignal<HashSet<String>>,
    order: Memo<Vec<String>>,
    focused: RwSignal<Option<String>>,
}

impl OnScreen {
    /// Starts following the page's scrolling, size and printing, for the cards under it;
    /// `fitted`: the map is scaled to fit the window.
    pub fn provide(fitted: bool) -> Self {
        let screen = OnScreen {
            first_columns: if fitted {
                usize::MAX
            } else {
                columns_in_window()
            },
            columns: StoredValue::new(HashMap::new()),
            next_column: StoredValue::new(0),
            scheduled: StoredValue::new(false),
            printing: RwSignal::new(false),
            filling: StoredValue::new(false),
            heights: StoredValue::new(HashMap::new()),
            sizes: StoredValue::new_local(None),
            checked_once: StoredValue::new(false),
            opening: RwSignal::new(true),
        };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            for entry in entries.iter() {
                let Ok(entry) = entry.dyn_into::<web_sys::ResizeObserverEntry>() else {
                    continue;
                };
                // Only built cards are watched: this is the height a placeholder takes.
                let card = entry.target();
                let height = card.get_bounding_client_rect().height();
                screen.heights.try_update_value(|h| {
                    h.insert(card.id(), height);
                });
            }
            screen.schedule();
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            screen.sizes.set_value(Some((observer, on_resize)));
        }
        let listeners = [
            window_event_listener_untyped("scroll", move |_| screen.schedule()),
            window_event_listener_untyped("resize", move |_| screen.schedule()),
            window_event_listener_untyped("beforeprint", move |_| screen.printing.set(true)),
            window_event_listener_untyped("afterprint", move |_| screen.printing.set(false)),
        ];
        on_cleanup(move || {
            for listener in listeners {
                listener.remove();
            }
            if let Some((observer, _)) = screen.sizes.try_update_value(Option::take).flatten() {
                observer.disconnect();
            }
        });
        provide_context(screen);
        screen
    }

    /// Follows the size of a card's list item: what it looked like built, and when cards around
    /// it move.
    pub fn watch(self, card: &web_sys::Element) {
        self.sizes
            .with_value(|s| s.as_ref().map(|(observer, _)| observer.observe(card)));
    }

    pub fn unwatch(self, card: &web_sys::Element) {
        self.sizes
            .with_value(|s| s.as_ref().map(|(observer, _)| observer.unobserve(card)));
    }

    /// The `content-visibility` of a phase's heading and of its touchpoints' and KPIs' cells:
    /// while the map has just opened and its first frame is yet to be drawn, they are laid out
    /// as they are (`visible`), otherwise as the style sheet says (skipped away from the screen).
    /// The browser has not drawn them yet, so it would skip every one of them. A heading would
    /// count as no height (its `contain-intrinsic-size`): the cards under it would seem higher
    /// up than they are, and the first check built some thirty cards more than were near, for
    /// the first frame, and took them down after it. And measuring the cards in a skipped cell
    /// lays that cell out on its own: the first check laid out the page eleven times, not once,
    /// and opening the large map took 17 ms longer (BENCHMARKS.md).
    pub fn content_visibility(self) -> Option<&'static str> {
        self.opening.get().then_some("visible")
    }

    /// The height the card with this element id had when it was last built.
    pub fn height(self, element_id: &str) -> Option<f64> {
        self.heights
            .try_with_value(|h| h.get(element_id).copied())
            .flatten()
    }
}

pub fn use_on_screen() -> OnScreen {
    expect_context::<OnScreen>()
}

/// Whether a part of the map left unbuilt until it is needed (`ready`) has been built: true from
/// the first time `ready` holds, so that what was built is never taken down again (printing
/// ending, say) with the keyboard focus in it.
pub fn built_once(ready: impl Fn() -> bool + Send + Sync + 'static) -> Memo<bool> {
    Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || ready())
}

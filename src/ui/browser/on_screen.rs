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

use super::frame::after_next_frame;
use leptos::html::Li;
use leptos::leptos_dom::helpers::request_idle_callback;
use leptos::prelude::*;
use leptos::task::{spawn_local, tick};
use std::collections::{HashMap, HashSet};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How far beyond what is seen of the map cards are built, as a share of its height (and
/// width). A tenth: a screen of compact cards is over a hundred, and each one built costs the
/// opening of the map (a quarter built 156 cards on a 1920×1080 screen, a tenth 110).
const MARGIN: f64 = 0.1;

/// The class of a card's list item while it is not built.
pub const PLACEHOLDER: &str = "placeholder";

/// A card's list item not built, until the card has been built once, in rem: about a compact
/// card's height (`.placeholder` in style/main.css).
const PLACEHOLDER_HEIGHT: f64 = 4.2;

/// The room between two cards in a list, in rem (`.items` in style/main.css).
const LIST_GAP: f64 = 0.3;

/// How high a built compact card is at least, in rem: one line and its padding.
const BUILT_AT_LEAST: f64 = 2.0;

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

    /// Asks for the cards to be checked again before the next frame.
    pub fn schedule(self) {
        // Not when the map has been closed (a last resize report may come after).
        if self.scheduled.try_get_value() != Some(false) {
            return;
        }
        self.scheduled.set_value(true);
        let run = move || {
            if self.scheduled.try_set_value(false).is_none() {
                self.check();
            }
        };
        // When the map opens, at once, once it is in the page: its cards near the screen then
        // come with the first frame that shows it, not the one after. That lays out the page
        // before the frame (the browser has not drawn it yet, so a cell is as high as counted),
        // which is no more than the frame saved since the phases away from the screen are built
        // light (BENCHMARKS.md).
        if !self.checked_once.get_value() {
            self.checked_once.set_value(true);
            spawn_local(async move {
                tick().await;
                run();
                // After the first frame: measured before it is drawn, a heading the browser may
                // skip would still count as no height.
                after_next_frame(move || {
                    self.opening.try_set(false);
                });
            });
            return;
        }
        // From then on, right after the next frame is drawn, when the page's layout is fresh:
        // measuring it before a frame would lay out the page once more, and the cells the
        // browser has not drawn yet would only be as high as counted.
        after_next_frame(run);
    }

    /// Measures every phase, then fills those that came near and builds and takes down cards.
    fn check(self) {
        let columns: Vec<Column> = self.columns.with_value(|c| c.values().copied().collect());
        let mut unsettled = false;
        let mut reached = Vec::new();
        let found: Vec<(Column, HashSet<String>)> = columns
            .into_iter()
            .filter(|c| c.all.try_get_untracked() == Some(false))
            .filter_map(|c| {
                let element = c.element.try_get_untracked()??;
                let seen = Seen::of(&element);
                if !c.filled.try_get_untracked()? {
                    if seen.reaches(&element.get_bounding_client_rect()) {
                        reached.push(c.filled);
                    }
                    return None;
                }
                let (near, lanes) = near_cards(&element, &seen);
                if lanes && c.lanes.try_get_untracked() == Some(false) {
                    reached.push(c.lanes);
                }
                unsettled |= near.is_none();
                Some((c, near?))
            })
            .collect();
        for (column, now) in found {
            if column.near.try_with_untracked(|n| *n != now) == Some(true) {
                column.near.set(now);
            }
        }
        if !reached.is_empty() {
            for flag in reached {
                flag.set(true);
            }
            // Its cards' places are in the page once the lists have been rebuilt (a memo
            // feeding a list: a tick each), still before the frame: measured then, the cards
            // near the screen come with the frame that shows the phase's places.
            spawn_local(async move {
                tick().await;
                tick().await;
                self.check();
            });
        } else if unsettled {
            self.schedule();
        }
    }

    /// Fills the phases away from the screen when the page is idle, in order, about
    /// [`FILLED_PER_IDLE`] cards' places at a time, so that a search in the page soon finds
    /// every card; opening a map does not wait for them.
    fn fill_when_idle(self) {
        if self.filling.try_get_value() != Some(false) {
            return;
        }
        self.filling.set_value(true);
        request_idle_callback(move || {
            if self.filling.try_set_value(false).is_some() {
                return;
            }
            let Some(waiting) = self.columns.try_with_value(|c| {
                let mut waiting: Vec<_> = c
                    .iter()
                    .filter(|(_, c)| {
                        c.filled.try_get_untracked() == Some(false)
                            || c.lanes.try_get_untracked() == Some(false)
                    })
                    .map(|(key, c)| (*key, c.filled, c.lanes, c.order))
                    .collect();
                waiting.sort_by_key(|(key, ..)| *key);
                waiting
            }) else {
                return;
            };
            let mut cards = 0;
            for (_, filled, lanes, order) in &waiting {
                if cards >= FILLED_PER_IDLE {
                    self.fill_when_idle();
                    break;
                }
                cards += order.try_with_untracked(Vec::len).unwrap_or(0);
                filled.set(true);
                lanes.set(true);
            }
        });
    }

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

/// The narrowest a phase's column is and the room beside it, and the lanes' names to its left,
/// in rem (`.phases` and `.lane-names span` in style/main.css).
const COLUMN: f64 = 11.0 + 0.6;
const LANE_NAMES: f64 = 7.6 + 0.6;

/// How many phase columns of their narrowest fit in the window's width, and one more for the
/// margin cards are built in beyond it ([`MARGIN`]).
fn columns_in_window() -> usize {
    let window = window();
    let width = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(0.0);
    // The root's font size: larger type makes every column wider.
    let rem = document()
        .document_element()
        .and_then(|root| window.get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        .and_then(|size| size.trim_end_matches("px").parse::<f64>().ok())
        .filter(|rem| *rem > 0.0)
        .unwrap_or(16.0);
    ((width / rem - LANE_NAMES) / COLUMN).ceil().max(1.0) as usize + 1
}

/// What is seen of the map: the window, or less where the grid, scrolling inside itself, shows
/// only part of it.
struct Seen {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Seen {
    fn of(phase: &web_sys::Element) -> Seen {
        let window = window();
        let size = |d: Result<JsValue, JsValue>| d.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        let mut seen = Seen {
            left: 0.0,
            top: 0.0,
            right: size(window.inner_width()),
            bottom: size(window.inner_height()),
        };
        if let Some(grid) = phase.closest(".journey-grid").ok().flatten() {
            let rect = grid.get_bounding_client_rect();
            seen.left = rect.left().max(seen.left);
            seen.top = rect.top().max(seen.top);
            seen.right = rect.right().min(seen.right);
            seen.bottom = rect.bottom().min(seen.bottom);
        }
        seen
    }

    /// Whether `from..to` is within [`MARGIN`] of `start..end`.
    fn within(from: f64, to: f64, start: f64, end: f64) -> bool {
        let margin = (end - start).max(0.0) * MARGIN;
        to >= start - margin && from <= end + margin
    }

    fn reaches(&self, rect: &web_sys::DomRect) -> bool {
        Self::within(rect.left(), rect.right(), self.left, self.right) && self.reaches_rows(rect)
    }

    fn reaches_rows(&self, rect: &web_sys::DomRect) -> bool {
        Self::within(rect.top(), rect.bottom(), self.top, self.bottom)
    }
}

/// The element ids of the cards in `phase` that are near the screen now; `None` while that
/// cannot be told yet, because the browser has not yet drawn a cell near the screen. And whether
/// one of its lanes' cells is near (`lane-cards`, built only from then on).
fn near_cards(phase: &web_sys::Element, seen: &Seen) -> (Option<HashSet<String>>, bool) {
    let mut near = HashSet::new();
    let mut lanes = false;
    if !seen.reaches(&phase.get_bounding_client_rect()) {
        return (Some(near), lanes);
    }
    for cell in elements(phase, ".lane-cell") {
        // Measured by its cell first: the browser skips drawing a cell away from the screen
        // (`content-visibility`), and measuring a card inside it would lay it out.
        let rect = cell.get_bounding_client_rect();
        if !seen.reaches_rows(&rect) {
            continue;
        }
        // A cell near the screen that the browser has not drawn yet is only as high as counted
        // (`cell_height`), an empty one not at all, so the cells below it may seem near too:
        // building their cards now would take them down again.
        if rect.height() < 1.0 {
            return (None, lanes);
        }
        lanes |= cell.class_list().contains("lane-cards");
        for card in elements(&cell, ".items > li") {
            if seen.reaches_rows(&card.get_bounding_client_rect()) {
                near.insert(card.id());
            }
        }
    }
    (Some(near), lanes)
}

/// The elements under `root` that `selector` selects.
fn elements(root: &web_sys::Element, selector: &str) -> impl Iterator<Item = web_sys::Element> {
    let found = root.query_selector_all(selector).ok();
    let count = found.as_ref().map_or(0, web_sys::NodeList::length);
    (0..count).filter_map(move |i| found.as_ref()?.item(i)?.dyn_into().ok())
}

/// A phase with at most this many cards (every template has fewer) has them all built: then a
/// search in the page, a screen reader's reading and every opened fold reach them all. With 24
/// per phase, all built, opening the workshop map took 395 ms and a keystroke's frame 10 ms
/// (BENCHMARKS.md).
const ALWAYS_BUILT: usize = 20;

/// About how many far cards get their places in the page in one idle moment: the large map's
/// 3,200 were some 50 ms of the task that opened it (BENCHMARKS.md), so a thousand is a task
/// short enough not to hold up a key.
const FILLED_PER_IDLE: usize = 1_000;

/// How many cards before and after the one with the keyboard focus are built wherever they are:
/// Tab and Shift+Tab then always find the next card's fields, however fast they are pressed (the
/// check against the screen waits for the next frame).
const AROUND_FOCUS: usize = 2;

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

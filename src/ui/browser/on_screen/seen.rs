//! What is seen of the map, and which cards of a phase are near it.

use leptos::prelude::{document, window};
use std::collections::HashSet;
use wasm_bindgen::{JsCast, JsValue};

/// How far beyond what is seen of the map cards are built, as a share of its height (and
/// width). A tenth: a screen of compact cards is over a hundred, and each one built costs the
/// opening of the map (a quarter built 156 cards on a 1920×1080 screen, a tenth 110).
const MARGIN: f64 = 0.1;

/// The narrowest a phase's column is and the room beside it, and the lanes' names to its left,
/// in rem (`.phases` and `.lane-names span` in style/main.css).
const COLUMN: f64 = 11.0 + 0.6;
const LANE_NAMES: f64 = 7.6 + 0.6;

/// How many phase columns of their narrowest fit in the window's width, and one more for the
/// margin cards are built in beyond it ([`MARGIN`]).
pub(super) fn columns_in_window() -> usize {
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
pub(super) struct Seen {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Seen {
    pub(super) fn of(phase: &web_sys::Element) -> Seen {
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

    pub(super) fn reaches(&self, rect: &web_sys::DomRect) -> bool {
        Self::within(rect.left(), rect.right(), self.left, self.right) && self.reaches_rows(rect)
    }

    pub(super) fn reaches_rows(&self, rect: &web_sys::DomRect) -> bool {
        Self::within(rect.top(), rect.bottom(), self.top, self.bottom)
    }
}

/// The element ids of the cards in `phase` that are near the screen now; `None` while that
/// cannot be told yet, because the browser has not yet drawn a cell near the screen. And whether
/// one of its lanes' cells is near (`lane-cards`, built only from then on).
pub(super) fn near_cards(phase: &web_sys::Element, seen: &Seen) -> (Option<HashSet<String>>, bool) {
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

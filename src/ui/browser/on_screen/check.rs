//! Which cards are near the screen, checked before the next frame; far phases filled when the
//! page is idle.

use super::seen::{near_cards, Seen};
use super::{Column, OnScreen};
use crate::ui::browser::frame::after_next_frame;
use leptos::leptos_dom::helpers::request_idle_callback;
use leptos::prelude::*;
use leptos::task::{spawn_local, tick};
use std::collections::HashSet;

impl OnScreen {
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
    pub(super) fn fill_when_idle(self) {
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
}

/// About how many far cards get their places in the page in one idle moment: the large map's
/// 3,200 were some 50 ms of the task that opened it (BENCHMARKS.md), so a thousand is a task
/// short enough not to hold up a key.
const FILLED_PER_IDLE: usize = 1_000;

//! What a key asks for, where the editor's shortcuts need more than a click handler.

use crate::model::Step;
use leptos::ev::KeyboardEvent;

/// The step Alt + an arrow key asks a touchpoint or KPI to take.
pub fn item_step(ev: &KeyboardEvent) -> Option<Step> {
    ev.alt_key().then(|| arrow(ev)).flatten()
}

/// The step a plain arrow key asks the keyboard focus to take across the map's grid.
pub fn grid_step(ev: &KeyboardEvent) -> Option<Step> {
    let plain = !(ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key());
    plain.then(|| arrow(ev)).flatten()
}

fn arrow(ev: &KeyboardEvent) -> Option<Step> {
    match ev.key().as_str() {
        "ArrowUp" => Some(Step::Up),
        "ArrowDown" => Some(Step::Down),
        "ArrowLeft" => Some(Step::PreviousPhase),
        "ArrowRight" => Some(Step::NextPhase),
        _ => None,
    }
}

//! What a key asks for, where the editor's shortcuts need more than a click handler.

use crate::model::Step;
use leptos::ev::KeyboardEvent;

/// The step Alt + an arrow key asks a touchpoint or KPI to take.
pub fn item_step(ev: &KeyboardEvent) -> Option<Step> {
    if !ev.alt_key() {
        return None;
    }
    match ev.key().as_str() {
        "ArrowUp" => Some(Step::Up),
        "ArrowDown" => Some(Step::Down),
        "ArrowLeft" => Some(Step::PreviousPhase),
        "ArrowRight" => Some(Step::NextPhase),
        _ => None,
    }
}

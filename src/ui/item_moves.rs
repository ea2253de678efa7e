//! Moving touchpoints and KPIs by keyboard or buttons: up and down within a phase, or to the
//! end of the previous or next phase.

use super::focus;
use super::map_context::OpenMap;
use crate::model::{Edit, Id};
use leptos::ev::KeyboardEvent;

#[derive(Clone, Copy)]
pub enum Step {
    Up,
    Down,
    PreviousPhase,
    NextPhase,
}

impl Step {
    /// The step an Alt + arrow key asks for.
    pub fn from_key(ev: &KeyboardEvent) -> Option<Step> {
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
}

/// The move for `step`, or `None` where the item cannot go further that way.
fn edit_for(map: OpenMap, id: &str, step: Step) -> Option<Edit> {
    map.with_untracked(|m| {
        let (p, i) = m.position_of(id)?;
        let is_touchpoint = m.touchpoint(id).is_some();
        let len = |p: usize| {
            if is_touchpoint {
                m.phases[p].touchpoints.len()
            } else {
                m.phases[p].kpis.len()
            }
        };
        let (to_phase, index) = match step {
            Step::Up => (p, i.checked_sub(1)?),
            Step::Down => (p, Some(i + 1).filter(|&j| j < len(p))?),
            Step::PreviousPhase => {
                let q = p.checked_sub(1)?;
                (q, len(q))
            }
            Step::NextPhase => {
                let q = Some(p + 1).filter(|&q| q < m.phases.len())?;
                (q, len(q))
            }
        };
        Some(Edit::MoveItem {
            id: id.to_owned(),
            phase: m.phases[to_phase].id.clone(),
            index,
        })
    })
    .flatten()
}

/// Moves the item and keeps focus on it; `element_id` is the id of its card.
pub fn move_item(map: OpenMap, id: &Id, step: Step, element_id: String) {
    if let Some(edit) = edit_for(map, id, step) {
        let active = focus::focused();
        if map.apply(edit).is_ok() {
            focus::restore(active, element_id);
        }
    }
}

//! The workshop's choices: cards scored on value and effort, the priority matrix and the two
//! rankings side by side, and the cards chosen as actions with their owners and dates.

pub mod action_list;
pub mod card_decision;
pub mod priorities_panel;

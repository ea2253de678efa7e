pub mod persona_badge;
pub mod persona_card;
pub mod personas_panel;

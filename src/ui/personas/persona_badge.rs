use crate::model::Persona;
use leptos::prelude::*;

/// A persona's initials on its colour, its name beside them; where room is short, only the
/// initials show (`compact`), the name in a tooltip and for screen readers.
pub fn persona_badge(persona: &Persona, compact: bool) -> impl IntoView {
    let (name, title) = (persona.name.clone(), persona.name.clone());
    view! {
        <span class="persona-badge" title=title>
            <span class="initials" style:background-color=persona.color.to_string() aria-hidden="true">{persona.initials()}</span>
            <span class:visually-hidden=compact>{name}</span>
        </span>
    }
}

use crate::i18n::Text;
use crate::model::{Edit, Id, Part, Persona, TextField};
use crate::ui::editor::color_pick::ColorPick;
use crate::ui::editor::text_input::TextInput;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{field, tr, tr_signal};
use leptos::prelude::*;

/// One persona, all of it editable: name, colour, description, goals, frustrations, a quote.
#[component]
pub fn PersonaCard(id: Id) -> impl IntoView {
    let map = use_open_map();
    let persona = {
        let id = id.clone();
        Memo::new(move |_| {
            map.with(Part::Personas, |m| m.persona(&id).cloned())
                .flatten()
        })
    };
    let text = move |read| field(persona, read);
    let name = text(|p: &Persona| &p.name);
    let id = StoredValue::new(id);
    let color =
        move || persona.with(|p| p.as_ref().map(|p| p.color.to_string()).unwrap_or_default());
    let initials = move || persona.with(|p| p.as_ref().map(Persona::initials).unwrap_or_default());
    let delete = move |_| {
        map.delete(
            Edit::RemovePersona {
                persona: id.get_value(),
            },
            name.get_untracked(),
        )
    };
    let field_of = move |field: fn(Id) -> TextField, read: fn(&Persona) -> &str, label: Text| {
        view! { <TextInput field=field(id.get_value()) value=text(read) label=tr_signal(label) multiline=true /> }
    };
    view! {
        <li class="persona-card" id=format!("persona-{}", id.read_value())>
            <div role="group" aria-label=name class="persona-fields">
            <div class="card-head">
                <span class="initials" style:background-color=color aria-hidden="true">{initials}</span>
                <TextInput field=TextField::PersonaName(id.get_value()) value=name label=tr_signal(Text::PersonaName) class="item-name" />
                <ColorPick label=Text::PersonaColor value=color edit=move |color| Edit::SetPersonaColor { persona: id.get_value(), color } />
                <button type="button" class="icon danger" aria-label=tr(Text::DeletePersona) title=tr(Text::DeletePersona) on:click=delete>"✕"</button>
            </div>
            {field_of(TextField::PersonaDescription, |p| &p.description, Text::Description)}
            {field_of(TextField::PersonaGoals, |p| &p.goals, Text::PersonaGoals)}
            {field_of(TextField::PersonaFrustrations, |p| &p.frustrations, Text::PersonaFrustrations)}
            {field_of(TextField::PersonaQuote, |p| &p.quote, Text::PersonaQuote)}
            </div>
        </li>
    }
}

use crate::i18n::Text;
use crate::model::{Edit, Id, NumberField, Part};
use crate::ui::editor::number_input::NumberInput;
use crate::ui::session::open_map::use_open_map;
use crate::ui::use_lang;
use leptos::prelude::*;

/// The most contacts per customer per month a phase's touchpoints may make together.
#[component]
pub fn ContactLimitInput(phase: Id) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let phase = StoredValue::new(phase);
    let limit = Signal::derive(move || {
        let id = phase.read_value();
        map.with(Part::Phase(id.clone()), |m| {
            m.phase(&id).and_then(|p| p.contact_limit)
        })
        .flatten()
    });
    let set_limit = move |value| {
        let field = NumberField::ContactLimit(phase.get_value());
        let _ = map.apply(Edit::SetNumber { field, value });
    };
    let label = Signal::derive(move || lang.get().t(Text::ContactLimit).to_owned());
    view! {
        <label class="field contact-limit">
            <span>{label}</span>
            <NumberInput value=limit label optional=true not_negative=true on_commit=set_limit />
        </label>
    }
}

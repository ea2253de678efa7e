use crate::i18n::Text;
use crate::model::{Edit, Id, NumberField, Part, Reach, TextField, Touchpoint};
use crate::ui::editor::number_input::NumberInput;
use crate::ui::editor::text_input::TextInput;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// A touchpoint's part of the marketer's plan: what it costs a month, how often it contacts a
/// customer a month, whom it reaches, and the moment that sets it off.
#[component]
pub fn TouchpointPlan(id: Id, touchpoint: Memo<Option<Touchpoint>>) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let id = StoredValue::new(id);
    let currency = Memo::new(move |_| {
        map.with(Part::MapTexts, |m| m.currency.clone())
            .unwrap_or_default()
    });
    let number = move |field: fn(Id) -> NumberField, read: fn(&Touchpoint) -> Option<f64>| {
        let value = Signal::derive(move || touchpoint.with(|t| t.as_ref().and_then(read)));
        let commit = move |value| {
            let _ = map.apply(Edit::SetNumber {
                field: field(id.get_value()),
                value,
            });
        };
        (value, commit)
    };
    let (cost, set_cost) = number(NumberField::Cost, |t| t.cost_per_month);
    let (contacts, set_contacts) = number(NumberField::Contacts, |t| t.contacts_per_month);
    let cost_label = Signal::derive(move || {
        let label = lang.get().t(Text::CostPerMonth);
        currency.with(|c| {
            if c.is_empty() {
                label.to_owned()
            } else {
                format!("{label} ({c})")
            }
        })
    });
    let reach = move || match touchpoint.with(|t| t.as_ref().and_then(|t| t.reach)) {
        Some(Reach::Mass) => "mass",
        Some(Reach::Personal) => "personal",
        None => "",
    };
    let set_reach = move |ev| {
        let reach = Reach::parse(&event_target_value(&ev));
        let _ = map.apply(Edit::SetReach {
            touchpoint: id.get_value(),
            reach,
        });
    };
    let trigger = Signal::derive(move || {
        touchpoint.with(|t| t.as_ref().map(|t| t.trigger.clone()).unwrap_or_default())
    });
    view! {
        <fieldset class="plan">
            <legend>{tr(Text::Plan)}</legend>
            <label class="field">
                <span>{cost_label}</span>
                <NumberInput value=cost label=cost_label optional=true not_negative=true on_commit=set_cost />
            </label>
            <label class="field">
                <span>{tr(Text::ContactsPerMonth)}</span>
                <NumberInput value=contacts label=Signal::derive(move || lang.get().t(Text::ContactsPerMonth).to_owned()) optional=true not_negative=true on_commit=set_contacts />
            </label>
            <label class="field">
                <span>{tr(Text::Reach)}</span>
                <select prop:value=reach on:change=set_reach>
                    <option value="">{tr(Text::ReachNone)}</option>
                    <option value="mass">{tr(Text::ReachMass)}</option>
                    <option value="personal">{tr(Text::ReachPersonal)}</option>
                </select>
            </label>
            <TextInput field=TextField::TouchpointTrigger(id.get_value()) value=trigger
                label=Signal::derive(move || lang.get().t(Text::Trigger).to_owned()) />
        </fieldset>
    }
}

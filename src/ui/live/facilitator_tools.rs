use crate::i18n::Text;
use crate::model::Part;
use crate::ui::live::use_live;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// What the one who started a live session can do that the others cannot, in the live panel:
/// lock the map (the others can only vote and comment), have everyone follow the card they open
/// or bring everyone to a phase, and end the session for everyone. The timer they run in the
/// toolbar is everyone's.
#[component]
pub fn FacilitatorTools() -> impl IntoView {
    let map = use_open_map();
    let live = use_live();
    let lang = use_lang();
    let control = move || live.control();
    Effect::new(move |_| {
        if !live.leading() {
            return;
        }
        if let Some(card) = map.opened() {
            live.bring(Some(card));
        }
    });
    // Each phase's name is its own part: a renamed phase is followed too, not only the order.
    let phases = move || {
        let ids = map
            .with(Part::PhaseOrder, |m| {
                m.phases.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
            })
            .unwrap_or_default();
        ids.into_iter()
            .filter_map(|id| {
                let name = map
                    .with(Part::Phase(id.clone()), |m| {
                        m.phase(&id).map(|p| p.name.clone())
                    })
                    .flatten()?;
                Some((id, name))
            })
            .collect::<Vec<_>>()
    };
    // Both let everyone in the room go: asked first.
    let sure = move |question: Text| {
        window()
            .confirm_with_message(lang.get_untracked().t(question))
            .unwrap_or(false)
    };
    let end = move |_| {
        if sure(Text::EndForAllConfirm) {
            live.end_for_all(lang.get_untracked());
        }
    };
    let renew = move |_| {
        if sure(Text::RenewLinksConfirm) {
            live.renew_links(lang.get_untracked());
        }
    };
    view! {
        <fieldset class="facilitator-tools">
            <legend>{tr(Text::FacilitatorTools)}</legend>
            <p>{tr(Text::YouFacilitate)}</p>
            <label class="check">
                <input type="checkbox" prop:checked=move || control().locked on:change=move |ev| live.lock(event_target_checked(&ev)) />
                {tr(Text::LockMap)}
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || live.leading() on:change=move |ev| live.lead(event_target_checked(&ev)) />
                {tr(Text::LeadRoom)}
            </label>
            <ul class="bring-to">
                {move || phases().into_iter().map(|(id, name)| {
                    let label = format!("{}: {name}", lang.get().t(Text::BringHere));
                    view! {
                        <li><button type="button" class="secondary" on:click=move |_| live.bring(Some(id.clone()))><bdi>{label}</bdi></button></li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" class="secondary" on:click=renew>{tr(Text::RenewLinks)}</button>
            <button type="button" class="danger" on:click=end>{tr(Text::EndForAll)}</button>
        </fieldset>
    }
}

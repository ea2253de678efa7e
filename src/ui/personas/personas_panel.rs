use crate::i18n::Text;
use crate::model::{limits, Edit, Part, Persona, PHASE_PALETTE};
use crate::ui::browser::focus;
use crate::ui::editor::fold::Fold;
use crate::ui::personas::persona_badge::persona_badge;
use crate::ui::personas::persona_card::PersonaCard;
use crate::ui::session::clock;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// Whom the journey is drawn for: the personas as badges, opened to edit them and add more.
#[component]
pub fn PersonasPanel() -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let personas = Memo::new(move |_| {
        map.with(Part::Personas, |m| m.personas.clone())
            .unwrap_or_default()
    });
    let ids =
        Memo::new(move |_| personas.with(|p| p.iter().map(|p| p.id.clone()).collect::<Vec<_>>()));
    let add = move |_| {
        let new = map.with_untracked(|m| {
            let color = PHASE_PALETTE[(m.personas.len() + 3) % PHASE_PALETTE.len()];
            let persona = Persona::new(
                m.fresh_id(&clock::id_prefix("persona")),
                lang.get_untracked().t(Text::NewPersona),
                color,
            );
            (m.personas.len(), persona)
        });
        if let Some((index, persona)) = new {
            let id = persona.id.clone();
            if map
                .apply(Edit::InsertPersona {
                    index,
                    persona,
                    emotions: vec![],
                })
                .is_ok()
            {
                focus::new_item(format!("persona-{id}"));
            }
        }
    };
    // Initials only: the row above the map stays one line; names are in each badge's tooltip,
    // for screen readers, and in the panel opened.
    let badges = move || {
        personas.with(|p| {
            p.iter()
                .map(|persona| persona_badge(persona, true))
                .collect_view()
        })
    };
    view! {
        <Fold class="map-panel personas-panel" summary=move || view! {
            <span class="panel-name">{tr(Text::Personas)}</span>
            <span class="badges">{badges}</span>
        }>
            <ul class="persona-list">
                <For each=move || ids.get() key=|id| id.clone() let(id)>
                    <PersonaCard id />
                </For>
            </ul>
            <button type="button" class="add" on:click=add disabled=move || ids.with(|i| i.len() >= limits::PERSONAS)>
                "+ " {tr(Text::AddPersona)}
            </button>
        </Fold>
    }
}

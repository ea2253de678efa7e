use crate::i18n::Text;
use crate::model::{Edit, Id, Part, Touchpoint};
use crate::ui::editor::emotion_select::EmotionSelect;
use crate::ui::session::open_map::use_open_map;
use crate::ui::use_lang;
use leptos::prelude::*;

/// Where a map has more than one persona, how each feels at this touchpoint where it differs
/// from the touchpoint's emotion.
#[component]
pub fn PersonaEmotions(id: Id, touchpoint: Memo<Option<Touchpoint>>) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let id = StoredValue::new(id);
    let personas = Memo::new(move |_| {
        map.with(Part::Personas, |m| {
            m.personas
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <Show when=move || personas.with(|p| p.len() > 1)>
            <For each=move || personas.get() key=|p| p.clone() let((persona, name))>
                {
                    let persona = StoredValue::new(persona);
                    let value = Signal::derive(move || {
                        touchpoint.with(|t| t.as_ref().and_then(|t| t.emotions.get(&*persona.read_value()).copied()))
                    });
                    let label = Signal::derive(move || lang.get().fill(Text::EmotionOf, &[("persona", &name)]));
                    let on_pick = move |emotion| {
                        let _ = map.apply(Edit::SetPersonaEmotion {
                            touchpoint: id.get_value(),
                            persona: persona.get_value(),
                            emotion,
                        });
                    };
                    view! {
                        <label class="field">
                            <span>{label}</span>
                            <EmotionSelect value label none=Text::SameAsTouchpoint on_pick />
                        </label>
                    }
                }
            </For>
        </Show>
    }
}

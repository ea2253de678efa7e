use crate::i18n::Text;
use crate::model::{Edit, Emotion, Id, Part, TextField};
use crate::ui::browser::drag::Kind;
use crate::ui::editor::card_face::{emotion_class, touchpoint_face};
use crate::ui::editor::cards::{add_after, CardKind};
use crate::ui::editor::drag_handle::DragHandle;
use crate::ui::editor::emotion_select::EmotionSelect;
use crate::ui::editor::fold::is_open;
use crate::ui::editor::item_card::ItemCard;
use crate::ui::editor::item_toolbar::ItemToolbar;
use crate::ui::editor::persona_emotions::PersonaEmotions;
use crate::ui::editor::text_input::TextInput;
use crate::ui::editor::touchpoint_plan::TouchpointPlan;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{field, tr_signal, use_lang, LangScope};
use leptos::prelude::*;

/// One touchpoint: what it is, through which channel, how it feels and who owns it.
#[component]
pub fn TouchpointCard(
    id: Id,
    /// Its description and plan are open; kept by its list while the card is away from the
    /// screen.
    fold_open: RwSignal<bool>,
) -> impl IntoView {
    let map = use_open_map();
    LangScope::provide();
    let lang = use_lang();
    let touchpoint = {
        let id = id.clone();
        Memo::new(move |_| {
            map.with(Part::Item(id.clone()), |m| m.touchpoint(&id).cloned())
                .flatten()
        })
    };
    let text = move |read| field(touchpoint, read);
    let name = text(|t| &t.name);
    let emotion = Signal::derive(move || touchpoint.with(|t| t.as_ref().and_then(|t| t.emotion)));
    let element_id = CardKind::Touchpoint.element_id(&id);
    let card_label = move || format!("{}: {}", lang.get().t(Text::Touchpoint), name.get());
    let badge = move || {
        let lang = lang.get();
        let e = emotion.get();
        (
            e.map(Emotion::signed).unwrap_or_else(|| "–".into()),
            lang.t(Emotion::words(e)),
        )
    };
    let badge_class = move || emotion_class(emotion.get());
    let next = {
        let id = id.clone();
        Callback::new(move |()| add_after(map, &id, lang.get_untracked()))
    };
    let more_open = fold_open;
    let set_emotion = {
        let id = StoredValue::new(id.clone());
        move |emotion| {
            let _ = map.apply(Edit::SetEmotion {
                touchpoint: id.get_value(),
                emotion,
            });
        }
    };
    let channel = text(|t| &t.channel);
    // What the compact card shows, drawn as one piece: a screen of the map holds a hundred and
    // more compact cards, and each reactive part is work when the map opens.
    let summary = ViewFn::from(move || {
        let lang = lang.get();
        touchpoint.with(|t| t.as_ref().map(|t| touchpoint_face(t, lang)))
    });
    view! {
        <ItemCard id=id.clone() class="touchpoint" element_id=element_id.clone() label=card_label summary>
                <div class="card-head">
                    <DragHandle kind=Kind::Item id=id.clone() />
                    <span class=badge_class aria-hidden="true" title=move || badge().1>{move || badge().0}</span>
                    <TextInput field=TextField::TouchpointName(id.clone()) value=name label=tr_signal(Text::TouchpointName) class="item-name" on_enter=next />
                </div>
                <div class="card-fields">
                    <TextInput
                        field=TextField::TouchpointChannel(id.clone())
                        value=channel
                        label=tr_signal(Text::Channel)
                        list="channels"
                    />
                    <EmotionSelect value=emotion label=tr_signal(Text::Emotion) none=Text::NotRated on_pick=set_emotion />
                    <PersonaEmotions id=id.clone() touchpoint />
                    <TextInput field=TextField::TouchpointOwner(id.clone()) value=text(|t| &t.owner) label=tr_signal(Text::Owner) />
                </div>
                <details class="more" prop:open=more_open on:toggle=move |ev| more_open.set(is_open(&ev))>
                    <summary>{move || lang.get().t(Text::DescriptionAndPlan)}</summary>
                    <TextInput
                        field=TextField::TouchpointDescription(id.clone())
                        value=text(|t| &t.description)
                        label=tr_signal(Text::Description)
                        multiline=true
                    />
                    <TouchpointPlan id=id.clone() touchpoint />
                </details>
                <ItemToolbar id=id.clone() element_id=element_id.clone() delete_label=Text::DeleteTouchpoint name />
            </ItemCard>
    }
}

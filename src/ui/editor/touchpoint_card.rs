use crate::i18n::Text;
use crate::model::{Emotion, Id, Part, TextField};
use crate::ui::browser::drag::Kind;
use crate::ui::editor::drag_handle::DragHandle;
use crate::ui::editor::emotion_select::EmotionSelect;
use crate::ui::editor::item_card::{CardKind, ItemCard};
use crate::ui::editor::item_toolbar::ItemToolbar;
use crate::ui::editor::measurements_editor::is_open;
use crate::ui::editor::text_input::TextInput;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{field, tr_signal, use_lang, LangScope};
use leptos::prelude::*;

/// One touchpoint: what it is, through which channel, how it feels and who owns it.
#[component]
pub fn TouchpointCard(id: Id) -> impl IntoView {
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
    let emotion_class = move || match emotion.get().map(|e| e.score()) {
        None => "emotion-badge unrated",
        Some(-2) => "emotion-badge e-2",
        Some(-1) => "emotion-badge e-1",
        Some(0) => "emotion-badge e0",
        Some(1) => "emotion-badge e1",
        Some(_) => "emotion-badge e2",
    };
    let next = {
        let id = id.clone();
        Callback::new(move |()| CardKind::Touchpoint.add_after(map, &id, lang.get_untracked()))
    };
    // Kept while the card is away from the screen and not built.
    let more_open = RwSignal::new(false);
    let channel = text(|t| &t.channel);
    let summary = ViewFn::from(move || {
        view! {
            // The emotion leads the name's first line, leaving a narrow column its width.
            <span class="summary-text">
                <span class="card-line">
                    <span class=emotion_class aria-hidden="true">{move || badge().0}</span> <strong class="card-title">{name}</strong>
                </span>
                <span class="card-meta">{move || {
                    let (channel, words) = (channel.get(), badge().1);
                    if channel.is_empty() { words.to_owned() } else { format!("{channel} · {words}") }
                }}</span>
            </span>
        }
    });
    view! {
        <ItemCard id=id.clone() class="touchpoint" element_id=element_id.clone() label=card_label summary>
                <div class="card-head">
                    <DragHandle kind=Kind::Item id=id.clone() />
                    <span class=emotion_class aria-hidden="true" title=move || badge().1>{move || badge().0}</span>
                    <TextInput field=TextField::TouchpointName(id.clone()) value=name label=tr_signal(Text::TouchpointName) class="item-name" on_enter=next />
                </div>
                <div class="card-fields">
                    <TextInput
                        field=TextField::TouchpointChannel(id.clone())
                        value=channel
                        label=tr_signal(Text::Channel)
                        list="channels"
                    />
                    <EmotionSelect touchpoint=id.clone() value=emotion />
                    <TextInput field=TextField::TouchpointOwner(id.clone()) value=text(|t| &t.owner) label=tr_signal(Text::Owner) />
                </div>
                <details class="more" prop:open=more_open on:toggle=move |ev| more_open.set(is_open(&ev))>
                    <summary>{move || lang.get().t(Text::Description)}</summary>
                    <TextInput
                        field=TextField::TouchpointDescription(id.clone())
                        value=text(|t| &t.description)
                        label=tr_signal(Text::Description)
                        multiline=true
                    />
                </details>
                <ItemToolbar id=id.clone() element_id=element_id.clone() delete_label=Text::DeleteTouchpoint name />
            </ItemCard>
    }
}

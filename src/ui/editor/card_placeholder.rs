use crate::i18n::Text;
use crate::model::{Id, Part};
use crate::ui::browser::on_screen::{use_on_screen, PLACEHOLDER};
use crate::ui::editor::item_card::CardKind;
use crate::ui::session::open_map::use_open_map;
use crate::ui::use_lang;
use leptos::prelude::*;

/// A card not built: its name, in a list item as high as the card was.
#[component]
pub fn CardPlaceholder(kind: CardKind, id: Id, element_id: String) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let screen = use_on_screen();
    let height = screen.height(&element_id).map(|h| format!("{h}px"));
    let card = match kind {
        CardKind::Touchpoint => (Text::Touchpoint, "touchpoint"),
        CardKind::Kpi => (Text::Kpi, "kpi"),
        CardKind::Card => (Text::LaneCard, "lane-card"),
    };
    let label = move || {
        let name = map
            .with(Part::Item(id.clone()), |m| m.card_text(&id))
            .flatten()
            .unwrap_or_default();
        format!("{}: {name}", lang.get().t(card.0))
    };
    view! {
        <li class=format!("{} {PLACEHOLDER}", card.1) id=element_id style:height=height>{label}</li>
    }
}

use crate::model::Id;
use crate::ui::browser::focus;
use crate::ui::browser::on_screen::NearCards;
use crate::ui::editor::card_placeholder::CardPlaceholder;
use crate::ui::editor::item_card::{CardKind, Kept};
use crate::ui::editor::kpi_card::KpiCard;
use crate::ui::editor::lane_card::LaneCardView;
use crate::ui::editor::touchpoint_card::TouchpointCard;
use leptos::prelude::*;

/// A card's place in its lane: the card itself when it is near the screen (or has or awaits
/// the focus), else only its list item with its name, at the height it last had. A large map
/// has over a thousand cards; most of them cost just this.
#[component]
pub fn CardSlot(kind: CardKind, id: Id) -> impl IntoView {
    let near = expect_context::<NearCards>();
    let element_id = kind.element_id(&id);
    let kept = Kept {
        awaits_focus: RwSignal::new(focus::is_wanted(&element_id)),
        fold_open: RwSignal::new(false),
    };
    let built = {
        let element_id = element_id.clone();
        move || kept.awaits_focus.get() || near.contains(&element_id)
    };
    let id = StoredValue::new(id);
    let element_id = StoredValue::new(element_id);
    view! {
        <Show
            when=built
            fallback=move || view! { <CardPlaceholder kind id=id.get_value() element_id=element_id.get_value() /> }
        >
            {move || {
                let id = id.get_value();
                match kind {
                    CardKind::Touchpoint => view! { <TouchpointCard id kept /> }.into_any(),
                    CardKind::Kpi => view! { <KpiCard id kept /> }.into_any(),
                    CardKind::Card => view! { <LaneCardView id kept /> }.into_any(),
                }
            }}
        </Show>
    }
}

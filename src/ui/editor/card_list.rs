use crate::i18n::Text;
use crate::model::{Id, Part, Row};
use crate::ui::browser::focus;
use crate::ui::browser::on_screen::{use_on_screen, NearCards, PLACEHOLDER};
use crate::ui::editor::cards::CardKind;
use crate::ui::editor::kpi_card::KpiCard;
use crate::ui::editor::lane_card::LaneCardView;
use crate::ui::editor::touchpoint_card::TouchpointCard;
use crate::ui::session::open_map::use_open_map;
use crate::ui::use_lang;
use leptos::prelude::*;
use std::collections::HashMap;

/// A card's place in a list: the card built, or, away from the screen, a list item with its
/// name, as high as the card last was. Keyed by all of it, so that a card built or taken down
/// is replaced where it is: a change of keys in front of a card (one run of far cards for
/// several) makes Leptos move the card in the page, which takes the keyboard focus from it.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Slot {
    Built(Id),
    Far {
        element_id: String,
        label: String,
        /// The height the card had when it was last built; unmeasured, the stylesheet's.
        height: Option<String>,
    },
}

/// One row's cards in a phase, in order. Only the cards near the screen (or that have or
/// await the keyboard focus) are built; the others are plain list items, and in a phase far
/// from the screen not even those until it is filled (`on_screen`). A large map has
/// thousands of cards, and a component for each, even one showing only a name, was most of
/// the time it took to open (BENCHMARKS.md).
#[component]
pub fn CardList(phase: Id, row: Row, #[prop(into)] ids: Signal<Vec<Id>>) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let near = expect_context::<NearCards>();
    let screen = use_on_screen();
    let kind = CardKind::from(&row);
    // The class of the list, of each card, and what a card is called.
    let (list, class, name) = match kind {
        CardKind::Touchpoint => ("items touchpoints", "touchpoint", Text::Touchpoint),
        CardKind::Kpi => ("items kpis", "kpi", Text::Kpi),
        CardKind::Card => ("items", "lane-card", Text::LaneCard),
    };
    let phase = StoredValue::new(phase);
    let row = StoredValue::new(row);
    let slots = Memo::new(move |_| {
        let name = lang.get().t(name);
        let ids = ids.get();
        // A phase far from the screen gets its cards' places when the page is idle, unless
        // focus is about to go to one of them (a card moved there by the keyboard).
        if !near.filled() && !kind.focus_coming(&ids) {
            return Vec::new();
        }
        let built: Vec<bool> = ids
            .iter()
            .map(|id| {
                let element_id = kind.element_id(id);
                focus::is_wanted(&element_id) || near.contains(&element_id)
            })
            .collect();
        // A card not built shows its name: follow each one's changes.
        for (id, _) in ids.iter().zip(&built).filter(|(_, built)| !**built) {
            map.with(Part::Item(id.clone()), |_| ());
        }
        map.with_untracked(|m| {
            let names: HashMap<&Id, &str> = m
                .phase(&phase.read_value())
                .map(|p| row.read_value().cards(p).into_iter().collect())
                .unwrap_or_default();
            ids.iter()
                .zip(built)
                .map(|(id, built)| {
                    if built {
                        return Slot::Built(id.clone());
                    }
                    let element_id = kind.element_id(id);
                    Slot::Far {
                        label: format!("{name}: {}", names.get(id).copied().unwrap_or_default()),
                        height: screen.height(&element_id).map(|h| format!("{h}px")),
                        element_id,
                    }
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    // Whether each card's fold is open, made with the list so that it outlives the card's
    // being taken down away from the screen.
    let owner = Owner::current();
    let folds = StoredValue::new(HashMap::<Id, RwSignal<bool>>::new());
    let fold_of = move |id: &Id| {
        let new = || RwSignal::new(false);
        folds
            .try_update_value(|folds| {
                *folds
                    .entry(id.clone())
                    .or_insert_with(|| owner.as_ref().map_or_else(new, |o| o.with(new)))
            })
            .unwrap_or_else(new)
    };
    let placeholder = format!("{class} {PLACEHOLDER}");
    view! {
        <ul class=list>
            <For each=move || slots.get() key=Slot::clone let(slot)>
                {match slot {
                    Slot::Built(id) => match kind {
                        CardKind::Touchpoint => view! { <TouchpointCard fold_open=fold_of(&id) id /> }.into_any(),
                        CardKind::Kpi => view! { <KpiCard fold_open=fold_of(&id) id /> }.into_any(),
                        CardKind::Card => view! { <LaneCardView id /> }.into_any(),
                    },
                    Slot::Far { element_id, label, height } => view! {
                        <li class=placeholder.clone() id=element_id style:height=height>{label}</li>
                    }
                    .into_any(),
                }}
            </For>
        </ul>
    }
}

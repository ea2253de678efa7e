//! What a card is and where: its kind and its element id in the page, going to one, adding
//! one (the phase's "Add" buttons, Enter in a card's name).

use crate::i18n::{Lang, Text};
use crate::model::{Edit, Id, Item, JourneyMap, Kpi, LaneCard, Row, Touchpoint};
use crate::ui::browser::focus;
use crate::ui::browser::on_screen::use_on_screen;
use crate::ui::session::clock;
use crate::ui::session::open_map::OpenMap;

/// The kind of card, which its element id says (`tp-…`, `kpi-…`, `card-…`).
#[derive(Clone, Copy, PartialEq)]
pub enum CardKind {
    Touchpoint,
    Kpi,
    /// A card in one of the lanes.
    Card,
}

impl From<&Row> for CardKind {
    fn from(row: &Row) -> Self {
        match row {
            Row::Touchpoints => CardKind::Touchpoint,
            Row::Kpis => CardKind::Kpi,
            Row::Lane(_) => CardKind::Card,
        }
    }
}

impl CardKind {
    /// The id of the card's list item in the page, for focus and placement.
    pub fn element_id(self, id: &str) -> String {
        match self {
            CardKind::Touchpoint => format!("tp-{id}"),
            CardKind::Kpi => format!("kpi-{id}"),
            CardKind::Card => format!("card-{id}"),
        }
    }

    /// The element id of card `id` of `map`, whatever its kind.
    pub fn element_id_of(map: &JourneyMap, id: &str) -> Option<String> {
        Row::of(map, id).map(|row| CardKind::from(&row).element_id(id))
    }

    /// Whether the keyboard focus is about to go to one of these cards of this kind, so that
    /// what holds them is built even where it would otherwise wait (`on_screen`).
    pub fn focus_coming(self, ids: &[Id]) -> bool {
        ids.iter().any(|id| focus::is_wanted(&self.element_id(id)))
    }
}

/// Brings card or phase `on` into view, a card opened: where a comment thread is (with the
/// keyboard focus, `focus`), where the facilitator brings everyone (without: the focus stays
/// with this user).
pub fn go_to(map: OpenMap, on: &str, focus: bool) {
    let element = map
        .with_untracked(|m| CardKind::element_id_of(m, on))
        .flatten();
    let target = element.unwrap_or_else(|| format!("ph-{on}"));
    map.open(on);
    use_on_screen().want(&target);
    if focus {
        focus::restore(None, target);
    } else {
        focus::show(target);
    }
}

/// Adds a new card to `row` of phase `phase` at `index` (the end where `None`), named for
/// `lang`, opens it and selects its text, ready to be typed over: the phase's "Add" buttons
/// and Enter in a card's name (the next card, for a workshop's pace) both.
pub fn add_card(map: OpenMap, phase: Id, row: Row, index: Option<usize>, lang: Lang) {
    let Some((new_id, end)) = map
        .with_untracked(|m| {
            let p = m.phase(&phase)?;
            let prefix = match row {
                Row::Touchpoints => "touchpoint",
                Row::Kpis => "kpi",
                Row::Lane(_) => "card",
            };
            Some((m.fresh_id(&clock::id_prefix(prefix)), row.len_in(p)))
        })
        .flatten()
    else {
        return;
    };
    let kind = CardKind::from(&row);
    let item = match row {
        Row::Touchpoints => Item::Touchpoint(Touchpoint::new(&new_id, lang.t(Text::NewTouchpoint))),
        Row::Kpis => Item::Kpi(Kpi::new(&new_id, lang.t(Text::NewKpi))),
        Row::Lane(lane) => Item::Card {
            lane,
            card: LaneCard::new(&new_id, lang.t(Text::NewCard)),
        },
    };
    let index = index.unwrap_or(end).min(end);
    if map.apply(Edit::InsertItem { phase, index, item }).is_ok() {
        map.open(&new_id);
        focus::new_item(kind.element_id(&new_id));
    }
}

/// Adds the next card after card `id`, in its row and phase.
pub fn add_after(map: OpenMap, id: &str, lang: Lang) {
    let place = map
        .with_untracked(|m| {
            let (p, i) = m.position_of(id)?;
            Some((m.phases[p].id.clone(), Row::of(m, id)?, i + 1))
        })
        .flatten();
    if let Some((phase, row, index)) = place {
        add_card(map, phase, row, Some(index), lang);
    }
}

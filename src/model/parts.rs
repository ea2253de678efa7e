//! Which parts of a map differ between two of its states: what a change that came whole (from
//! a live session) reaches, so that only the views of what changed run again, as with an edit.

use super::{JourneyMap, LaneCard, Part, Phase};
use std::collections::HashMap;

impl JourneyMap {
    /// The parts in which `other`, a later state of this map, differs from it.
    pub fn changed_parts(&self, other: &JourneyMap) -> Vec<Part> {
        let (was, is) = (items(self), items(other));
        let mut parts = vec![
            Part::MapTexts,
            Part::Personas,
            Part::Lanes,
            Part::CustomerBase,
            Part::Rounds,
            Part::Comments,
            Part::PhaseOrder,
        ];
        let phases = self
            .phases
            .iter()
            .chain(&other.phases)
            .map(|p| p.id.as_str());
        let mut seen = std::collections::HashSet::new();
        parts.extend(
            phases
                .filter(|id| seen.insert(*id))
                .map(|id| Part::Phase(id.into())),
        );
        let added = is.keys().filter(|id| !was.contains_key(*id));
        parts.extend(was.keys().chain(added).map(|id| Part::Item((*id).into())));
        self.differing(other, parts, Some((&was, &is)))
    }

    /// Of `parts`, those in which `other`, a later state of this map, differs from it: what a
    /// room's change reached that is what this browser has already (a mending writes the whole
    /// map back) is no change, and its views are left alone rather than all built again.
    pub fn still_changed(&self, other: &JourneyMap, parts: Vec<Part>) -> Vec<Part> {
        // Where many cards arrived, each is found by its id once.
        let indexed = parts.iter().filter(|p| matches!(p, Part::Item(_))).count() > 16;
        let index = indexed.then(|| (items(self), items(other)));
        self.differing(other, parts, index.as_ref().map(|(was, is)| (was, is)))
    }

    /// Of `parts`, those that differ between this map and `other`; the cards are looked up in
    /// `index` (each map's by id) where there is one.
    fn differing<'m>(
        &'m self,
        other: &'m JourneyMap,
        mut parts: Vec<Part>,
        index: Option<(&Items<'m>, &Items<'m>)>,
    ) -> Vec<Part> {
        let (was, is) = index.unzip();
        parts.retain(|part| match part {
            // The map's own fields; where one changes that is not a text, every part they feed.
            Part::MapTexts => bare(self) != bare(other),
            Part::PhaseOrder => !self
                .phases
                .iter()
                .map(|p| &p.id)
                .eq(other.phases.iter().map(|p| &p.id)),
            Part::Phase(id) => phase_of(self, id).map(shape) != phase_of(other, id).map(shape),
            Part::Item(id) => item(self, was, id) != item(other, is, id),
            Part::Personas => self.personas != other.personas || feeds(self, other),
            Part::Lanes => self.lanes != other.lanes || feeds(self, other),
            Part::CustomerBase => self.customer_base != other.customer_base,
            Part::Rounds => self.rounds != other.rounds,
            Part::Comments => self.comments != other.comments,
        });
        parts
    }
}

/// Whether the map's own fields differ otherwise than in its texts (its language): every part
/// they feed is then changed too.
fn feeds(a: &JourneyMap, b: &JourneyMap) -> bool {
    let (a, b) = (bare(a), bare(b));
    a != b && (&a.title, &a.description, &a.currency) == (&b.title, &b.description, &b.currency)
}

fn phase_of<'m>(map: &'m JourneyMap, id: &str) -> Option<&'m Phase> {
    map.phases.iter().find(|p| p.id == id)
}

/// Card `id` of `map`, found in `index` where there is one.
fn item<'m>(map: &'m JourneyMap, index: Option<&Items<'m>>, id: &str) -> Option<ItemRef<'m>> {
    match index {
        Some(index) => index.get(id).copied(),
        None => item_of(map, id),
    }
}

fn item_of<'m>(map: &'m JourneyMap, id: &str) -> Option<ItemRef<'m>> {
    map.phases.iter().find_map(|phase| {
        (phase
            .touchpoints
            .iter()
            .find(|t| t.id == id)
            .map(ItemRef::Touchpoint))
        .or_else(|| phase.kpis.iter().find(|k| k.id == id).map(ItemRef::Kpi))
        .or_else(|| {
            phase.cards.iter().find_map(|(lane, cards)| {
                let card = cards.iter().find(|c| c.id == id)?;
                Some(ItemRef::Card(lane.as_str(), card))
            })
        })
    })
}

/// The map's own fields, without its phases, personas, lanes, customer base, rounds and comments or the time of
/// its last edit.
fn bare(map: &JourneyMap) -> JourneyMap {
    JourneyMap {
        phases: Vec::new(),
        personas: Vec::new(),
        lanes: Vec::new(),
        customer_base: None,
        rounds: Vec::new(),
        comments: Vec::new(),
        updated_at: String::new(),
        ..map.clone()
    }
}

/// What a phase's own views show: its fields, and which cards it holds in which order (its
/// touchpoints', its KPIs', then each lane's ids after the lane's).
fn shape(phase: &Phase) -> (Phase, Vec<Vec<&str>>) {
    let own = Phase {
        touchpoints: Vec::new(),
        kpis: Vec::new(),
        cards: Default::default(),
        ..phase.clone()
    };
    let mut lists = vec![
        phase.touchpoints.iter().map(|t| t.id.as_str()).collect(),
        phase.kpis.iter().map(|k| k.id.as_str()).collect(),
    ];
    for (lane, cards) in &phase.cards {
        lists.push(
            std::iter::once(lane.as_str())
                .chain(cards.iter().map(|c| c.id.as_str()))
                .collect(),
        );
    }
    (own, lists)
}

/// A card as its views read it: a touchpoint, a KPI, or a lane card with its lane.
#[derive(Clone, Copy, PartialEq)]
enum ItemRef<'a> {
    Touchpoint(&'a super::Touchpoint),
    Kpi(&'a super::Kpi),
    Card(&'a str, &'a LaneCard),
}

/// A map's cards by id.
type Items<'m> = HashMap<&'m str, ItemRef<'m>>;

fn items(map: &JourneyMap) -> Items<'_> {
    let mut items = HashMap::new();
    for phase in &map.phases {
        for t in &phase.touchpoints {
            items.insert(t.id.as_str(), ItemRef::Touchpoint(t));
        }
        for k in &phase.kpis {
            items.insert(k.id.as_str(), ItemRef::Kpi(k));
        }
        for (lane, cards) in &phase.cards {
            for c in cards {
                items.insert(c.id.as_str(), ItemRef::Card(lane.as_str(), c));
            }
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use crate::model::{generate, Color, LaneCard, Part};

    fn map() -> crate::model::JourneyMap {
        generate::map(1, generate::Size::SMALL)
    }

    #[test]
    fn the_same_map_differs_in_nothing_not_even_its_last_edit() {
        let a = map();
        let mut b = a.clone();
        b.updated_at = "2030-01-01T00:00:00Z".into();
        assert!(a.changed_parts(&b).is_empty());
    }

    #[test]
    fn a_card_typed_in_reaches_that_card_only() {
        let a = map();
        let mut b = a.clone();
        b.phases[1].touchpoints[0].name.push_str(" typed");
        let id = b.phases[1].touchpoints[0].id.clone();
        assert_eq!(a.changed_parts(&b), [Part::Item(id)]);
    }

    #[test]
    fn a_move_reaches_both_phases_and_the_card_a_new_lane_card_its_phase() {
        let a = map();
        let mut b = a.clone();
        let moved = b.phases[0].touchpoints.remove(0);
        let id = moved.id.clone();
        b.phases[2].touchpoints.push(moved);
        let parts = a.changed_parts(&b);
        for part in [
            Part::Phase(a.phases[0].id.clone()),
            Part::Phase(a.phases[2].id.clone()),
        ] {
            assert!(parts.contains(&part), "{parts:?}");
        }
        assert!(!parts.contains(&Part::Item(id)), "{parts:?}");

        let mut c = a.clone();
        c.phases[1]
            .cards
            .entry("lane-x".into())
            .or_default()
            .push(LaneCard::new("new-card", "Idea"));
        let parts = a.changed_parts(&c);
        assert!(parts.contains(&Part::Phase(a.phases[1].id.clone())));
        assert!(parts.contains(&Part::Item("new-card".into())));
    }

    #[test]
    fn the_map_texts_the_phase_order_a_phase_colour_and_personas() {
        let a = map();
        let mut b = a.clone();
        b.title = "Renamed".into();
        assert_eq!(a.changed_parts(&b), [Part::MapTexts]);
        let mut c = a.clone();
        c.phases.swap(0, 1);
        assert_eq!(a.changed_parts(&c), [Part::PhaseOrder]);
        let mut d = a.clone();
        d.phases[3].color = Color::parse("#000000").unwrap();
        assert_eq!(a.changed_parts(&d), [Part::Phase(a.phases[3].id.clone())]);
        let mut e = a.clone();
        e.personas.clear();
        assert!(a.changed_parts(&e).contains(&Part::Personas));
    }
}

//! Which parts of a map differ between two of its states: what a change that came whole (from
//! a live session) reaches, so that only the views of what changed run again, as with an edit.

use super::{JourneyMap, LaneCard, Part, Phase};
use std::collections::HashMap;

impl JourneyMap {
    /// The parts in which `other`, a later state of this map, differs from it.
    pub fn changed_parts(&self, other: &JourneyMap) -> Vec<Part> {
        let mut parts = Vec::new();
        let mut push = |part: Part| {
            if !parts.contains(&part) {
                parts.push(part);
            }
        };
        // The map's own fields; when one is unknown here, every part they feed.
        let (a, b) = (bare(self), bare(other));
        if a != b {
            push(Part::MapTexts);
            if (
                a.title.as_str(),
                a.description.as_str(),
                a.currency.as_str(),
            ) == (
                b.title.as_str(),
                b.description.as_str(),
                b.currency.as_str(),
            ) {
                push(Part::Personas);
                push(Part::Lanes);
            }
        }
        if self.customer_base != other.customer_base {
            push(Part::CustomerBase);
        }
        if self.rounds != other.rounds {
            push(Part::Rounds);
        }
        if self.comments != other.comments {
            push(Part::Comments);
        }
        if self.personas != other.personas {
            push(Part::Personas);
        }
        if self.lanes != other.lanes {
            push(Part::Lanes);
        }
        let ids = |m: &JourneyMap| m.phases.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        if ids(self) != ids(other) {
            push(Part::PhaseOrder);
        }
        let before: HashMap<&str, &Phase> =
            self.phases.iter().map(|p| (p.id.as_str(), p)).collect();
        let after: HashMap<&str, &Phase> =
            other.phases.iter().map(|p| (p.id.as_str(), p)).collect();
        for id in before.keys().chain(after.keys()) {
            if before.get(id).map(|p| shape(p)) != after.get(id).map(|p| shape(p)) {
                push(Part::Phase((*id).into()));
            }
        }
        let (was, is) = (items(self), items(other));
        for id in was.keys().chain(is.keys()) {
            if was.get(id) != is.get(id) {
                push(Part::Item((*id).into()));
            }
        }
        parts
    }
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
#[derive(PartialEq)]
enum ItemRef<'a> {
    Touchpoint(&'a super::Touchpoint),
    Kpi(&'a super::Kpi),
    Card(&'a str, &'a LaneCard),
}

fn items(map: &JourneyMap) -> HashMap<&str, ItemRef<'_>> {
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

//! Where a moved touchpoint, KPI or lane card lands: one step at a time by keyboard or buttons, or dropped
//! on a phase or on another card. Each answer is the [`Edit`] that makes the move.

use super::grid::Row;
use super::{Edit, JourneyMap};

/// A step an item can take: within its phase, or to the phase beside it, at the same place in
/// its row there (the last where that row has fewer cards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step {
    Up,
    Down,
    PreviousPhase,
    NextPhase,
}

impl JourneyMap {
    /// How many cards of the row `id` is in (touchpoints, KPIs or one lane) phase `p` holds.
    fn len_like(&self, id: &str, p: usize) -> usize {
        Row::of(self, id).map_or(0, |row| row.len_in(&self.phases[p]))
    }

    /// The move that takes item `id` one `step`, or `None` where it cannot go further that way.
    pub fn step_item(&self, id: &str, step: Step) -> Option<Edit> {
        let (p, i) = self.position_of(id)?;
        let (to_phase, index) = match step {
            Step::Up => (p, i.checked_sub(1)?),
            Step::Down => (p, Some(i + 1).filter(|&j| j < self.len_like(id, p))?),
            // Beside where it was, as the arrow keys go across the grid (`neighbour`): the
            // screen stays where it is, and the opposite step brings it back to its place.
            Step::PreviousPhase => {
                let q = p.checked_sub(1)?;
                (q, i.min(self.len_like(id, q)))
            }
            Step::NextPhase => {
                let q = Some(p + 1).filter(|&q| q < self.phases.len())?;
                (q, i.min(self.len_like(id, q)))
            }
        };
        Some(Edit::MoveItem {
            id: id.to_owned(),
            phase: self.phases[to_phase].id.clone(),
            index,
        })
    }

    /// The move for item `id` dropped on phase `phase` but on none of its cards: to the end of
    /// its list there.
    pub fn drop_on_phase(&self, id: &str, phase: &str) -> Option<Edit> {
        let (from, _) = self.position_of(id)?;
        let to = self.phases.iter().position(|p| p.id == phase)?;
        let len = self.len_like(id, to);
        Some(Edit::MoveItem {
            id: id.to_owned(),
            phase: phase.to_owned(),
            index: if from == to { len - 1 } else { len },
        })
    }

    /// The move for item `id` dropped on the card of item `target`: it takes that card's place,
    /// a lane card in the target's lane. Dropped on a card of another kind, it goes to the end
    /// of its own list in that card's phase.
    pub fn drop_on_item(&self, id: &str, target: &str) -> Option<Edit> {
        let (from, to) = (Row::of(self, id)?, Row::of(self, target)?);
        let (p, index) = self.position_of(target)?;
        let phase = self.phases[p].id.clone();
        match (from, to) {
            (Row::Lane(_), Row::Lane(lane)) => Some(Edit::MoveCard {
                id: id.to_owned(),
                phase,
                lane,
                index,
            }),
            (from, to) if from == to => Some(Edit::MoveItem {
                id: id.to_owned(),
                phase,
                index,
            }),
            _ => self.drop_on_phase(id, &phase),
        }
    }

    /// The move for lane card `id` dropped in lane `lane` of phase `phase` but on none of its
    /// cards: to the end of that lane there. Anything else is dropped on the phase.
    pub fn drop_on_lane(&self, id: &str, phase: &str, lane: &str) -> Option<Edit> {
        let Some((from_p, from_lane, _)) = self.find_card(id) else {
            return self.drop_on_phase(id, phase);
        };
        let to = self.phase(phase)?;
        let len = to.lane_cards(lane).len();
        let same_list = self.phases[from_p].id == phase && from_lane == lane;
        Some(Edit::MoveCard {
            id: id.to_owned(),
            phase: phase.to_owned(),
            lane: lane.to_owned(),
            index: len - usize::from(same_list),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::{self, Size};
    use crate::model::LaneCard;

    fn map() -> JourneyMap {
        generate::map(3, Size::SMALL)
    }

    /// Applies the move and says where the item is then: its phase's index and its own.
    fn lands(map: &JourneyMap, id: &str, edit: Option<Edit>) -> Option<(usize, usize)> {
        let mut moved = map.clone();
        moved.apply(edit?).unwrap();
        moved.position_of(id)
    }

    #[test]
    fn steps_move_within_a_phase_and_beside_it_into_the_next() {
        let map = map();
        let first = &map.phases[1].touchpoints[0].id;
        assert_eq!(map.step_item(first, Step::Up), None);
        assert_eq!(
            lands(&map, first, map.step_item(first, Step::Down)),
            Some((1, 1))
        );
        assert_eq!(
            lands(&map, first, map.step_item(first, Step::PreviousPhase)),
            Some((0, 0))
        );
        assert_eq!(
            lands(&map, first, map.step_item(first, Step::NextPhase)),
            Some((2, 0))
        );
    }

    #[test]
    fn a_step_across_and_back_returns_a_card_to_its_place() {
        let map = map();
        let second = map.phases[1].touchpoints[1].id.clone();
        let mut moved = map.clone();
        moved
            .apply(map.step_item(&second, Step::NextPhase).unwrap())
            .unwrap();
        assert_eq!(moved.position_of(&second), Some((2, 1)));
        let back = moved.step_item(&second, Step::PreviousPhase).unwrap();
        moved.apply(back).unwrap();
        assert_eq!(moved, map);
    }

    #[test]
    fn a_step_into_a_shorter_row_lands_at_its_end() {
        let mut map = map();
        map.phases[2].touchpoints.truncate(1);
        let last = map.phases[1].touchpoints.last().unwrap().id.clone();
        assert!(map.phases[1].touchpoints.len() > 2);
        assert_eq!(
            lands(&map, &last, map.step_item(&last, Step::NextPhase)),
            Some((2, 1))
        );
    }

    #[test]
    fn steps_stop_at_the_edges_of_the_journey() {
        let map = map();
        let first_phase = &map.phases[0];
        let last_phase = map.phases.last().unwrap();
        let first = &first_phase.touchpoints[0].id;
        let bottom = &first_phase.touchpoints.last().unwrap().id;
        let far = &last_phase.touchpoints[0].id;
        assert_eq!(map.step_item(first, Step::PreviousPhase), None);
        assert_eq!(map.step_item(bottom, Step::Down), None);
        assert_eq!(map.step_item(far, Step::NextPhase), None);
        assert_eq!(map.step_item("nothing", Step::Up), None);
    }

    #[test]
    fn a_kpi_counts_places_among_kpis() {
        let map = generate::map(3, Size::WORKSHOP);
        let p = (0..map.phases.len() - 1)
            .find(|&p| !map.phases[p].kpis.is_empty())
            .expect("a generated map has KPIs");
        let kpi = &map.phases[p].kpis[0].id;
        // First among the next phase's KPIs, whatever touchpoints come before them.
        assert_eq!(
            lands(&map, kpi, map.step_item(kpi, Step::NextPhase)),
            Some((p + 1, 0))
        );
    }

    #[test]
    fn a_card_dropped_on_a_phase_goes_to_the_end_of_its_list() {
        let map = map();
        let card = &map.phases[0].touchpoints[0].id;
        let end_of_2 = map.phases[2].touchpoints.len();
        let to_2 = map.drop_on_phase(card, &map.phases[2].id);
        assert_eq!(lands(&map, card, to_2), Some((2, end_of_2)));
        // Its own phase: the last place of the list it is already in.
        let own = map.drop_on_phase(card, &map.phases[0].id);
        let last = map.phases[0].touchpoints.len() - 1;
        assert_eq!(lands(&map, card, own), Some((0, last)));
        assert_eq!(map.drop_on_phase(card, "no-such-phase"), None);
    }

    #[test]
    fn a_card_dropped_on_another_takes_its_place() {
        let map = map();
        let card = &map.phases[0].touchpoints[0].id;
        let target = &map.phases[3].touchpoints[2].id;
        assert_eq!(
            lands(&map, card, map.drop_on_item(card, target)),
            Some((3, 2))
        );
        assert_eq!(map.drop_on_item("gone", target), None);
    }

    #[test]
    fn a_lane_card_dropped_on_another_lane_joins_it() {
        let mut map = map();
        map.phases.iter_mut().for_each(|p| p.cards.clear());
        let [does, thinks] = [0, 1].map(|i| map.lanes[i].id.clone());
        map.phases[0]
            .cards
            .insert(does.clone(), vec![LaneCard::new("d1", "Searches")]);
        map.phases[1].cards.insert(
            thinks.clone(),
            vec![
                LaneCard::new("t1", "Is it safe?"),
                LaneCard::new("t2", "Cost?"),
            ],
        );
        assert_eq!(
            lands(&map, "d1", map.drop_on_item("d1", "t2")),
            Some((1, 1))
        );
        let moved = {
            let mut m = map.clone();
            m.apply(map.drop_on_item("d1", "t2").unwrap()).unwrap();
            m
        };
        assert_eq!(moved.phases[1].lane_cards(&thinks)[1].id, "d1");
        assert!(
            moved.phases[0].cards.is_empty(),
            "an emptied lane has no entry"
        );
        // On an empty lane of a phase: its end, which is its first place.
        assert_eq!(
            lands(&map, "t1", map.drop_on_lane("t1", &map.phases[2].id, &does)),
            Some((2, 0))
        );
        // On its own lane: the last place.
        assert_eq!(
            lands(
                &map,
                "t1",
                map.drop_on_lane("t1", &map.phases[1].id, &thinks)
            ),
            Some((1, 1))
        );
        // A touchpoint dropped on a lane card goes to the end of that phase's touchpoints.
        let tp = map.phases[0].touchpoints[0].id.clone();
        let end = map.phases[1].touchpoints.len();
        assert_eq!(
            lands(&map, &tp, map.drop_on_item(&tp, "t1")),
            Some((1, end))
        );
    }
}

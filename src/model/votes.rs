//! A workshop's dot voting, summed up: the map's pain points and opportunities, most votes
//! first.

use super::{JourneyMap, Lane, LaneCard, Phase};

/// A card that is voted on, with where it is.
#[derive(Debug, PartialEq)]
pub struct Voted<'a> {
    pub phase: &'a Phase,
    pub lane: &'a Lane,
    pub card: &'a LaneCard,
}

impl JourneyMap {
    /// Every card of the lanes that are voted on (pain points, opportunities), hidden lanes too,
    /// most votes first; equal votes by severity, then as they stand in the map.
    pub fn by_votes(&self) -> Vec<Voted<'_>> {
        let lanes: Vec<&Lane> = self.lanes.iter().filter(|l| l.kind.has_votes()).collect();
        let mut voted: Vec<Voted> = self
            .phases
            .iter()
            .flat_map(|phase| {
                lanes.iter().flat_map(move |lane| {
                    let cards = phase.lane_cards(&lane.id).iter();
                    cards.map(move |card| Voted { phase, lane, card })
                })
            })
            .collect();
        // A stable sort keeps the map's order among equals.
        voted.sort_by_key(|v| std::cmp::Reverse((v.card.votes, v.card.severity)));
        voted
    }
}

#[cfg(test)]
mod tests {
    use crate::model::generate::{self, Size};
    use crate::model::{LaneKind, Severity};

    #[test]
    fn pain_points_and_ideas_come_most_voted_first_then_most_severe() {
        let mut map = generate::map(4, Size::WORKSHOP);
        let pains = map.lanes[2].id.clone();
        map.phases[3].cards.get_mut(&pains).unwrap()[0].votes = 50;
        map.phases[1].cards.get_mut(&pains).unwrap()[0].votes = 50;
        map.phases[1].cards.get_mut(&pains).unwrap()[0].severity = Severity::new(1);
        map.phases[3].cards.get_mut(&pains).unwrap()[0].severity = Severity::new(3);
        map.lanes[2].shown = false;
        let ranked = map.by_votes();
        assert_eq!(ranked[0].phase.id, map.phases[3].id, "more severe first");
        assert_eq!(ranked[1].phase.id, map.phases[1].id);
        assert!(ranked
            .windows(2)
            .all(|w| w[0].card.votes >= w[1].card.votes));
        assert!(ranked.iter().all(|v| v.lane.kind.has_votes()));
        let voted_lanes = [LaneKind::PainPoints, LaneKind::Opportunities];
        let expected: usize = map
            .phases
            .iter()
            .flat_map(|p| &p.cards)
            .filter(|(lane, _)| voted_lanes.contains(&map.lane(lane).unwrap().kind))
            .map(|(_, cards)| cards.len())
            .sum();
        assert_eq!(ranked.len(), expected, "hidden lanes count too");
    }
}

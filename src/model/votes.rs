//! A workshop's dot voting, summed up: the map's pain points and opportunities, most votes
//! first, as given without a round or in one round.

use super::workshop::Round;
use super::{JourneyMap, Lane, LaneCard, Phase};

/// A lane card, with where it is: voted on, scored or chosen.
#[derive(Debug, PartialEq)]
pub struct Voted<'a> {
    pub phase: &'a Phase,
    pub lane: &'a Lane,
    pub card: &'a LaneCard,
}

/// Most votes first; equal votes by severity; a stable sort keeps the map's order among equals.
fn rank(cards: &mut [Voted<'_>]) {
    cards.sort_by_key(|v| std::cmp::Reverse((v.card.votes, v.card.severity)));
}

impl JourneyMap {
    /// Every card of the lanes that are voted on (pain points, opportunities), hidden lanes too,
    /// most votes first; equal votes by severity, then as they stand in the map.
    pub fn by_votes(&self) -> Vec<Voted<'_>> {
        let mut voted = self.cards_of(|l| l.kind.has_votes());
        rank(&mut voted);
        voted
    }

    /// The backlog: the cards of the lanes that are voted on and every scored or chosen card of
    /// another lane, ranked as [`JourneyMap::by_votes`] ranks.
    pub fn backlog(&self) -> Vec<Voted<'_>> {
        let mut cards: Vec<_> = self
            .cards_of(|_| true)
            .into_iter()
            .filter(|v| {
                v.lane.kind.has_votes() || v.card.score.is_some() || v.card.action.is_some()
            })
            .collect();
        rank(&mut cards);
        cards
    }

    /// Every card of the lanes `round` votes on, with its dots in that round, most first; equal
    /// dots by severity, then as they stand in the map.
    pub fn by_round(&self, round: &Round) -> Vec<(Voted<'_>, u32)> {
        let totals = round.totals();
        let mut voted: Vec<(Voted, u32)> = self
            .cards_of(|l| round.votes_on(&l.id))
            .into_iter()
            .map(|v| {
                let dots = totals.get(v.card.id.as_str()).copied().unwrap_or(0);
                (v, dots)
            })
            .collect();
        voted.sort_by_key(|(v, dots)| std::cmp::Reverse((*dots, v.card.severity)));
        voted
    }

    /// The map as it would be with no votes on its cards, nor the time of its last edit (which
    /// a vote sets too): two maps that differ only in their votes are alike so. A view that
    /// follows each card's votes on the card is built again only when this changes.
    pub fn without_votes(mut self) -> Self {
        self.updated_at.clear();
        let cards = self.phases.iter_mut().flat_map(|p| p.cards.values_mut());
        cards.flatten().for_each(|card| card.votes = 0);
        self
    }

    /// The cards of the lanes `voted_on` picks, phase by phase, each phase's in the lanes' order
    /// (also the scored cards and the actions, of any lane).
    pub(super) fn cards_of(&self, voted_on: impl Fn(&Lane) -> bool) -> Vec<Voted<'_>> {
        let lanes: Vec<&Lane> = self.lanes.iter().filter(|l| voted_on(l)).collect();
        self.phases
            .iter()
            .flat_map(|phase| {
                lanes.iter().flat_map(move |lane| {
                    let cards = phase.lane_cards(&lane.id).iter();
                    cards.map(move |card| Voted { phase, lane, card })
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn maps_that_differ_in_votes_alone_are_alike_without_them() {
        use crate::model::{generate, Edit};
        let map = generate::map(1, generate::Size::WORKSHOP);
        let card = map.by_votes()[0].card.id.clone();
        let mut voted = map.clone();
        let votes = Edit::SetVotes {
            card: card.clone(),
            votes: 7,
        };
        voted.apply(votes).unwrap();
        voted.updated_at = "2026-12-07T16:00:00Z".into();
        assert_ne!(voted, map);
        assert_eq!(voted.clone().without_votes(), map.clone().without_votes());
        let mut renamed = voted.clone();
        let field = crate::model::TextField::CardText(card);
        renamed
            .apply(Edit::SetText {
                field,
                value: "Other".into(),
            })
            .unwrap();
        assert_ne!(renamed.without_votes(), map.without_votes());
    }

    use crate::model::generate::{self, Size};
    use crate::model::workshop::{Ballot, Round};
    use crate::model::{LaneKind, Severity};

    #[test]
    fn a_rounds_ranking_holds_every_card_of_its_lanes_by_its_dots_in_that_round() {
        let map = generate::map(4, Size::WORKSHOP);
        let ideas = map.lanes[3].id.clone();
        let cards: Vec<_> = map
            .phases
            .iter()
            .flat_map(|p| p.lane_cards(&ideas))
            .collect();
        let (last, first) = (cards[cards.len() - 1].id.clone(), cards[0].id.clone());
        let round = Round {
            id: "r".into(),
            name: String::new(),
            started_at: "2026-12-06T10:00:00Z".into(),
            minutes: None,
            ended_at: None,
            voted_lanes: vec![ideas.clone()],
            dots: 5,
            per_card: 5,
            hidden: false,
            named: false,
            ballots: vec![Ballot {
                id: "b".into(),
                name: String::new(),
                people: 1,
                dots: [(last.clone(), 3), (first.clone(), 1)].into(),
            }],
        };
        let ranked = map.by_round(&round);
        assert_eq!(ranked.len(), cards.len());
        assert_eq!((ranked[0].0.card.id.clone(), ranked[0].1), (last, 3));
        assert_eq!((ranked[1].0.card.id.clone(), ranked[1].1), (first, 1));
        assert!(ranked.iter().all(|(v, _)| v.lane.id == ideas));
    }

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

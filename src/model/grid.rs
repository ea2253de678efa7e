//! Where the arrow keys take the keyboard on the map's grid: up and down through a phase's cards
//! (its touchpoints, its KPIs, then the cards of each shown lane), left and right to the card at
//! the same place in the same row of the phase beside it, past phases with nothing in that row.

use super::{Id, JourneyMap, Phase, Step};

/// A row of cards across the grid, in the order they are read down a phase.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Touchpoints,
    Kpis,
    /// The cards of one lane.
    Lane(Id),
}

impl Row {
    /// The row card `id` is in, where the map has it.
    pub fn of(map: &JourneyMap, id: &str) -> Option<Row> {
        if map.touchpoint(id).is_some() {
            Some(Row::Touchpoints)
        } else if map.kpi(id).is_some() {
            Some(Row::Kpis)
        } else {
            map.find_card(id)
                .map(|(_, lane, _)| Row::Lane(lane.clone()))
        }
    }

    /// How many cards of this row `phase` holds.
    pub fn len_in(&self, phase: &Phase) -> usize {
        match self {
            Row::Touchpoints => phase.touchpoints.len(),
            Row::Kpis => phase.kpis.len(),
            Row::Lane(lane) => phase.lane_cards(lane).len(),
        }
    }

    pub(super) fn ids<'a>(&self, phase: &'a Phase) -> Vec<&'a Id> {
        self.cards(phase).into_iter().map(|(id, _)| id).collect()
    }

    /// Each card of this row in `phase`, in order: its id and what it says first (a
    /// touchpoint's or KPI's name, a lane card's text).
    pub fn cards<'a>(&self, phase: &'a Phase) -> Vec<(&'a Id, &'a str)> {
        match self {
            Row::Touchpoints => phase
                .touchpoints
                .iter()
                .map(|t| (&t.id, t.name.as_str()))
                .collect(),
            Row::Kpis => phase
                .kpis
                .iter()
                .map(|k| (&k.id, k.name.as_str()))
                .collect(),
            Row::Lane(lane) => phase
                .lane_cards(lane)
                .iter()
                .map(|c| (&c.id, c.text.as_str()))
                .collect(),
        }
    }
}

impl JourneyMap {
    /// The rows top to bottom: touchpoints, KPIs, then the lanes shown.
    pub fn rows(&self) -> Vec<Row> {
        let lanes = self.lanes.iter().filter(|l| l.shown);
        [Row::Touchpoints, Row::Kpis]
            .into_iter()
            .chain(lanes.map(|l| Row::Lane(l.id.clone())))
            .collect()
    }

    /// The map's first card, where the keyboard enters the grid: the first of the first phase
    /// that has any.
    pub fn first_card(&self) -> Option<&Id> {
        let rows = self.rows();
        self.phases
            .iter()
            .find_map(|p| rows.iter().find_map(|row| row.ids(p).first().copied()))
    }

    /// The card a `step` of the arrow keys goes to from card `id`, or `None` at the edge.
    pub fn neighbour(&self, id: &str, step: Step) -> Option<Id> {
        let (p, i) = self.position_of(id)?;
        let row = Row::of(self, id)?;
        let rows = self.rows();
        // The phase's cards top to bottom.
        let column = |p: usize| {
            let phase = &self.phases[p];
            rows.iter()
                .flat_map(|row| row.ids(phase))
                .collect::<Vec<_>>()
        };
        // In phase `q`'s row, the card at this one's place, or its last where it has fewer.
        let across = |q: usize| {
            let ids = row.ids(&self.phases[q]);
            ids.get(i.min(ids.len().checked_sub(1)?)).copied()
        };
        let found = match step {
            Step::Up | Step::Down => {
                let column = column(p);
                let at = column.iter().position(|c| *c == id)?;
                match step {
                    Step::Up => column.get(at.checked_sub(1)?).copied(),
                    _ => column.get(at + 1).copied(),
                }
            }
            Step::PreviousPhase => (0..p).rev().find_map(across),
            Step::NextPhase => (p + 1..self.phases.len()).find_map(across),
        };
        found.cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kpi, LaneCard, Touchpoint, PHASE_PALETTE};

    /// Phases "a", "b", "c": a has touchpoints a1 a2 and KPI ak1; b has only KPIs bk1 bk2;
    /// c has touchpoints c1 c2 c3.
    fn map() -> JourneyMap {
        let phase = |name: &str, touchpoints: &[&str], kpis: &[&str]| {
            let mut p = Phase::new(name, name, PHASE_PALETTE[0]);
            p.touchpoints = touchpoints
                .iter()
                .map(|t| Touchpoint::new(*t, *t))
                .collect();
            p.kpis = kpis.iter().map(|k| Kpi::new(*k, *k)).collect();
            p
        };
        let mut map = JourneyMap::new("grid", "Grid");
        map.phases = vec![
            phase("a", &["a1", "a2"], &["ak1"]),
            phase("b", &[], &["bk1", "bk2"]),
            phase("c", &["c1", "c2", "c3"], &[]),
        ];
        map
    }

    fn go(from: &str, step: Step) -> Option<String> {
        map().neighbour(from, step)
    }

    #[test]
    fn up_and_down_run_through_a_phase_touchpoints_then_kpis() {
        assert_eq!(go("a1", Step::Down).as_deref(), Some("a2"));
        assert_eq!(go("a2", Step::Down).as_deref(), Some("ak1"));
        assert_eq!(go("ak1", Step::Up).as_deref(), Some("a2"));
        assert_eq!(go("ak1", Step::Down), None);
        assert_eq!(go("a1", Step::Up), None);
        assert_eq!(go("c3", Step::Down), None);
    }

    #[test]
    fn a_row_lists_its_cards_in_a_phase_with_what_each_says_first() {
        let mut map = map();
        map.phases[0].touchpoints[1].name = "Second".into();
        map.phases[0]
            .cards
            .insert("pains".into(), vec![LaneCard::new("p1", "Slow")]);
        let a = &map.phases[0];
        let cards = |row: Row| {
            row.cards(a)
                .into_iter()
                .map(|(id, text)| format!("{id}={text}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(cards(Row::Touchpoints), ["a1=a1", "a2=Second"]);
        assert_eq!(cards(Row::Kpis), ["ak1=ak1"]);
        assert_eq!(cards(Row::Lane("pains".into())), ["p1=Slow"]);
        assert!(cards(Row::Lane("none".into())).is_empty());
    }

    #[test]
    fn the_first_card_is_the_first_phase_with_any_its_touchpoints_first() {
        let mut map = map();
        assert_eq!(map.first_card().map(String::as_str), Some("a1"));
        map.phases[0].touchpoints.clear();
        assert_eq!(map.first_card().map(String::as_str), Some("ak1"));
        map.phases[0].kpis.clear();
        assert_eq!(map.first_card().map(String::as_str), Some("bk1"));
        map.phases.clear();
        assert_eq!(map.first_card(), None);
    }

    #[test]
    fn left_and_right_keep_the_lane_and_the_place_as_far_as_it_goes() {
        // The phase between has no touchpoints: passed over.
        assert_eq!(go("a2", Step::NextPhase).as_deref(), Some("c2"));
        assert_eq!(go("c3", Step::PreviousPhase).as_deref(), Some("a2"));
        assert_eq!(go("c1", Step::PreviousPhase).as_deref(), Some("a1"));
        // Fewer cards there: the last one.
        assert_eq!(go("bk2", Step::PreviousPhase).as_deref(), Some("ak1"));
        assert_eq!(go("ak1", Step::NextPhase).as_deref(), Some("bk1"));
        // No KPIs further right, no phase further left.
        assert_eq!(go("bk1", Step::NextPhase), None);
        assert_eq!(go("a1", Step::PreviousPhase), None);
        assert_eq!(go("missing", Step::Down), None);
    }

    #[test]
    fn lane_cards_follow_the_kpis_in_the_order_of_the_shown_lanes() {
        let mut map = map();
        let lanes: Vec<Id> = map.lanes.iter().map(|l| l.id.clone()).collect();
        map.phases[0].cards = [
            (lanes[1].clone(), vec![LaneCard::new("think", "think")]),
            (lanes[0].clone(), vec![LaneCard::new("do", "do")]),
        ]
        .into();
        map.phases[2].cards = [(lanes[1].clone(), vec![LaneCard::new("c-think", "c")])].into();
        assert_eq!(map.neighbour("ak1", Step::Down).as_deref(), Some("do"));
        assert_eq!(map.neighbour("do", Step::Down).as_deref(), Some("think"));
        assert_eq!(
            map.neighbour("think", Step::NextPhase).as_deref(),
            Some("c-think")
        );
        // A hidden lane is passed over.
        map.lanes[0].shown = false;
        assert_eq!(map.neighbour("ak1", Step::Down).as_deref(), Some("think"));
    }
}

//! Where the arrow keys take the keyboard on the map's grid: up and down through a phase's cards
//! (its touchpoints, then its KPIs), left and right to the card at the same place in the same
//! lane of the phase beside it, past phases with nothing in that lane.

use super::{Id, JourneyMap, Phase, Step};

/// The lanes of cards, in the order they are read down a phase.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lane {
    Touchpoints,
    Kpis,
}

impl Lane {
    /// The lane card `id` is in: touchpoints, or else KPIs.
    pub fn of(map: &JourneyMap, id: &str) -> Lane {
        if map.touchpoint(id).is_some() {
            Lane::Touchpoints
        } else {
            Lane::Kpis
        }
    }

    pub(super) fn ids(self, phase: &Phase) -> Vec<&Id> {
        match self {
            Lane::Touchpoints => phase.touchpoints.iter().map(|t| &t.id).collect(),
            Lane::Kpis => phase.kpis.iter().map(|k| &k.id).collect(),
        }
    }
}

/// The lanes top to bottom.
const DOWN: [Lane; 2] = [Lane::Touchpoints, Lane::Kpis];

impl JourneyMap {
    /// The map's first card, where the keyboard enters the grid: the first of the first phase
    /// that has any.
    pub fn first_card(&self) -> Option<&Id> {
        self.phases
            .iter()
            .find_map(|p| DOWN.iter().find_map(|lane| lane.ids(p).first().copied()))
    }

    /// The card a `step` of the arrow keys goes to from card `id`, or `None` at the edge.
    pub fn neighbour(&self, id: &str, step: Step) -> Option<Id> {
        let (p, i) = self.position_of(id)?;
        let lane = Lane::of(self, id);
        // The phase's cards top to bottom, and where this one is among them.
        let column = |p: usize| {
            let phase = &self.phases[p];
            DOWN.iter()
                .flat_map(|lane| lane.ids(phase))
                .collect::<Vec<_>>()
        };
        let at = match lane {
            Lane::Touchpoints => i,
            Lane::Kpis => self.phases[p].touchpoints.len() + i,
        };
        // In phase `q`'s lane, the card at this one's place, or its last where it has fewer.
        let across = |q: usize| {
            let ids = lane.ids(&self.phases[q]);
            ids.get(i.min(ids.len().checked_sub(1)?)).copied()
        };
        let found = match step {
            Step::Up => column(p).get(at.checked_sub(1)?).copied(),
            Step::Down => column(p).get(at + 1).copied(),
            Step::PreviousPhase => (0..p).rev().find_map(across),
            Step::NextPhase => (p + 1..self.phases.len()).find_map(across),
        };
        found.cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kpi, Touchpoint, PHASE_PALETTE};

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
}

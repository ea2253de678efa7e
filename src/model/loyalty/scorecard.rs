//! The map's loyalty scorecard: loyalty judged on retention, recommendation and actual buying
//! behaviour, each from the map's first KPI that measures it, with its latest value, its trend
//! and what the value rests on.

use super::kind::{KpiKind, Sample};
use crate::model::{Date, Direction, JourneyMap, Kpi, Status};

/// The three sides of loyalty the scorecard shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aspect {
    Retention,
    Recommendation,
    Buying,
}

impl Aspect {
    pub const ALL: [Aspect; 3] = [Aspect::Retention, Aspect::Recommendation, Aspect::Buying];

    /// The kinds of KPI that measure it, the most telling first.
    pub fn kinds(self) -> &'static [KpiKind] {
        use KpiKind::*;
        match self {
            Aspect::Retention => &[RetentionRate, ReturningCustomers],
            Aspect::Recommendation => &[Nps],
            Aspect::Buying => &[
                RepeatPurchaseRate,
                HistoricClv,
                RevenuePerCustomer,
                AverageOrderValue,
            ],
        }
    }
}

/// How many of the latest values the trend shows.
pub const TREND_POINTS: usize = 6;

#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub aspect: Aspect,
    /// The KPI it comes from: `None` where no KPI of the map measures it yet.
    pub kpi: Option<ScoredKpi>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScoredKpi {
    pub phase: String,
    pub name: String,
    pub kind: KpiKind,
    pub unit: String,
    /// The latest values by date, oldest first, at most [`TREND_POINTS`].
    pub trend: Vec<(Date, f64)>,
    pub sample: Option<Sample>,
    pub status: Option<Status>,
    /// Whether the latest value is better than the one before, as the KPI's direction says;
    /// `None` with fewer than two values or none changed.
    pub better: Option<bool>,
}

fn scored(phase: &str, kpi: &Kpi) -> ScoredKpi {
    let mut dated: Vec<(Date, f64)> = kpi.measurements.iter().map(|m| (m.date, m.value)).collect();
    dated.sort_by_key(|d| d.0);
    let trend = dated[dated.len().saturating_sub(TREND_POINTS)..].to_vec();
    let better = match trend.as_slice() {
        [.., (_, before), (_, last)] if last != before => Some(match kpi.direction {
            Direction::Increase => last > before,
            Direction::Decrease => last < before,
        }),
        _ => None,
    };
    ScoredKpi {
        phase: phase.to_owned(),
        name: kpi.name.clone(),
        kind: kpi.kind,
        unit: kpi.unit.clone(),
        trend,
        sample: kpi.latest_sample(),
        status: kpi.progress().map(|p| p.status),
        better,
    }
}

/// The scorecard of `map`: for each aspect, the first KPI of its most telling kind that has a
/// measurement, else the first of any of its kinds.
pub fn scorecard(map: &JourneyMap) -> [Score; 3] {
    let kpis = || {
        map.phases
            .iter()
            .flat_map(|p| p.kpis.iter().map(move |k| (p, k)))
    };
    Aspect::ALL.map(|aspect| {
        let measured = aspect
            .kinds()
            .iter()
            .find_map(|&kind| kpis().find(|(_, k)| k.kind == kind && !k.measurements.is_empty()));
        let any = || {
            aspect
                .kinds()
                .iter()
                .find_map(|&kind| kpis().find(|(_, k)| k.kind == kind))
        };
        Score {
            aspect,
            kpi: measured.or_else(any).map(|(p, k)| scored(&p.name, k)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::loyalty::{Answers, Counts};
    use crate::model::{Color, Measurement, Phase};

    fn nps(month: u8, promoters: u64, detractors: u64) -> Measurement {
        let mut answers = [0; 11];
        answers[10] = promoters;
        answers[0] = detractors;
        let counts = Counts::Answers(Answers { answers });
        Measurement {
            date: Date::new(2026, month, 1).unwrap(),
            value: KpiKind::Nps.value(&counts).unwrap(),
            counts: Some(counts),
        }
    }

    #[test]
    fn each_aspect_from_the_first_kpi_that_measures_it() {
        let mut map = JourneyMap::new("m", "Shop");
        let mut care = Phase::new("care", "Care", Color::rgb(1, 2, 3));
        let mut empty_nps = Kpi::new("a", "NPS (empty)");
        empty_nps.kind = KpiKind::Nps;
        let mut nps_kpi = Kpi::new("b", "NPS");
        nps_kpi.kind = KpiKind::Nps;
        nps_kpi.target = Some(30.0);
        // Eight quarters' answers, out of order: the trend keeps the last six by date.
        nps_kpi.measurements = (1..=8)
            .rev()
            .map(|m| nps(m, 10 + u64::from(m), 5))
            .collect();
        let mut returning = Kpi::new("c", "Returning");
        returning.kind = KpiKind::ReturningCustomers;
        care.kpis = vec![empty_nps, nps_kpi, returning];
        map.phases = vec![care];
        let [retention, recommendation, buying] = scorecard(&map);
        let r = recommendation.kpi.unwrap();
        assert_eq!(r.name, "NPS");
        assert_eq!(r.trend.len(), TREND_POINTS);
        assert_eq!(r.trend[0].0, Date::new(2026, 3, 1).unwrap());
        assert_eq!(r.better, Some(true));
        assert_eq!(r.sample.unwrap().size, 23);
        assert!(r.sample.unwrap().is_small());
        assert_eq!(r.status, Some(Status::OnTrack));
        // No measured KPI of retention: the one that would measure it, without values.
        let ret = retention.kpi.unwrap();
        assert_eq!((ret.name.as_str(), ret.trend.len()), ("Returning", 0));
        assert_eq!(buying.kpi, None);
    }
}

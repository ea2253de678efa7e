//! How far a KPI has come towards its target.

use super::{Direction, Kpi, Measurement};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The latest value has reached the target (in the direction that is better).
    OnTrack,
    Behind,
}

impl Status {
    /// How many of `statuses` are on track, behind, and without data (`None`).
    pub fn count(statuses: impl IntoIterator<Item = Option<Status>>) -> [usize; 3] {
        statuses.into_iter().fold([0; 3], |mut sum, status| {
            sum[match status {
                Some(Status::OnTrack) => 0,
                Some(Status::Behind) => 1,
                None => 2,
            }] += 1;
            sum
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    pub latest: f64,
    pub target: f64,
    /// The share of the way from baseline to target: 0 at the baseline, 1 at the target, beyond 1
    /// past it, below 0 when things got worse. Without a baseline, measured from zero.
    pub share: f64,
    pub status: Status,
}

impl Kpi {
    /// The most recent measurement (by date; the later one of equal dates).
    pub fn latest(&self) -> Option<&Measurement> {
        self.measurements.iter().rev().max_by_key(|m| m.date)
    }

    /// What the latest value rests on, for a computed KPI.
    pub fn latest_sample(&self) -> Option<crate::model::loyalty::Sample> {
        let counts = self.latest()?.counts.as_ref()?;
        self.kind.sample(counts)
    }

    /// Progress of the latest value towards the target; `None` without a target or a measurement.
    pub fn progress(&self) -> Option<Progress> {
        let target = self.target?;
        let latest = self.latest()?.value;
        let reached = match self.direction {
            Direction::Increase => latest >= target,
            Direction::Decrease => latest <= target,
        };
        let share = match self.baseline {
            Some(baseline) if baseline != target => (latest - baseline) / (target - baseline),
            Some(_) => {
                if reached {
                    1.0
                } else {
                    0.0
                }
            }
            // Lower is better: half the value of a target of zero is no help, so compare
            // the gap to go (target / latest) rather than the way come.
            None => match self.direction {
                Direction::Increase if target != 0.0 => latest / target,
                Direction::Decrease if latest != 0.0 => target / latest,
                _ => f64::from(u8::from(reached)),
            },
        };
        Some(Progress {
            latest,
            target,
            share,
            status: if reached {
                Status::OnTrack
            } else {
                Status::Behind
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn kpi(
        direction: Direction,
        baseline: Option<f64>,
        target: Option<f64>,
        values: &[(&str, f64)],
    ) -> Kpi {
        Kpi {
            unit: String::new(),
            direction,
            baseline,
            target,
            measurements: values
                .iter()
                .map(|(d, v)| Measurement::typed(Date::parse(d).unwrap(), *v))
                .collect(),
            ..Kpi::new("k", "KPI")
        }
    }

    #[test]
    fn higher_is_better() {
        let k = kpi(
            Direction::Increase,
            Some(10.0),
            Some(20.0),
            &[("2026-03-01", 15.0), ("2026-01-01", 30.0)],
        );
        let p = k.progress().unwrap();
        // The latest by date, not by position.
        assert_eq!((p.latest, p.share, p.status), (15.0, 0.5, Status::Behind));
        let done = kpi(
            Direction::Increase,
            Some(10.0),
            Some(20.0),
            &[("2026-01-01", 25.0)],
        )
        .progress()
        .unwrap();
        assert_eq!((done.share, done.status), (1.5, Status::OnTrack));
    }

    #[test]
    fn lower_is_better() {
        // Cost per order from 40 down to 20.
        let halfway = kpi(
            Direction::Decrease,
            Some(40.0),
            Some(20.0),
            &[("2026-01-01", 30.0)],
        )
        .progress()
        .unwrap();
        assert_eq!((halfway.share, halfway.status), (0.5, Status::Behind));
        let worse = kpi(
            Direction::Decrease,
            Some(40.0),
            Some(20.0),
            &[("2026-01-01", 50.0)],
        )
        .progress()
        .unwrap();
        assert_eq!((worse.share, worse.status), (-0.5, Status::Behind));
        let reached = kpi(
            Direction::Decrease,
            Some(40.0),
            Some(20.0),
            &[("2026-01-01", 18.0)],
        )
        .progress()
        .unwrap();
        assert_eq!(reached.status, Status::OnTrack);
        assert!(reached.share > 1.0);
        let no_baseline = kpi(
            Direction::Decrease,
            None,
            Some(20.0),
            &[("2026-01-01", 40.0)],
        )
        .progress()
        .unwrap();
        assert_eq!(
            (no_baseline.share, no_baseline.status),
            (0.5, Status::Behind)
        );
    }

    #[test]
    fn no_progress_without_target_or_measurement() {
        assert_eq!(
            kpi(Direction::Increase, Some(1.0), None, &[("2026-01-01", 2.0)]).progress(),
            None
        );
        assert_eq!(
            kpi(Direction::Increase, Some(1.0), Some(2.0), &[]).progress(),
            None
        );
    }

    #[test]
    fn degenerate_targets_do_not_divide_by_zero() {
        let same = kpi(
            Direction::Increase,
            Some(5.0),
            Some(5.0),
            &[("2026-01-01", 5.0)],
        )
        .progress()
        .unwrap();
        assert_eq!((same.share, same.status), (1.0, Status::OnTrack));
        let zero = kpi(
            Direction::Increase,
            None,
            Some(0.0),
            &[("2026-01-01", -1.0)],
        )
        .progress()
        .unwrap();
        assert_eq!((zero.share, zero.status), (0.0, Status::Behind));
        let at_zero = kpi(Direction::Decrease, None, Some(0.0), &[("2026-01-01", 0.0)])
            .progress()
            .unwrap();
        assert_eq!((at_zero.share, at_zero.status), (1.0, Status::OnTrack));
    }
}

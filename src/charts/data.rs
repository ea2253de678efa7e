//! What each chart shows, worked out from the map: plain data, also used for the text
//! alternatives next to the charts.

use crate::model::{Color, Date, Emotion, JourneyMap, Kpi, LaneKind, Progress, Status, Touchpoint};

/// One rated touchpoint on the experience curve, in journey order.
#[derive(Clone, Debug, PartialEq)]
pub struct ExperiencePoint {
    pub name: String,
    pub score: i8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExperiencePhase {
    pub name: String,
    pub color: Color,
    /// The rated touchpoints of this phase, as indexes into [`Experience::points`].
    pub range: std::ops::Range<usize>,
    pub average: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Experience {
    pub phases: Vec<ExperiencePhase>,
    pub points: Vec<ExperiencePoint>,
    pub unrated: usize,
    /// Where the map has more than one persona, each one's own curve (empty otherwise: then
    /// this is the one curve).
    pub personas: Vec<PersonaCurve>,
}

/// One persona's experience curve: how it feels at each touchpoint, its own emotion where it
/// has one, else the touchpoint's.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonaCurve {
    pub name: String,
    pub color: Color,
    pub curve: Experience,
}

impl Experience {
    /// What the curve itself shows: the scores and phase bands, not the touchpoints' names (the
    /// data table has those). Comparing this, typing a name does not redraw the chart.
    pub fn curve(&self) -> Experience {
        Experience {
            phases: self.phases.clone(),
            points: self
                .points
                .iter()
                .map(|p| ExperiencePoint {
                    name: String::new(),
                    score: p.score,
                })
                .collect(),
            unrated: self.unrated,
            personas: self
                .personas
                .iter()
                .map(|p| PersonaCurve {
                    name: p.name.clone(),
                    color: p.color,
                    curve: p.curve.curve(),
                })
                .collect(),
        }
    }
}

/// The experience curve of `map`; with more than one persona, each persona's too.
pub fn experience(map: &JourneyMap) -> Experience {
    let mut all = curve_of(map, |t| t.emotion);
    if map.personas.len() > 1 {
        all.personas = map
            .personas
            .iter()
            .map(|p| PersonaCurve {
                name: p.name.clone(),
                color: p.color,
                curve: curve_of(map, |t| t.emotion_of(&p.id)),
            })
            .collect();
    }
    all
}

/// The curve of the emotions `emotion` reads from each touchpoint.
fn curve_of(map: &JourneyMap, emotion: impl Fn(&Touchpoint) -> Option<Emotion>) -> Experience {
    let mut points = Vec::new();
    let mut unrated = 0;
    let phases = map
        .phases
        .iter()
        .map(|phase| {
            let start = points.len();
            for t in &phase.touchpoints {
                match emotion(t) {
                    Some(e) => points.push(ExperiencePoint {
                        name: t.name.clone(),
                        score: e.score(),
                    }),
                    None => unrated += 1,
                }
            }
            let range = start..points.len();
            let scores: Vec<f64> = points[range.clone()]
                .iter()
                .map(|p| f64::from(p.score))
                .collect();
            let average =
                (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
            ExperiencePhase {
                name: phase.name.clone(),
                color: phase.color,
                range,
                average,
            }
        })
        .collect();
    Experience {
        phases,
        points,
        unrated,
        personas: Vec::new(),
    }
}

/// One KPI with a target and a measurement, for the progress chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressBar {
    pub phase: String,
    pub kpi: String,
    pub share: f64,
    pub status: Status,
}

pub fn progress(map: &JourneyMap) -> Vec<ProgressBar> {
    map.phases
        .iter()
        .flat_map(|phase| {
            phase.kpis.iter().filter_map(move |k| {
                k.progress().map(|p| ProgressBar {
                    phase: phase.name.clone(),
                    kpi: k.name.clone(),
                    share: p.share,
                    status: p.status,
                })
            })
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    pub name: String,
    pub unit: String,
    /// In date order.
    pub points: Vec<(Date, f64)>,
    pub target: Option<f64>,
    pub baseline: Option<f64>,
}

pub fn trend(kpi: &Kpi) -> Trend {
    let mut points: Vec<(Date, f64)> = kpi.measurements.iter().map(|m| (m.date, m.value)).collect();
    points.sort_by_key(|p| p.0);
    Trend {
        name: kpi.name.clone(),
        unit: kpi.unit.clone(),
        points,
        target: kpi.target,
        baseline: kpi.baseline,
    }
}

/// How many touchpoints each channel has in each phase.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// Channels in order of first appearance; touchpoints without one are left out.
    pub channels: Vec<String>,
    pub phases: Vec<String>,
    /// `counts[channel][phase]`.
    pub counts: Vec<Vec<usize>>,
}

pub fn coverage(map: &JourneyMap) -> Coverage {
    let mut channels: Vec<String> = Vec::new();
    let mut counts: Vec<Vec<usize>> = Vec::new();
    for (p, phase) in map.phases.iter().enumerate() {
        for t in phase
            .touchpoints
            .iter()
            .filter(|t| !t.channel.trim().is_empty())
        {
            let channel = t.channel.trim();
            let row = match channels
                .iter()
                .position(|c| c.eq_ignore_ascii_case(channel))
            {
                Some(row) => row,
                None => {
                    channels.push(channel.to_owned());
                    counts.push(vec![0; map.phases.len()]);
                    channels.len() - 1
                }
            };
            counts[row][p] += 1;
        }
    }
    Coverage {
        channels,
        phases: map.phases.iter().map(|p| p.name.clone()).collect(),
        counts,
    }
}

/// A label cut to `max` characters with an ellipsis, so labels never run into each other.
pub fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        label
            .chars()
            .take(max.saturating_sub(1))
            .chain(['…'])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::templates::Template;

    #[test]
    fn the_experience_curve_leaves_out_unrated_touchpoints_and_says_how_many() {
        let map = Template::SeeThinkDoCare.build(Lang::En, "m", "M");
        let e = experience(&map);
        assert_eq!(e.unrated, 2);
        assert_eq!(e.points.len(), map.touchpoint_count() - 2);
        assert_eq!(e.phases[0].range, 0..2);
        assert_eq!(e.phases[0].average, Some(0.5));
        assert_eq!(e.phases[3].range.len(), 3);
    }

    #[test]
    fn coverage_counts_channels_per_phase() {
        let map = Template::KijkKiesKoop.build(Lang::En, "m", "M");
        let c = coverage(&map);
        let website = c.channels.iter().position(|ch| ch == "Website").unwrap();
        assert_eq!(c.counts[website], vec![0, 1, 2, 0, 0]);
        assert_eq!(
            c.counts.iter().flatten().sum::<usize>(),
            map.touchpoint_count()
        );
    }

    #[test]
    fn labels_are_shortened_with_an_ellipsis() {
        assert_eq!(shorten("Customer service / call centre", 10), "Customer …");
        assert_eq!(shorten("SEO", 10), "SEO");
    }
}

/// A phase as the plan's charts see it: what its touchpoints cost and how often they contact a
/// customer a month, its limit, how its KPIs are doing, and the votes on its pain points and
/// ideas.
#[derive(Clone, Debug, PartialEq)]
pub struct PhasePlan {
    pub name: String,
    pub color: Color,
    pub cost: f64,
    pub contacts: f64,
    pub limit: Option<f64>,
    /// Its KPIs' progress, where they have any.
    pub kpis: Vec<Option<Progress>>,
    pub pain_votes: u32,
    pub idea_votes: u32,
}

/// The plan per phase, with the map's currency.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub currency: String,
    pub phases: Vec<PhasePlan>,
}

impl PhasePlan {
    /// Its KPIs on track, behind, and without data.
    pub fn kpi_counts(&self) -> [usize; 3] {
        Status::count(self.kpis.iter().map(|p| p.map(|p| p.status)))
    }
}

impl Plan {
    pub fn total_cost(&self) -> f64 {
        self.phases.iter().map(|p| p.cost).sum()
    }
}

pub fn plan(map: &JourneyMap) -> Plan {
    let votes = |phase: &crate::model::Phase, kind: LaneKind| -> u32 {
        map.lanes
            .iter()
            .filter(|l| l.kind == kind)
            .flat_map(|l| phase.lane_cards(&l.id))
            .map(|c| c.votes)
            .sum()
    };
    let phases = map
        .phases
        .iter()
        .map(|phase| {
            let kpis = phase.kpis.iter().map(Kpi::progress).collect();
            PhasePlan {
                name: phase.name.clone(),
                color: phase.color,
                cost: phase.cost_per_month(),
                contacts: phase.contacts_per_month(),
                limit: phase.contact_limit,
                kpis,
                pain_votes: votes(phase, LaneKind::PainPoints),
                idea_votes: votes(phase, LaneKind::Opportunities),
            }
        })
        .collect();
    Plan {
        currency: map.currency.clone(),
        phases,
    }
}

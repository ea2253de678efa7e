//! The data tables beside the charts: what each chart shows, as text for screen readers and
//! for copying.

use super::{data, draw};
use crate::i18n::{Lang, Text};
use crate::model::{numbers, Emotion, Status};

/// The rows of a chart's data table, its text alternative: a header and the rows.
pub type Table = (Vec<String>, Vec<Vec<String>>);

/// The experience curve's data; with personas, each persona's rows with its name in front.
pub fn experience_table(e: &data::Experience, lang: Lang) -> Table {
    if e.personas.is_empty() {
        one_curve_table(e, lang)
    } else {
        let curves: Vec<_> = e
            .personas
            .iter()
            .map(|p| (p.name.clone(), p.curve.clone()))
            .collect();
        curves_table(&curves, lang)
    }
}

fn one_curve_table(e: &data::Experience, lang: Lang) -> Table {
    let head = [Text::Phase, Text::Touchpoint, Text::Emotion]
        .map(|t| lang.t(t).to_owned())
        .to_vec();
    let mut rows = Vec::new();
    for phase in &e.phases {
        for p in &e.points[phase.range.clone()] {
            let score = Emotion::new(p.score.into())
                .map(Emotion::signed)
                .unwrap_or_default();
            rows.push(vec![phase.name.clone(), p.name.clone(), score]);
        }
        if let Some(avg) = phase.average {
            rows.push(vec![
                phase.name.clone(),
                lang.t(Text::Average).to_owned(),
                numbers::format((avg * 10.0).round() / 10.0, lang),
            ]);
        }
    }
    if e.unrated > 0 {
        rows.push(vec![
            String::new(),
            format!("{} {}", e.unrated, lang.t(Text::ChartUnrated)),
            String::new(),
        ]);
    }
    (head, rows)
}

/// Several curves' data in one table: each curve's rows with its name in front.
pub fn curves_table(curves: &[(String, data::Experience)], lang: Lang) -> Table {
    let mut head = vec![lang.t(Text::Name).to_owned()];
    let mut rows = Vec::new();
    for (name, curve) in curves {
        let (one_head, one_rows) = one_curve_table(curve, lang);
        if head.len() == 1 {
            head.extend(one_head);
        }
        rows.extend(
            one_rows
                .into_iter()
                .map(|row| std::iter::once(name.clone()).chain(row).collect()),
        );
    }
    (head, rows)
}

pub fn progress_table(bars: &[data::ProgressBar], lang: Lang) -> Table {
    let head = vec![
        lang.t(Text::Phase).into(),
        lang.t(Text::Kpi).into(),
        lang.t(Text::ChartShareAxis).into(),
        String::new(),
    ];
    let rows = bars
        .iter()
        .map(|b| {
            let status = lang.t(if b.status == Status::OnTrack {
                Text::OnTrack
            } else {
                Text::Behind
            });
            vec![
                b.phase.clone(),
                b.kpi.clone(),
                format!("{:.0}%", b.share * 100.0),
                status.to_owned(),
            ]
        })
        .collect();
    (head, rows)
}

pub fn trend_table(t: &data::Trend, lang: Lang) -> Table {
    let head = vec![
        lang.t(Text::Date).into(),
        format!("{} {}", lang.t(Text::Value), t.unit),
    ];
    let mut rows: Vec<Vec<String>> = t
        .points
        .iter()
        .map(|(d, v)| vec![draw::axis_date(*d, lang), numbers::format(*v, lang)])
        .collect();
    for (name, value) in [(Text::Target, t.target), (Text::Baseline, t.baseline)] {
        if let Some(v) = value {
            rows.push(vec![lang.t(name).into(), numbers::format(v, lang)]);
        }
    }
    (head, rows)
}

pub fn coverage_table(c: &data::Coverage, lang: Lang) -> Table {
    let head = std::iter::once(lang.t(Text::Channel).to_owned())
        .chain(c.phases.iter().cloned())
        .collect();
    let rows = c
        .channels
        .iter()
        .zip(&c.counts)
        .map(|(channel, counts)| {
            std::iter::once(channel.clone())
                .chain(counts.iter().map(usize::to_string))
                .collect()
        })
        .collect();
    (head, rows)
}

/// The plan's figures per phase: cost and share, contacts and limit, KPIs, votes; one table for
/// the plan's three charts.
pub fn plan_table(plan: &data::Plan, lang: Lang) -> Table {
    let head = [
        Text::Phase,
        Text::CostPerMonth,
        Text::ShareOfBudget,
        Text::ContactsPerMonth,
        Text::ContactLimit,
        Text::PhaseKpisStatus,
        Text::LanePainPoints,
        Text::LaneOpportunities,
    ]
    .map(|t| lang.t(t).to_owned())
    .to_vec();
    let total = plan.total_cost();
    let n = |v: f64| numbers::format((v * 100.0).round() / 100.0, lang);
    let rows = plan
        .phases
        .iter()
        .map(|p| {
            let share = if total > 0.0 {
                format!("{:.0} %", p.cost / total * 100.0)
            } else {
                "–".into()
            };
            let kpis = lang.kpi_summary(p.kpi_counts());
            vec![
                p.name.clone(),
                format!("{} {}", n(p.cost), plan.currency)
                    .trim_end()
                    .to_owned(),
                share,
                n(p.contacts),
                p.limit.map(n).unwrap_or_default(),
                kpis,
                p.pain_votes.to_string(),
                p.idea_votes.to_string(),
            ]
        })
        .collect();
    (head, rows)
}

/// Only the columns `keep` (by index) of `table`: each of the plan's charts shows its part of
/// [`plan_table`], the phase first.
pub fn columns((head, rows): Table, keep: &[usize]) -> Table {
    let pick = |row: Vec<String>| keep.iter().map(|&i| row[i].clone()).collect();
    (pick(head), rows.into_iter().map(pick).collect())
}

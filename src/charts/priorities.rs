//! The priority matrix: the scored cards by effort (across) and value (up), in four named
//! quadrants, each card a labelled point; its data, drawing and table in one place.

use super::data::shorten;
use super::draw::{empty, fit, font, px, DrawResult, Look, BEHIND, INK, ON_TRACK, SOFT};
use super::tables::Table;
use crate::i18n::{Lang, Text as Words};
use crate::model::workshop::{Quadrant, Score};
use crate::model::{numbers, JourneyMap};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A scored card, as the matrix shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub text: String,
    pub score: Score,
}

/// The scored cards, highest value first.
pub fn of(map: &JourneyMap) -> Vec<Point> {
    map.by_score()
        .into_iter()
        .map(|(placed, score)| Point {
            text: placed.card.text.clone(),
            score,
        })
        .collect()
}

/// Where the lines between low and high fall: between the whole efforts 2 and 3, and between
/// the values 2.5 and 3 (a value is the mean of two whole scores), as `Score::quadrant` rules.
const EFFORT_LINE: f64 = 2.5;
const VALUE_LINE: f64 = 2.75;

/// At most this many points at one place are drawn above each other around it, each with its
/// label, within the band of value that place has to itself; more stand as one point that says
/// how many (the table lists them), rather than a column reaching into the next quadrant.
const STACK: usize = 3;

/// The offset in value of the `i`th of `n` points at one place (`n` at most [`STACK`]).
fn stacked(i: usize, n: usize) -> f64 {
    (i as f64 - (n as f64 - 1.0) / 2.0) * 0.2
}

pub fn matrix<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[Point],
    look: Look,
) -> DrawResult<DB> {
    let (lang, k) = (look.lang, look.scale);
    root.fill(&WHITE)?;
    if points.is_empty() {
        return empty(root, lang.t(Words::ChartNoScores), k);
    }
    let mut chart = ChartBuilder::on(root)
        .margin(px(12, k))
        .x_label_area_size(px(44, k))
        .y_label_area_size(px(44, k))
        .build_cartesian_2d(0.5..5.5, 0.5..5.5)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(5)
        .y_labels(5)
        .x_desc(lang.t(Words::AxisEffort))
        .y_desc(lang.t(Words::AxisValue))
        .x_label_formatter(&|v: &f64| format!("{v:.0}"))
        .y_label_formatter(&|v: &f64| format!("{v:.0}"))
        .label_style(font(12, k))
        .axis_desc_style(font(13, k))
        .draw()?;
    // The quick wins' corner tinted: what to do first stands out.
    let quick = [(0.5, VALUE_LINE), (EFFORT_LINE, 5.5)];
    chart.draw_series(std::iter::once(Rectangle::new(
        quick,
        ON_TRACK.mix(0.08).filled(),
    )))?;
    let line = SOFT.stroke_width(px(1, k));
    chart.draw_series(LineSeries::new(
        [(EFFORT_LINE, 0.5), (EFFORT_LINE, 5.5)],
        line,
    ))?;
    chart.draw_series(LineSeries::new(
        [(0.5, VALUE_LINE), (5.5, VALUE_LINE)],
        line,
    ))?;
    let corner = |h, v| font(13, k).color(&SOFT).pos(Pos::new(h, v));
    for (quadrant, (x, y), pos) in [
        (
            Quadrant::QuickWin,
            (0.6, 5.4),
            corner(HPos::Left, VPos::Top),
        ),
        (
            Quadrant::MajorProject,
            (5.4, 5.4),
            corner(HPos::Right, VPos::Top),
        ),
        (
            Quadrant::FillIn,
            (0.6, 0.6),
            corner(HPos::Left, VPos::Bottom),
        ),
        (
            Quadrant::Thankless,
            (5.4, 0.6),
            corner(HPos::Right, VPos::Bottom),
        ),
    ] {
        let name = lang.t(quadrant.name());
        chart.draw_series(std::iter::once(Text::new(name, (x, y), pos)))?;
    }
    let (w, _) = chart.plotting_area().dim_in_pixel();
    let label_chars = fit(f64::from(w) / 4.5, k).min(24);
    let mut places: Vec<((u8, u8), Vec<&Point>)> = Vec::new();
    for p in points {
        let place = (p.score.effort, p.score.customer + p.score.business);
        match places.iter_mut().find(|(q, _)| *q == place) {
            Some((_, here)) => here.push(p),
            None => places.push((place, vec![p])),
        }
    }
    for (_, here) in &places {
        let score = here[0].score;
        let labels: Vec<(String, f64)> = if here.len() > STACK {
            let n = here.len().to_string();
            vec![(lang.fill(Words::MatrixStack, &[("n", &n)]), 0.0)]
        } else {
            let n = here.len();
            here.iter()
                .enumerate()
                .map(|(i, p)| (shorten(&p.text, label_chars), stacked(i, n)))
                .collect()
        };
        let color = match score.quadrant() {
            Quadrant::QuickWin | Quadrant::MajorProject => ON_TRACK,
            Quadrant::FillIn => SOFT,
            Quadrant::Thankless => BEHIND,
        };
        // Labels point inwards, so that those at the edges stay inside the chart.
        let (side, dx) = if score.effort >= 4 {
            (HPos::Right, -0.1)
        } else {
            (HPos::Left, 0.1)
        };
        for (label, dy) in labels {
            let (x, y) = (f64::from(score.effort), score.value() + dy);
            chart.draw_series(std::iter::once(Circle::new(
                (x, y),
                px(5, k),
                color.filled(),
            )))?;
            let style = font(12, k).color(&INK).pos(Pos::new(side, VPos::Center));
            chart.draw_series(std::iter::once(Text::new(label, (x + dx, y), style)))?;
        }
    }
    Ok(())
}

/// The matrix's data: each card, its three scores, its value and its quadrant.
pub fn table(points: &[Point], lang: Lang) -> Table {
    let head = [
        Words::CardText,
        Words::ScoreCustomer,
        Words::ScoreBusiness,
        Words::ScoreEffort,
        Words::ScoreValue,
        Words::Quadrant,
    ]
    .map(|t| lang.t(t).to_owned())
    .to_vec();
    let rows = points
        .iter()
        .map(|p| {
            let s = p.score;
            vec![
                p.text.clone(),
                s.customer.to_string(),
                s.business.to_string(),
                s.effort.to_string(),
                numbers::format(s.value(), lang),
                lang.t(s.quadrant().name()).to_owned(),
            ]
        })
        .collect();
    (head, rows)
}

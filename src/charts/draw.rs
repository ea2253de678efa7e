//! The charts, drawn with plotters on any backend: a `<canvas>` in the app, SVG in tests.
//! Colours are told apart by more than hue: progress carries ✓ or !, and the heat map its counts.

use super::data::{shorten, Coverage, Experience, Plan, ProgressBar, Trend};
use crate::i18n::{Lang, Text as Words};
use crate::model::{Date, Status};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// How a chart is drawn: in which language, and how many device pixels make one CSS pixel
/// (a canvas on a high-density screen is drawn at that many times its size, so it stays sharp).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    pub lang: Lang,
    pub scale: f64,
}

/// `n` CSS pixels in device pixels.
pub(super) fn px(n: u32, k: f64) -> u32 {
    (f64::from(n) * k).round() as u32
}

pub(super) const INK: RGBColor = RGBColor(0x1b, 0x1f, 0x24);
pub(super) const SOFT: RGBColor = RGBColor(0x4a, 0x55, 0x63);
pub(super) const ON_TRACK: RGBColor = RGBColor(0x1f, 0x5f, 0xbf);
pub(super) const BEHIND: RGBColor = RGBColor(0xb3, 0x58, 0x06);
const FONT: &str = "sans-serif";

pub(super) fn font(size: u32, k: f64) -> TextStyle<'static> {
    (FONT, f64::from(size) * k).into_font().color(&INK)
}

/// Text centred on its point, in `color`.
pub(super) fn centred(size: u32, k: f64, color: &'static RGBColor) -> TextStyle<'static> {
    font(size, k)
        .color(color)
        .pos(Pos::new(HPos::Center, VPos::Center))
}

/// A friendly line of text in the middle of an empty chart.
pub(super) fn empty<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    message: &str,
    k: f64,
) -> DrawResult<DB> {
    let (w, h) = root.dim_in_pixel();
    let style = centred(16, k, &SOFT);
    root.draw(&Text::new(
        shorten(message, ((f64::from(w) / (8.0 * k)) as usize).max(10)),
        (w as i32 / 2, h as i32 / 2),
        style,
    ))
}

fn rgb(c: crate::model::Color) -> RGBColor {
    RGBColor(c.r, c.g, c.b)
}

/// The category (row or column) whose centre is the axis value `v`, if `v` is one.
pub(super) fn category(v: f64, count: usize) -> Option<usize> {
    let i = v.round();
    ((v - i).abs() < 0.01 && i >= 0.0 && (i as usize) < count).then_some(i as usize)
}

/// The width of an average character at the charts' label size, in pixels at scale 1.
const CHAR_PX: f64 = 7.5;

/// How many characters fit in `pixels` at the chart's label size.
pub(super) fn fit(pixels: f64, k: f64) -> usize {
    ((pixels / (CHAR_PX * k)) as usize).max(3)
}

/// Each rated touchpoint's point: phase `i` is the band from `i` to `i + 1`, and its rated
/// touchpoints are spread evenly inside it, in the phase's order.
fn in_phase_bands(data: &Experience) -> Vec<(f64, f64)> {
    data.phases
        .iter()
        .enumerate()
        .flat_map(|(i, phase)| {
            let count = phase.range.len() as f64;
            phase.range.clone().enumerate().map(move |(j, p)| {
                let x = i as f64 + (j as f64 + 0.5) / count;
                (x, f64::from(data.points[p].score))
            })
        })
        .collect()
}

/// The emotion scale on the left (−2 to +2, signed), with no vertical grid lines.
fn emotion_axis<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    k: f64,
) -> DrawResult<DB> {
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(5)
        .y_label_formatter(&|v: &f64| match v.round() as i32 {
            s if s > 0 => format!("+{s}"),
            s => s.to_string(),
        })
        .y_label_style(font(13, k))
        .light_line_style(WHITE)
        .draw()
}

/// The experience curve as a lane of the map's grid: each phase an equal band, as wide as its
/// column above, and each rated touchpoint a point inside its phase's band, in the phase's order.
/// No axes: the lane's name says what it is, and +2 / −2 mark the top and bottom.
pub fn curve_lane<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Experience,
    look: Look,
) -> DrawResult<DB> {
    let k = look.scale;
    root.fill(&WHITE)?;
    if data.points.is_empty() {
        return empty(root, look.lang.t(Words::ChartNoRated), k);
    }
    let phases = data.phases.len() as f64;
    let mut chart = ChartBuilder::on(root)
        .margin_top(px(8, k))
        .margin_bottom(px(8, k))
        .build_cartesian_2d(0.0..phases, -2.5..2.5)?;
    for (i, phase) in data.phases.iter().enumerate() {
        let band = [(i as f64 + 0.01, -2.5), (i as f64 + 0.99, 2.5)];
        chart.draw_series(std::iter::once(Rectangle::new(
            band,
            rgb(phase.color).mix(0.12).filled(),
        )))?;
    }
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 0.0), (phases, 0.0)],
        SOFT.mix(0.5).stroke_width(px(1, k)),
    )))?;
    for (label, y) in [("+2", 2.0), ("−2", -2.0)] {
        chart.draw_series(std::iter::once(Text::new(
            label,
            (0.02, y),
            font(12, k)
                .color(&SOFT)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        )))?;
    }
    if data.personas.is_empty() {
        let points = in_phase_bands(data);
        chart.draw_series(LineSeries::new(
            points.iter().copied(),
            INK.stroke_width(px(3, k)),
        ))?;
        chart.draw_series(
            points
                .iter()
                .map(|&(x, y)| Circle::new((x, y), px(6, k), INK.filled())),
        )?;
    }
    // A line per persona in its colour, its points in the shape its legend shows elsewhere.
    for (n, persona) in data.personas.iter().enumerate() {
        let color = rgb(persona.color);
        let points = in_phase_bands(&persona.curve);
        chart.draw_series(LineSeries::new(
            points.iter().copied(),
            color.stroke_width(px(3, k)),
        ))?;
        for point in &points {
            marker(root, n, chart.backend_coord(point), px(5, k) as i32, color)?;
        }
    }
    Ok(())
}

pub fn experience<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Experience,
    look: Look,
) -> DrawResult<DB> {
    let (lang, k) = (look.lang, look.scale);
    if !data.personas.is_empty() {
        let lines: Vec<Line> = data
            .personas
            .iter()
            .map(|p| Line {
                name: &p.name,
                color: rgb(p.color),
                curve: &p.curve,
            })
            .collect();
        return lines_in_bands(root, &lines, look);
    }
    root.fill(&WHITE)?;
    if data.points.is_empty() {
        return empty(root, lang.t(Words::ChartNoRated), k);
    }
    let n = data.points.len() as f64;
    let mut chart = ChartBuilder::on(root)
        .margin(px(12, k))
        .margin_top(px(30, k))
        .x_label_area_size(px(24, k))
        .y_label_area_size(px(40, k))
        .build_cartesian_2d(-0.5..n - 0.5, -2.5..2.5)?;
    emotion_axis(&mut chart, k)?;
    let width = chart.plotting_area().dim_in_pixel().0 as f64;
    for phase in data.phases.iter().filter(|p| !p.range.is_empty()) {
        let (start, end) = (phase.range.start as f64 - 0.5, phase.range.end as f64 - 0.5);
        let color = rgb(phase.color);
        chart.draw_series(std::iter::once(Rectangle::new(
            [(start, -2.5), (end, 2.5)],
            color.mix(0.14).filled(),
        )))?;
        let band = width * (end - start) / n;
        let label = shorten(&phase.name, fit(band, k));
        chart.draw_series(std::iter::once(Text::new(
            label,
            (start + 0.05, 2.45),
            font(13, k).color(&color),
        )))?;
        if let Some(avg) = phase.average {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(start, avg), (end, avg)],
                color.stroke_width(px(3, k)),
            )))?;
        }
    }
    let line = data
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| (i as f64, f64::from(p.score)));
    chart.draw_series(LineSeries::new(line.clone(), INK.stroke_width(px(2, k))))?;
    chart.draw_series(line.map(|(x, y)| Circle::new((x, y), px(4, k), INK.filled())))?;
    if data.unrated > 0 {
        let (_, h) = root.dim_in_pixel();
        let note = format!("{} {}", data.unrated, lang.t(Words::ChartUnrated));
        root.draw(&Text::new(
            note,
            (px(50, k) as i32, h as i32 - px(18, k) as i32),
            font(12, k).color(&SOFT),
        ))?;
    }
    Ok(())
}

pub fn progress<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    bars: &[ProgressBar],
    look: Look,
) -> DrawResult<DB> {
    let (lang, k) = (look.lang, look.scale);
    root.fill(&WHITE)?;
    if bars.is_empty() {
        return empty(root, lang.t(Words::ChartNoProgress), k);
    }
    // Far beyond the target or far behind the baseline is shown at the edge, its number in the label.
    let max = bars
        .iter()
        .map(|b| b.share)
        .fold(1.2_f64, f64::max)
        .min(2.0);
    let min = bars
        .iter()
        .map(|b| b.share)
        .fold(0.0_f64, f64::min)
        .max(-1.0);
    let n = bars.len();
    let (w, h) = root.dim_in_pixel();
    let label_area = (w / 3).min(px(260, k));
    // Rows that have room for a line of text each; on a denser chart only some rows are named and
    // the percentages are left to the data table, so no two labels ever overlap.
    let rows_with_text = ((f64::from(h) - 60.0 * k) / (16.0 * k)).max(1.0) as usize;
    let mut chart = ChartBuilder::on(root)
        .margin(px(12, k))
        .x_label_area_size(px(36, k))
        .y_label_area_size(label_area)
        .build_cartesian_2d(min * 100.0..max * 100.0 + 25.0, -0.5..n as f64 - 0.5)?;
    // The phase gets at most two fifths of the room, so the KPI's own name always shows.
    let room = fit(f64::from(label_area) - 10.0 * k, k);
    let label = |b: &ProgressBar| {
        let phase = shorten(&b.phase, (room * 2 / 5).max(4));
        let kpi = shorten(
            &b.kpi,
            room.saturating_sub(phase.chars().count() + 3).max(4),
        );
        format!("{phase} · {kpi}")
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n.min(rows_with_text))
        .y_label_formatter(&|v: &f64| {
            category(*v, n)
                .map(|row| label(&bars[n - 1 - row]))
                .unwrap_or_default()
        })
        .x_label_formatter(&|v: &f64| format!("{v:.0}%"))
        .x_desc(lang.t(Words::ChartShareAxis))
        .label_style(font(12, k))
        .light_line_style(WHITE)
        .draw()?;
    for (i, bar) in bars.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        let (color, symbol) = match bar.status {
            Status::OnTrack => (ON_TRACK, "✓"),
            Status::Behind => (BEHIND, "!"),
        };
        let share = (bar.share.clamp(min, max)) * 100.0;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y - 0.3), (share, y + 0.3)],
            color.filled(),
        )))?;
        if n > rows_with_text {
            continue;
        }
        let text = format!("{symbol} {:.0}%", bar.share * 100.0);
        let style = font(12, k)
            .color(&color)
            .pos(Pos::new(HPos::Left, VPos::Center));
        chart.draw_series(std::iter::once(Text::new(
            text,
            (share.max(0.0) + 2.0, y),
            style,
        )))?;
    }
    // The target: 100% of the way.
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(100.0, -0.5), (100.0, n as f64 - 0.5)],
        INK.stroke_width(px(2, k)),
    )))?;
    Ok(())
}

pub(super) fn month_names(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::En => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
        Lang::Nl => [
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ],
    }
}

/// A date on the axis as people in `lang` write it: `3 Mar 2026`, `3 mrt 2026`.
pub fn axis_date(date: Date, lang: Lang) -> String {
    format!(
        "{} {} {}",
        date.day,
        month_names(lang)[usize::from(date.month) - 1],
        date.year
    )
}

pub fn trend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Trend,
    look: Look,
) -> DrawResult<DB> {
    let (lang, k) = (look.lang, look.scale);
    root.fill(&WHITE)?;
    if data.points.len() < 2 {
        return empty(root, lang.t(Words::ChartNoTrend), k);
    }
    let days: Vec<(f64, f64)> = data
        .points
        .iter()
        .map(|(d, v)| (d.days() as f64, *v))
        .collect();
    let (first, last) = (days[0].0, days[days.len() - 1].0);
    let values = days
        .iter()
        .map(|p| p.1)
        .chain(data.target)
        .chain(data.baseline);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let pad = ((hi - lo) * 0.1).max(hi.abs().max(1.0) * 0.05);
    let x_end = if last > first { last } else { first + 1.0 };
    let mut chart = ChartBuilder::on(root)
        .margin(px(12, k))
        .margin_right(px(60, k))
        .x_label_area_size(px(30, k))
        .y_label_area_size(px(60, k))
        .build_cartesian_2d(first..x_end, (lo - pad)..(hi + pad))?;
    chart
        .configure_mesh()
        .x_labels(5)
        .x_label_formatter(&|d: &f64| {
            Date::from_days(d.round() as i64)
                .map(|d| axis_date(d, lang))
                .unwrap_or_default()
        })
        .y_label_formatter(&|v: &f64| {
            crate::model::numbers::format((v * 100.0).round() / 100.0, lang)
        })
        .y_desc(shorten(&data.unit, 12))
        .label_style(font(12, k))
        .light_line_style(WHITE)
        .draw()?;
    // The higher of target and baseline is labelled above its line, the lower below, so the
    // two labels never sit on each other.
    let higher = match (data.target, data.baseline) {
        (Some(t), Some(b)) => t.max(b),
        (t, b) => t.or(b).unwrap_or(0.0),
    };
    let reference = |value: f64, name: &str, color: &'static RGBColor| {
        // Dashes: short segments along the line, so the reference never looks like data.
        let step = (x_end - first) / 40.0;
        let dashes = (0..40).step_by(2).map(move |i| {
            let x = first + f64::from(i) * step;
            PathElement::new(
                vec![(x, value), (x + step, value)],
                color.stroke_width(px(2, k)),
            )
        });
        let side = if value >= higher {
            VPos::Bottom
        } else {
            VPos::Top
        };
        let label = Text::new(
            name.to_owned(),
            (x_end, value),
            font(12, k).color(color).pos(Pos::new(HPos::Left, side)),
        );
        (dashes, label)
    };
    if let Some(target) = data.target {
        let (dashes, label) = reference(target, lang.t(Words::Target), &ON_TRACK);
        chart.draw_series(dashes)?;
        chart.draw_series(std::iter::once(label))?;
    }
    if let Some(baseline) = data.baseline {
        let (dashes, label) = reference(baseline, lang.t(Words::Baseline), &SOFT);
        chart.draw_series(dashes)?;
        chart.draw_series(std::iter::once(label))?;
    }
    chart.draw_series(LineSeries::new(
        days.iter().copied(),
        INK.stroke_width(px(2, k)),
    ))?;
    chart.draw_series(
        days.iter()
            .map(|&(x, y)| Circle::new((x, y), px(3, k), INK.filled())),
    )?;
    Ok(())
}

pub fn coverage<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Coverage,
    look: Look,
) -> DrawResult<DB> {
    let (lang, k) = (look.lang, look.scale);
    root.fill(&WHITE)?;
    if data.channels.is_empty() {
        return empty(root, lang.t(Words::ChartNoChannels), k);
    }
    let (rows, cols) = (data.channels.len(), data.phases.len());
    let (w, _) = root.dim_in_pixel();
    let label_area = (w / 4).min(px(200, k));
    let mut chart = ChartBuilder::on(root)
        .margin(px(12, k))
        .x_label_area_size(px(36, k))
        .y_label_area_size(label_area)
        .build_cartesian_2d(-0.5..cols as f64 - 0.5, -0.5..rows as f64 - 0.5)?;
    let col_px = f64::from(chart.plotting_area().dim_in_pixel().0) / cols as f64;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(cols.min(50))
        .y_labels(rows.min(60))
        .x_label_formatter(&|v: &f64| {
            // Narrow columns are numbered, and only every so many, rather than overlapping.
            let every = (28.0 * k / col_px).ceil().max(1.0) as usize;
            match category(*v, cols) {
                Some(c) if every == 1 => shorten(&data.phases[c], fit(col_px, k)),
                Some(c) if c % every == 0 => (c + 1).to_string(),
                _ => String::new(),
            }
        })
        .y_label_formatter(&|v: &f64| {
            category(*v, rows)
                .map(|r| {
                    shorten(
                        &data.channels[rows - 1 - r],
                        fit(f64::from(label_area) - 10.0 * k, k),
                    )
                })
                .unwrap_or_default()
        })
        .label_style(font(12, k))
        .draw()?;
    let most = data
        .counts
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    for (r, row) in data.counts.iter().enumerate() {
        let y = (rows - 1 - r) as f64;
        for (c, &count) in row.iter().enumerate() {
            let x = c as f64;
            let cell = [(x - 0.46, y - 0.44), (x + 0.46, y + 0.44)];
            if count == 0 {
                // A gap in the channel mix: an empty, outlined cell.
                chart.draw_series(std::iter::once(Rectangle::new(
                    cell,
                    RGBColor(0xd5, 0xda, 0xe1).stroke_width(px(1, k)),
                )))?;
                continue;
            }
            let strength = 0.25 + 0.75 * count as f64 / most;
            chart.draw_series(std::iter::once(Rectangle::new(
                cell,
                ON_TRACK.mix(strength).filled(),
            )))?;
            if col_px < 18.0 * k {
                // Too narrow for a number: the shade says it, and the data table gives it.
                continue;
            }
            let ink: &'static RGBColor = if strength > 0.6 { &WHITE } else { &INK };
            let style = centred(13, k, ink);
            chart.draw_series(std::iter::once(Text::new(count.to_string(), (x, y), style)))?;
        }
    }
    Ok(())
}

/// Several experience curves in one chart, told apart by colour and by the shape of their
/// points (circle, square, triangle), with a legend naming each: two versions of a map, or two
/// maps. Each curve's points sit in the band of their phase's place in the journey, so phases
/// at the same place line up; the bands and phase names are those of the curve with the most
/// phases (the other curves' names are in the data table).
pub fn curves<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    curves: &[(String, Experience)],
    look: Look,
) -> DrawResult<DB> {
    const COLORS: [RGBColor; 3] = [INK, ON_TRACK, BEHIND];
    let lines: Vec<Line> = curves
        .iter()
        .enumerate()
        .map(|(n, (name, curve))| Line {
            name,
            color: COLORS[n % COLORS.len()],
            curve,
        })
        .collect();
    lines_in_bands(root, &lines, look)
}

/// One of several curves in one chart: its name for the legend, and its colour.
struct Line<'a> {
    name: &'a str,
    color: RGBColor,
    curve: &'a Experience,
}

/// Several curves over the same phases, each phase a band, with a legend of colour and shape:
/// two versions compared, or a map's personas.
fn lines_in_bands<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    curves: &[Line],
    look: Look,
) -> DrawResult<DB> {
    let (lang, k) = (look.lang, look.scale);
    root.fill(&WHITE)?;
    let Some(widest) = curves
        .iter()
        .map(|l| l.curve)
        .max_by_key(|c| c.phases.len())
    else {
        return empty(root, lang.t(Words::ChartNoRated), k);
    };
    if curves.iter().all(|l| l.curve.points.is_empty()) {
        return empty(root, lang.t(Words::ChartNoRated), k);
    }
    let width = widest.phases.len().max(1) as f64;
    let legend_height = px(22, k) * curves.len() as u32;
    let mut chart = ChartBuilder::on(root)
        .margin(px(12, k))
        .margin_top(px(16, k) + legend_height)
        .y_label_area_size(px(40, k))
        .build_cartesian_2d(0.0..width, -2.5..2.5)?;
    emotion_axis(&mut chart, k)?;
    let band_px = f64::from(chart.plotting_area().dim_in_pixel().0) / width;
    for (i, phase) in widest.phases.iter().enumerate() {
        let color = rgb(phase.color);
        let x = i as f64;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x + 0.01, -2.5), (x + 0.99, 2.5)],
            color.mix(0.12).filled(),
        )))?;
        chart.draw_series(std::iter::once(Text::new(
            shorten(&phase.name, fit(band_px, k)),
            (x + 0.03, 2.45),
            font(13, k).color(&color),
        )))?;
    }
    for (n, line) in curves.iter().enumerate() {
        let (label, color) = (line.name, line.color);
        let points = in_phase_bands(line.curve);
        chart.draw_series(LineSeries::new(
            points.iter().copied(),
            color.stroke_width(px(2, k)),
        ))?;
        let size = px(5, k) as i32;
        for point in &points {
            marker(root, n, chart.backend_coord(point), size, color)?;
        }
        // The legend: the point's shape and the curve's name, one line each above the chart.
        let y = px(12, k) as i32 + n as i32 * px(22, k) as i32;
        let x = px(56, k) as i32;
        marker(root, n, (x, y), size, color)?;
        root.draw(&Text::new(
            shorten(label, 80),
            (x + 3 * size, y),
            font(13, k).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}

/// The `n`th curve's point at `(x, y)` in pixels: a circle, a square or a triangle.
fn marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    n: usize,
    (x, y): (i32, i32),
    size: i32,
    color: RGBColor,
) -> DrawResult<DB> {
    let style = color.filled();
    match n % 3 {
        0 => root.draw(&Circle::new((x, y), size as u32, style)),
        1 => root.draw(&Rectangle::new(
            [(x - size, y - size), (x + size, y + size)],
            style,
        )),
        _ => root.draw(&Polygon::new(
            vec![
                (x, y - size - 2),
                (x + size + 2, y + size),
                (x - size - 2, y + size),
            ],
            style,
        )),
    }
}

/// One bar of a bar chart across: its label on the left, its length, colour, and what is
/// written after it; `limit` marks where it should stop.
struct Bar {
    label: String,
    value: f64,
    color: RGBColor,
    note: String,
    limit: Option<f64>,
}

impl Bar {
    /// How far the bar or its limit line reaches.
    fn reach(&self) -> f64 {
        self.value.max(self.limit.unwrap_or(0.0))
    }
}

/// Bars across, one per row, with their notes after them: the plan's three charts.
fn bars_across<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    bars: &[Bar],
    look: Look,
    nothing: Words,
) -> DrawResult<DB> {
    let (lang, k) = (look.lang, look.scale);
    root.fill(&WHITE)?;
    if bars.iter().all(|b| b.value <= 0.0 && b.limit.is_none()) {
        return empty(root, lang.t(nothing), k);
    }
    let (w, _) = root.dim_in_pixel();
    let label_area = (w / 4).min(px(180, k));
    let most = bars
        .iter()
        .map(Bar::reach)
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    // Room after each bar for its note, as far as the notes need (by the labels' average
    // width), leaving the bars at least two fifths of the width.
    let margin = px(12, k);
    let plot_px = (f64::from(w) - f64::from(label_area + 2 * margin)).max(1.0);
    let gap = most * 0.03;
    let end = |b: &Bar| b.reach().max(0.0) + gap;
    let note_px = |b: &Bar| (b.note.chars().count() as f64 * CHAR_PX * k).min(plot_px * 0.6);
    let x_end = bars
        .iter()
        .map(|b| end(b) * plot_px / (plot_px - note_px(b)))
        .fold(most * 1.05, f64::max);
    let rows = bars.len();
    let mut chart = ChartBuilder::on(root)
        .margin(margin)
        .y_label_area_size(label_area)
        .build_cartesian_2d(0.0..x_end, -0.5..rows as f64 - 0.5)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(0)
        .y_labels(rows.min(60))
        .y_label_formatter(&|v: &f64| {
            category(*v, rows)
                .map(|r| {
                    shorten(
                        &bars[rows - 1 - r].label,
                        fit(f64::from(label_area) - 10.0 * k, k),
                    )
                })
                .unwrap_or_default()
        })
        .label_style(font(12, k))
        .draw()?;
    let row_px = f64::from(chart.plotting_area().dim_in_pixel().1) / rows as f64;
    for (r, bar) in bars.iter().enumerate() {
        let y = (rows - 1 - r) as f64;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y - 0.32), (bar.value.max(0.0), y + 0.32)],
            bar.color.filled(),
        )))?;
        if let Some(limit) = bar.limit {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(limit, y - 0.45), (limit, y + 0.45)],
                INK.stroke_width(px(3, k)),
            )))?;
        }
        // Rows too thin for a line of text leave their notes to the data table.
        if row_px >= 15.0 * k {
            // Shortened only where even two fifths of the width for the bars leave too little.
            let room = plot_px * (1.0 - end(bar) / x_end);
            chart.draw_series(std::iter::once(Text::new(
                shorten(&bar.note, fit(room, k)),
                (end(bar), y),
                font(12, k).pos(Pos::new(HPos::Left, VPos::Center)),
            )))?;
        }
    }
    Ok(())
}

/// Where the money goes: each phase's share of the month's budget, next to how its KPIs are
/// doing, so a phase that gets little and lags stands out.
pub fn budget<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Plan,
    look: Look,
) -> DrawResult<DB> {
    let lang = look.lang;
    let total = data.total_cost();
    let bars: Vec<Bar> = data
        .phases
        .iter()
        .map(|p| {
            let share = if total > 0.0 {
                p.cost / total * 100.0
            } else {
                0.0
            };
            let behind = p.kpi_counts()[1];
            let note = lang.fill(
                Words::ChartBudgetNote,
                &[
                    ("share", &format!("{share:.0}")),
                    ("kpis", &lang.kpi_summary(p.kpi_counts())),
                ],
            );
            Bar {
                label: p.name.clone(),
                value: share,
                color: if behind > 0 { BEHIND } else { rgb(p.color) },
                note,
                limit: None,
            }
        })
        .collect();
    bars_across(root, &bars, look, Words::ChartNoCosts)
}

/// Contact pressure: each phase's contacts per customer a month against its limit (the black
/// mark); over it, the bar is in the warning colour and says so.
pub fn pressure<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Plan,
    look: Look,
) -> DrawResult<DB> {
    let lang = look.lang;
    let bars: Vec<Bar> = data
        .phases
        .iter()
        .map(|p| {
            let over = p.limit.is_some_and(|l| p.contacts > l);
            let n = |v: f64| crate::model::numbers::format((v * 10.0).round() / 10.0, lang);
            let note = match p.limit {
                Some(l) if over => lang.fill(
                    Words::ChartPressureOver,
                    &[("n", &n(p.contacts)), ("limit", &n(l))],
                ),
                Some(l) => lang.fill(
                    Words::ChartPressureWithin,
                    &[("n", &n(p.contacts)), ("limit", &n(l))],
                ),
                None => n(p.contacts),
            };
            Bar {
                label: p.name.clone(),
                value: p.contacts,
                color: if over { BEHIND } else { ON_TRACK },
                note,
                limit: p.limit,
            }
        })
        .collect();
    bars_across(root, &bars, look, Words::ChartNoContacts)
}

/// Pain points and opportunities per phase by their votes: where a workshop put its dots.
pub fn votes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Plan,
    look: Look,
) -> DrawResult<DB> {
    let lang = look.lang;
    let bars: Vec<Bar> = data
        .phases
        .iter()
        .flat_map(|p| {
            [
                (Words::LanePainPoints, p.pain_votes, BEHIND),
                (Words::LaneOpportunities, p.idea_votes, ON_TRACK),
            ]
            .map(|(lane, votes, color)| Bar {
                label: format!("{} · {}", p.name, lang.t(lane)),
                value: f64::from(votes),
                color,
                note: lang.votes(votes),
                limit: None,
            })
        })
        .collect();
    bars_across(root, &bars, look, Words::ChartNoVotes)
}

//! The customer base's two charts, from what the shop's order export left in the map: cohort
//! retention (each period's new customers, and the share of them buying again in each later
//! period, as a triangle) and the customer base (new and returning customers per period, with
//! the repeat purchases the forecast expects ahead). Their data, drawing and tables.

use super::draw::{
    category, centred, empty, fit, font, month_names, px, DrawResult, Look, BEHIND, INK, ON_TRACK,
    SOFT,
};
use super::tables::Table;
use crate::i18n::{Lang, Text as Words};
use crate::model::loyalty::{CustomerBase, Period};
use crate::model::{numbers, Date, JourneyMap};
use plotters::coord::Shift;
use plotters::prelude::*;

/// What both charts show: the map's customer base, as it is.
pub fn of(map: &JourneyMap) -> Option<CustomerBase> {
    map.customer_base.as_deref().cloned()
}

/// A period as people in `lang` name it: `Mar 2026`, `mrt 2026`, `Q1 2026`, `K1 2026`.
pub fn period_name(period: Period, start: Date, lang: Lang) -> String {
    match period {
        Period::Month => format!(
            "{} {}",
            month_names(lang)[usize::from(start.month) - 1],
            start.year
        ),
        Period::Quarter => format!(
            "{}{} {}",
            lang.t(Words::QuarterLetter),
            (start.month - 1) / 3 + 1,
            start.year
        ),
    }
}

/// The days in a twelfth of a year, as the forecast counts months.
const MONTH_DAYS: f64 = 365.25 / 12.0;

/// The repeat purchases the forecast expects in each period ahead: twelve months after the last
/// order, or four quarters. Each is dated by its middle day, which names the period it falls in
/// (a window of three months that starts on 1 July ends on 30 September, still the third
/// quarter).
pub fn ahead(base: &CustomerBase) -> Vec<(Date, f64)> {
    let Some(f) = &base.forecast else {
        return Vec::new();
    };
    let months = match base.cohorts.period {
        Period::Month => 1,
        Period::Quarter => 3,
    };
    f.by_month
        .chunks(months)
        .enumerate()
        .filter_map(|(i, chunk)| {
            let middle = (i as f64 + 0.5) * months as f64 * MONTH_DAYS;
            let day = Date::from_days(f.end.days() + middle.round() as i64)?;
            Some((day, chunk.iter().sum()))
        })
        .collect()
}

fn percent(share: f64, lang: Lang) -> String {
    format!(
        "{} %",
        numbers::format((share * 1000.0).round() / 10.0, lang)
    )
}

/// Cohorts as rows (oldest on top), periods after the first as columns; each cell shaded by
/// the share of the cohort buying again then, with its percentage where it fits.
pub fn cohorts<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    base: &Option<CustomerBase>,
    look: Look,
) -> DrawResult<DB> {
    let (lang, k) = (look.lang, look.scale);
    root.fill(&WHITE)?;
    let Some(c) = base
        .as_ref()
        .map(|b| &b.cohorts)
        .filter(|c| c.starts.len() > 1)
    else {
        return empty(root, lang.t(Words::ChartNoCohorts), k);
    };
    let n = c.starts.len();
    let cols = n - 1;
    let (w, _) = root.dim_in_pixel();
    let label_area = (w / 4).min(px(150, k));
    let mut chart = ChartBuilder::on(root)
        .margin(px(12, k))
        .x_label_area_size(px(36, k))
        .y_label_area_size(label_area)
        .build_cartesian_2d(0.5..cols as f64 + 0.5, -0.5..n as f64 - 0.5)?;
    let col_px = f64::from(chart.plotting_area().dim_in_pixel().0) / cols as f64;
    let row_px = f64::from(chart.plotting_area().dim_in_pixel().1) / n as f64;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(cols.min(40))
        .y_labels(n.min(40))
        .x_label_formatter(&|v: &f64| {
            let every = (24.0 * k / col_px).ceil().max(1.0) as usize;
            match category(*v, cols + 1) {
                Some(i) if i > 0 && (i - 1) % every == 0 => format!("+{i}"),
                _ => String::new(),
            }
        })
        .y_label_formatter(&|v: &f64| {
            let every = (14.0 * k / row_px).ceil().max(1.0) as usize;
            match category(*v, n) {
                Some(r) if r % every == 0 => {
                    let row = n - 1 - r;
                    let name = period_name(c.period, c.starts[row], lang);
                    let label = format!("{name} · {}", c.rows[row].customers);
                    // Where the customers do not fit beside the period, the table has them.
                    let room = fit(f64::from(label_area) - 10.0 * k, k);
                    if label.chars().count() <= room {
                        label
                    } else {
                        super::data::shorten(&name, room)
                    }
                }
                _ => String::new(),
            }
        })
        .x_desc(lang.t(match c.period {
            Period::Month => Words::MonthsLater,
            Period::Quarter => Words::QuartersLater,
        }))
        .label_style(font(12, k))
        .draw()?;
    let most = (0..n)
        .flat_map(|r| (0..n - r - 1).filter_map(move |l| c.share(r, l)))
        .fold(0.0, f64::max)
        .max(0.01);
    let numbers_fit = col_px >= 34.0 * k && row_px >= 14.0 * k;
    for (r, row) in c.rows.iter().enumerate() {
        let y = (n - 1 - r) as f64;
        for l in 0..row.later.len() {
            let x = (l + 1) as f64;
            let cell = [(x - 0.48, y - 0.45), (x + 0.48, y + 0.45)];
            if row.customers == 0 {
                // A period nobody first bought in: an empty, outlined cell, not a share of 0.
                chart.draw_series(std::iter::once(Rectangle::new(
                    cell,
                    RGBColor(0xd5, 0xda, 0xe1).stroke_width(px(1, k)),
                )))?;
                continue;
            }
            let s = c.share(r, l).unwrap_or(0.0);
            let strength = 0.12 + 0.88 * s / most;
            chart.draw_series(std::iter::once(Rectangle::new(
                cell,
                ON_TRACK.mix(strength).filled(),
            )))?;
            if numbers_fit {
                let ink: &'static RGBColor = if strength > 0.55 { &WHITE } else { &INK };
                chart.draw_series(std::iter::once(Text::new(
                    format!("{}", (s * 100.0).round()),
                    (x, y),
                    centred(11, k, ink),
                )))?;
            }
        }
    }
    Ok(())
}

/// New and returning customers per period as stacked bars, with the repeat purchases the
/// forecast expects ahead as a dashed line beside them, and a legend naming the three.
pub fn base<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    base: &Option<CustomerBase>,
    look: Look,
) -> DrawResult<DB> {
    let (lang, k) = (look.lang, look.scale);
    root.fill(&WHITE)?;
    let Some(b) = base.as_ref().filter(|b| !b.cohorts.starts.is_empty()) else {
        return empty(root, lang.t(Words::ChartNoCustomerBase), k);
    };
    let c = &b.cohorts;
    let ahead = ahead(b);
    let n = c.starts.len() + ahead.len();
    let top = c
        .active
        .iter()
        .map(|&a| a as f64)
        .chain(ahead.iter().map(|a| a.1))
        .fold(1.0, f64::max);
    let new_color = ON_TRACK.mix(0.45);
    // The legend's entries, a swatch and a name each, in as many lines as the width needs.
    let entries: Vec<(Words, ShapeStyle)> = [
        (Words::KindNewCustomers, new_color.filled()),
        (Words::KindReturningCustomers, ON_TRACK.filled()),
        (Words::ExpectedRepeatPurchases, BEHIND.filled()),
    ]
    .into_iter()
    .filter(|(words, _)| *words != Words::ExpectedRepeatPurchases || !ahead.is_empty())
    .collect();
    let (w, _) = root.dim_in_pixel();
    let size = px(10, k) as i32;
    let width = |words: Words| {
        size + px(18, k) as i32 + (lang.t(words).chars().count() as f64 * 6.5 * k) as i32
    };
    let mut placed = Vec::new();
    let (mut x, mut line) = (px(16, k) as i32, 0);
    for (words, style) in entries {
        if x + width(words) > w as i32 && x > px(16, k) as i32 {
            (x, line) = (px(16, k) as i32, line + 1);
        }
        placed.push((words, style, x, line));
        x += width(words);
    }
    let legend = px(20, k) * (line as u32 + 1) + px(4, k);
    let mut chart = ChartBuilder::on(root)
        .margin(px(12, k))
        .margin_top(px(12, k) + legend)
        .x_label_area_size(px(30, k))
        .y_label_area_size(px(56, k))
        .build_cartesian_2d(-0.5..n as f64 - 0.5, 0.0..top * 1.08)?;
    let col_px = f64::from(chart.plotting_area().dim_in_pixel().0) / n as f64;
    let name = |i: usize| match c.starts.get(i) {
        Some(&start) => period_name(c.period, start, lang),
        None => ahead
            .get(i - c.starts.len())
            .map(|&(start, _)| period_name(c.period, start, lang))
            .unwrap_or_default(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n.min(50))
        .x_label_formatter(&|v: &f64| {
            let every = (64.0 * k / col_px).ceil().max(1.0) as usize;
            match category(*v, n) {
                Some(i) if i % every == 0 => name(i),
                _ => String::new(),
            }
        })
        .y_label_formatter(&|v: &f64| numbers::format(v.round(), lang))
        .label_style(font(12, k))
        .light_line_style(WHITE)
        .draw()?;
    for (i, (&active, &new)) in c.active.iter().zip(&c.new).enumerate() {
        let x = i as f64;
        let (lo, hi) = (x - 0.38, x + 0.38);
        chart.draw_series([
            Rectangle::new([(lo, 0.0), (hi, new as f64)], new_color.filled()),
            Rectangle::new([(lo, new as f64), (hi, active as f64)], ON_TRACK.filled()),
        ])?;
    }
    if !ahead.is_empty() {
        let first = c.starts.len() as f64;
        let points: Vec<(f64, f64)> = ahead
            .iter()
            .enumerate()
            .map(|(i, a)| (first + i as f64, a.1))
            .collect();
        // Dashes between the points: a forecast never looks like what was counted.
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            chart.draw_series((0..6).step_by(2).map(|s| {
                let t0 = f64::from(s) / 6.0;
                let t1 = f64::from(s + 1) / 6.0;
                PathElement::new(
                    vec![
                        (a.0 + (b.0 - a.0) * t0, a.1 + (b.1 - a.1) * t0),
                        (a.0 + (b.0 - a.0) * t1, a.1 + (b.1 - a.1) * t1),
                    ],
                    BEHIND.stroke_width(px(2, k)),
                )
            }))?;
        }
        chart.draw_series(
            points
                .iter()
                .map(|&p| TriangleMarker::new(p, px(5, k), BEHIND.filled())),
        )?;
    }
    for (words, style, x, line) in placed {
        let y = px(14, k) as i32 + line * px(20, k) as i32;
        root.draw(&Rectangle::new(
            [(x, y - size / 2), (x + size, y + size / 2)],
            style,
        ))?;
        root.draw(&Text::new(
            lang.t(words),
            (x + size + px(6, k) as i32, y - px(7, k) as i32),
            font(12, k).color(&SOFT),
        ))?;
    }
    Ok(())
}

/// Each cohort's customers and the share of them buying again in each later period.
pub fn cohorts_table(base: &Option<CustomerBase>, lang: Lang) -> Table {
    let Some(c) = base.as_ref().map(|b| &b.cohorts) else {
        return Table::default();
    };
    let n = c.starts.len();
    let head = [lang.t(Words::Cohort), lang.t(Words::KindNewCustomers)]
        .into_iter()
        .map(String::from)
        .chain((1..n).map(|i| format!("+{i}")))
        .collect();
    let rows = c
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            [
                period_name(c.period, c.starts[r], lang),
                row.customers.to_string(),
            ]
            .into_iter()
            .chain((0..n - 1).map(|l| match row.later.get(l) {
                Some(&later) if row.customers > 0 => {
                    format!("{} ({later})", percent(c.share(r, l).unwrap_or(0.0), lang))
                }
                _ => String::new(),
            }))
            .collect()
        })
        .collect();
    (head, rows)
}

/// Customers per period (all, new, returning), then the periods ahead with the repeat purchases
/// the forecast expects in each.
pub fn base_table(base: &Option<CustomerBase>, lang: Lang) -> Table {
    let Some(b) = base else {
        return Table::default();
    };
    let c = &b.cohorts;
    let head = [
        Words::Period,
        Words::KindCustomers,
        Words::KindNewCustomers,
        Words::KindReturningCustomers,
        Words::ExpectedRepeatPurchases,
    ]
    .map(|w| lang.t(w).to_owned())
    .to_vec();
    let counted =
        c.starts
            .iter()
            .zip(c.active.iter().zip(&c.new))
            .map(|(&start, (&active, &new))| {
                vec![
                    period_name(c.period, start, lang),
                    active.to_string(),
                    new.to_string(),
                    (active - new).to_string(),
                    String::new(),
                ]
            });
    let forecast = ahead(b).into_iter().map(|(start, purchases)| {
        vec![
            period_name(c.period, start, lang),
            String::new(),
            String::new(),
            String::new(),
            numbers::format(purchases.round(), lang),
        ]
    });
    (head, counted.chain(forecast).collect())
}

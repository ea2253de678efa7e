//! An export measured: its rows read by a mapping into per-period counts for one KPI, every
//! row that cannot be used named with its line and column. Only counts leave this module; the
//! raw rows (customer ids, e-mail addresses) are dropped with the text they came from.

use super::cells::{self, Decimals};
use super::columns::{Mapping, Period, Role};
use super::kind::{Answers, Counts, KpiKind, OrderCounts, Ratio, Source};
use super::table::{Row, Rows, Table, TableError};
use crate::model::{limits, Date, Measurement};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What is wrong with one cell; `line` counts the file's lines from 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CellProblem {
    pub line: usize,
    pub column: String,
    pub kind: CellProblemKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CellProblemKind {
    Empty,
    /// Not a date this app reads.
    Date(String),
    /// After the day the file was read.
    Future(Date),
    /// Not a number.
    Number(String),
    /// Not a whole number from 0 to 10, or off the KPI's scale.
    Score(String),
    /// An order id seen before, on this line, with a total of its own.
    Duplicate {
        first: usize,
    },
    /// More of a count (opened) than the whole it is of (delivered).
    MoreThanWhole,
}

/// Why a file could not be measured at all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Refusal {
    Empty,
    NotATable,
    /// The mapping names no column, or one the file does not have, for these roles.
    Unmapped(Vec<Role>),
    /// No row could be used: the problems say why.
    NothingUsable,
    /// The KPI is not measured from a file of this kind.
    WrongSource,
}

/// An order export's whole file in a few figures, shown before its measurements are added.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub orders: u64,
    pub customers: u64,
    pub first: Option<Date>,
    pub last: Option<Date>,
    pub revenue: f64,
    /// Customers with two orders or more.
    pub repeat_customers: u64,
}

/// A file measured for one KPI.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    /// One per period with data, dated the period's first day, value derived from the counts.
    pub found: Vec<Measurement>,
    /// At most [`limits::PROBLEMS_LISTED`], in the order of the file.
    pub problems: Vec<CellProblem>,
    /// Problems beyond those listed.
    pub more_problems: usize,
    pub rows: usize,
    /// The line where the file went on past [`super::table::MAX_ROWS`].
    pub beyond: Option<usize>,
    pub summary: Option<OrderSummary>,
}

/// Problems gathered while reading: the first hundred kept, the rest counted.
#[derive(Default)]
struct Problems {
    listed: Vec<CellProblem>,
    more: usize,
}

impl Problems {
    fn add(&mut self, line: usize, column: &str, kind: CellProblemKind) {
        if self.listed.len() < limits::PROBLEMS_LISTED {
            self.listed.push(CellProblem {
                line,
                column: column.to_string(),
                kind,
            });
        } else {
            self.more += 1;
        }
    }
}

impl Period {
    /// A number for the period holding `date`, consecutive periods consecutive numbers.
    pub fn index(self, date: Date) -> i64 {
        let month = i64::from(date.year) * 12 + i64::from(date.month) - 1;
        match self {
            Period::Month => month,
            Period::Quarter => month.div_euclid(3),
        }
    }

    /// The first day of period `index`.
    pub fn start(self, index: i64) -> Date {
        let month = match self {
            Period::Month => index,
            Period::Quarter => index * 3,
        };
        Date::new(
            month.div_euclid(12) as u16,
            (month.rem_euclid(12) + 1) as u8,
            1,
        )
        .expect("a month's first day exists")
    }
}

/// Reads one row's cells by role, noting a problem for each that cannot be read.
struct Cells<'h> {
    header: &'h [String],
    places: Vec<usize>,
    today: Date,
}

impl Cells<'_> {
    fn cell<'r>(&self, row: &'r Row<'_>, n: usize) -> (&'r str, &str) {
        let place = self.places[n];
        (row.get(place), self.header[place].as_str())
    }

    fn read<T>(
        &self,
        row: &Row<'_>,
        n: usize,
        problems: &mut Problems,
        parse: impl Fn(&str) -> Result<T, CellProblemKind>,
    ) -> Option<T> {
        let (cell, column) = self.cell(row, n);
        let result = if cell.is_empty() {
            Err(CellProblemKind::Empty)
        } else {
            parse(cell)
        };
        result
            .map_err(|kind| problems.add(row.line, column, kind))
            .ok()
    }

    fn date(&self, row: &Row<'_>, n: usize, problems: &mut Problems) -> Option<Date> {
        self.read(row, n, problems, |cell| match cells::date(cell) {
            Some(d) if d > self.today => Err(CellProblemKind::Future(d)),
            Some(d) => Ok(d),
            None => Err(CellProblemKind::Date(cell.into())),
        })
    }

    fn count(&self, row: &Row<'_>, n: usize, problems: &mut Problems) -> Option<u64> {
        self.read(row, n, problems, |cell| {
            cells::count(cell).ok_or_else(|| CellProblemKind::Number(cell.into()))
        })
    }
}

/// Measures `text` for a KPI of `kind` as `mapping` says. `today` is the last day a row may be
/// dated.
pub fn measure(
    text: &str,
    kind: KpiKind,
    mapping: &Mapping,
    today: Date,
) -> Result<Measured, Refusal> {
    if kind.source() != Some(mapping.source) {
        return Err(Refusal::WrongSource);
    }
    let table = Table::open(text).map_err(|e| match e {
        TableError::Empty => Refusal::Empty,
        TableError::NotATable => Refusal::NotATable,
    })?;
    let places = mapping.places(&table.header).map_err(Refusal::Unmapped)?;
    let cells = Cells {
        header: &table.header,
        places,
        today,
    };
    let mut problems = Problems::default();
    let (periods, rows, summary) = match mapping.source {
        Source::Survey => {
            let (periods, rows) = survey(&table, &cells, kind, mapping.period, &mut problems);
            (periods, rows, None)
        }
        Source::Campaign => {
            let (periods, rows) = campaign(&table, &cells, kind, mapping.period, &mut problems);
            (periods, rows, None)
        }
        Source::Orders => {
            let (book, rows) = OrderBook::read(&table, &cells, &mut problems);
            let summary = book.summary();
            (book.per_period(mapping.period), rows, Some(summary))
        }
    };
    let found: Vec<Measurement> = periods
        .into_iter()
        .filter_map(|(index, counts)| {
            let value = kind.value(&counts)?;
            Some(Measurement {
                date: mapping.period.start(index),
                value,
                counts: Some(counts),
            })
        })
        .collect();
    // Rows that all failed still come back, so their problems can be shown.
    if found.is_empty() && problems.listed.is_empty() {
        return Err(Refusal::NothingUsable);
    }
    Ok(Measured {
        found,
        problems: problems.listed,
        more_problems: problems.more,
        rows: rows.count,
        beyond: rows.beyond,
        summary,
    })
}

/// Answers per period, by score.
fn survey(
    table: &Table,
    cells: &Cells,
    kind: KpiKind,
    period: Period,
    problems: &mut Problems,
) -> (Vec<(i64, Counts)>, Rows) {
    let (low, high) = kind.scale().unwrap_or((0, 10));
    let mut periods: HashMap<i64, Answers> = HashMap::new();
    let rows = table.rows(|row| {
        let date = cells.date(&row, 0, problems);
        let score = cells.read(&row, 1, problems, |cell| {
            cells::score(cell)
                .filter(|s| (low..=high).contains(s))
                .ok_or_else(|| CellProblemKind::Score(cell.into()))
        });
        if let (Some(date), Some(score)) = (date, score) {
            periods.entry(period.index(date)).or_default().answers[usize::from(score)] += 1;
        }
    });
    (sorted(periods, Counts::Answers), rows)
}

/// Delivered with opened or clicked per period.
fn campaign(
    table: &Table,
    cells: &Cells,
    kind: KpiKind,
    period: Period,
    problems: &mut Problems,
) -> (Vec<(i64, Counts)>, Rows) {
    let mut periods: HashMap<i64, Ratio> = HashMap::new();
    let rows = table.rows(|row| {
        let date = cells.date(&row, 0, problems);
        let delivered = cells.count(&row, 1, problems);
        let opened = cells.count(&row, 2, problems);
        let clicked = cells.count(&row, 3, problems);
        let (Some(date), Some(delivered), Some(opened), Some(clicked)) =
            (date, delivered, opened, clicked)
        else {
            return;
        };
        let part = if kind == KpiKind::ClickThroughRate {
            clicked
        } else {
            opened
        };
        if opened > delivered || clicked > delivered {
            let column = cells.cell(&row, if opened > delivered { 2 } else { 3 }).1;
            problems.add(row.line, column, CellProblemKind::MoreThanWhole);
            return;
        }
        let ratio = periods.entry(period.index(date)).or_default();
        ratio.part += part;
        ratio.whole += delivered;
    });
    (sorted(periods, Counts::Ratio), rows)
}

fn sorted<T>(periods: HashMap<i64, T>, counts: fn(T) -> Counts) -> Vec<(i64, Counts)> {
    let mut list: Vec<(i64, Counts)> = periods.into_iter().map(|(i, t)| (i, counts(t))).collect();
    list.sort_by_key(|(i, _)| *i);
    list
}

/// One order: its customer (numbered in the order first seen), day and total.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Order {
    pub customer: u32,
    pub date: Date,
    pub total: f64,
}

/// An order export's orders without ids or customers' names: what the measures, the cohorts
/// and the forecast need, sorted by customer, then date.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OrderBook {
    pub orders: Vec<Order>,
    pub customers: u32,
}

impl OrderBook {
    fn read(table: &Table, cells: &Cells, problems: &mut Problems) -> (OrderBook, Rows) {
        let total_place = cells.places[3];
        // The decimal mark is guessed from the first thousand totals.
        let mut sample = Vec::new();
        table.rows(|row| {
            if sample.len() < 1000 {
                sample.push(row.get(total_place).to_string());
            }
        });
        let decimals = Decimals::guess(sample.iter().map(String::as_str));
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut customers: HashMap<String, u32> = HashMap::new();
        let mut orders = Vec::new();
        let rows = table.rows(|row| {
            let (id, id_column) = cells.cell(&row, 0);
            if id.is_empty() {
                problems.add(row.line, id_column, CellProblemKind::Empty);
                return;
            }
            if let Some(&first) = seen.get(id) {
                // Shops write an order of several lines as several rows, the total on the first.
                if !row.get(total_place).is_empty() {
                    problems.add(row.line, id_column, CellProblemKind::Duplicate { first });
                }
                return;
            }
            seen.insert(id.to_string(), row.line);
            let customer = cells.read(&row, 1, problems, |cell| Ok(cell.to_string()));
            let date = cells.date(&row, 2, problems);
            let total = cells.read(&row, 3, problems, |cell| {
                cells::amount(cell, decimals).ok_or_else(|| CellProblemKind::Number(cell.into()))
            });
            let (Some(customer), Some(date), Some(total)) = (customer, date, total) else {
                return;
            };
            let next = customers.len() as u32;
            let customer = *customers.entry(customer).or_insert(next);
            orders.push(Order {
                customer,
                date,
                total,
            });
        });
        orders.sort_by_key(|o| (o.customer, o.date));
        let customers = customers.len() as u32;
        (OrderBook { orders, customers }, rows)
    }

    /// Each customer's orders, in date order.
    pub fn by_customer(&self) -> impl Iterator<Item = &[Order]> {
        self.orders.chunk_by(|a, b| a.customer == b.customer)
    }

    pub fn summary(&self) -> OrderSummary {
        OrderSummary {
            orders: self.orders.len() as u64,
            customers: u64::from(self.customers),
            first: self.orders.iter().map(|o| o.date).min(),
            last: self.orders.iter().map(|o| o.date).max(),
            revenue: self.orders.iter().map(|o| o.total).sum(),
            repeat_customers: self.by_customer().filter(|c| c.len() > 1).count() as u64,
        }
    }

    /// The order measures of every period from the first order's to the last's.
    pub fn per_period(&self, period: Period) -> Vec<(i64, Counts)> {
        let Some(first) = self.orders.iter().map(|o| period.index(o.date)).min() else {
            return Vec::new();
        };
        let last = self
            .orders
            .iter()
            .map(|o| period.index(o.date))
            .max()
            .unwrap_or(first);
        let mut counts = vec![OrderCounts::default(); (last - first + 1) as usize];
        let at = |index: i64| (index - first) as usize;
        for orders in self.by_customer() {
            let mut previous: Option<i64> = None;
            let mut so_far = 0u64;
            for in_period in orders.chunk_by(|a, b| period.index(a.date) == period.index(b.date)) {
                let index = period.index(in_period[0].date);
                so_far += in_period.len() as u64;
                let c = &mut counts[at(index)];
                c.orders += in_period.len() as u64;
                c.revenue += in_period.iter().map(|o| o.total).sum::<f64>();
                c.customers += 1;
                c.new_customers += u64::from(previous.is_none());
                c.repeat_customers += u64::from(so_far >= 2);
                c.retained_customers += u64::from(previous == Some(index - 1));
                if let Some(next) = counts.get_mut(at(index) + 1) {
                    next.previous_customers += 1;
                }
                previous = Some(index);
            }
        }
        let (mut customers, mut revenue) = (0, 0.0);
        counts
            .into_iter()
            .enumerate()
            .map(|(i, mut c)| {
                customers += c.new_customers;
                revenue += c.revenue;
                c.customers_to_date = customers;
                c.revenue_to_date = revenue;
                (first + i as i64, Counts::Orders(c))
            })
            .filter(
                |(_, c)| matches!(c, Counts::Orders(o) if o.orders > 0 || o.previous_customers > 0),
            )
            .collect()
    }
}

/// The order book of `text` read by `mapping`, for the forecast and the cohorts; `None` where
/// it cannot be read.
pub fn order_book(text: &str, mapping: &Mapping, today: Date) -> Option<OrderBook> {
    let table = Table::open(text).ok()?;
    let places = mapping.places(&table.header).ok()?;
    let cells = Cells {
        header: &table.header,
        places,
        today,
    };
    Some(OrderBook::read(&table, &cells, &mut Problems::default()).0)
}

//! An export measured: its rows read by a mapping into per-period counts for one KPI, every
//! row that cannot be used named with its line and column. Only counts leave this module; the
//! raw rows (customer ids, e-mail addresses) are dropped with the text they came from.

use super::cells::{self, DayMonth, Decimals};
use super::columns::{Mapping, Period, Role};
use super::kind::{Answers, Counts, KpiKind, OrderCounts, Ratio, Source};
use super::table::{Row, Rows, Table, TableError};
use crate::model::exchange::quoted;
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
    /// A number, but beyond any order's amount ([`cells::MAX_AMOUNT`]).
    TooLarge(String),
    /// Not a count: negative, or not whole.
    Count(String),
    /// A count beyond [`cells::MAX_COUNT`].
    CountTooLarge(String),
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
    /// The first row is data, not column names.
    NoHeader,
    /// The mapping names no column, or one the file does not have, for these roles.
    Unmapped(Vec<Role>),
    /// No row could be used: the problems say why.
    NothingUsable,
    /// The KPI is not measured from a file of this kind.
    WrongSource,
}

impl From<TableError> for Refusal {
    fn from(e: TableError) -> Self {
        match e {
            TableError::Empty => Refusal::Empty,
            TableError::NotATable => Refusal::NotATable,
            TableError::NoHeader => Refusal::NoHeader,
        }
    }
}

/// An order export's whole file in a few figures, shown before its measurements are added.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderSummary {
    pub orders: u64,
    pub customers: u64,
    pub first: Option<Date>,
    pub last: Option<Date>,
    pub revenue: f64,
    /// Customers with two orders or more.
    pub repeat_customers: u64,
}

/// How the reading of a file went: its rows, and those it could not use.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// At most [`limits::PROBLEMS_LISTED`], in the order of the file.
    pub problems: Vec<CellProblem>,
    /// Problems beyond those listed.
    pub more_problems: usize,
    pub rows: usize,
    /// The line where the file went on past [`super::table::MAX_ROWS`].
    pub beyond: Option<usize>,
}

impl Report {
    fn of(problems: Problems, rows: Rows) -> Self {
        Report {
            problems: problems.listed,
            more_problems: problems.more,
            rows: rows.count,
            beyond: rows.beyond,
        }
    }
}

/// A file measured for one KPI.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    /// One per period with data, dated the period's first day, value derived from the counts.
    pub found: Vec<Measurement>,
    pub report: Report,
    pub summary: Option<OrderSummary>,
}

/// Problems gathered while reading: the first hundred kept, the rest counted.
#[derive(Default)]
struct Problems {
    listed: Vec<CellProblem>,
    more: usize,
}

impl Problems {
    /// Notes a problem; texts from the file are cut short, as a cell may hold a megabyte.
    fn add(&mut self, line: usize, column: &str, kind: CellProblemKind) {
        if self.listed.len() < limits::PROBLEMS_LISTED {
            let kind = match kind {
                CellProblemKind::Date(v) => CellProblemKind::Date(quoted(&v)),
                CellProblemKind::Number(v) => CellProblemKind::Number(quoted(&v)),
                CellProblemKind::TooLarge(v) => CellProblemKind::TooLarge(quoted(&v)),
                CellProblemKind::Count(v) => CellProblemKind::Count(quoted(&v)),
                CellProblemKind::CountTooLarge(v) => CellProblemKind::CountTooLarge(quoted(&v)),
                CellProblemKind::Score(v) => CellProblemKind::Score(quoted(&v)),
                other => other,
            };
            self.listed.push(CellProblem {
                line,
                column: quoted(column),
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

/// Cells of a column sampled to guess how it writes dates and amounts.
const SAMPLED: usize = 1000;

/// Reads one row's cells by role, noting a problem for each that cannot be read.
struct Cells<'h> {
    header: &'h [String],
    places: Vec<usize>,
    today: Date,
    /// How the date column writes day and month, guessed from its first cells.
    order: DayMonth,
}

impl<'h> Cells<'h> {
    fn new(table: &'h Table, mapping: &Mapping, today: Date) -> Result<Self, Refusal> {
        let places = mapping.places(&table.header).map_err(Refusal::Unmapped)?;
        let roles = mapping.source.roles();
        let date = roles
            .iter()
            .position(|r| *r == Role::Date)
            .map(|n| places[n]);
        let order = date.map_or(DayMonth::default(), |column| {
            DayMonth::guess(table.sample(column, SAMPLED).iter().map(String::as_str))
        });
        Ok(Cells {
            header: &table.header,
            places,
            today,
            order,
        })
    }

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
        self.read(row, n, problems, |cell| {
            match cells::date(cell, self.order) {
                Some(d) if d > self.today => Err(CellProblemKind::Future(d)),
                Some(d) => Ok(d),
                None => Err(CellProblemKind::Date(cell.into())),
            }
        })
    }

    fn count(&self, row: &Row<'_>, n: usize, problems: &mut Problems) -> Option<u64> {
        self.read(row, n, problems, |cell| {
            cells::count(cell).map_err(|unread| match unread {
                cells::Unread::NotANumber => CellProblemKind::Count(cell.into()),
                cells::Unread::TooLarge => CellProblemKind::CountTooLarge(cell.into()),
            })
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
    let table = Table::open(text).map_err(Refusal::from)?;
    let cells = Cells::new(&table, mapping, today)?;
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
            let summary = (!book.orders.is_empty()).then(|| book.summary());
            (book.per_period(mapping.period), rows, summary)
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
        report: Report::of(problems, rows),
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

/// An order export's orders without their ids: what the measures, the cohorts and the
/// forecast need, sorted by customer, then date. It stays in the analytics worker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OrderBook {
    pub orders: Vec<Order>,
    pub customers: u32,
    /// Each customer as the export names them, by [`Order::customer`]: for the forecast per
    /// customer, which the marketer downloads; never in the map.
    pub ids: Vec<String>,
}

impl OrderBook {
    fn read(table: &Table, cells: &Cells, problems: &mut Problems) -> (OrderBook, Rows) {
        let total_place = cells.places[3];
        // The decimal mark is guessed from the first thousand totals.
        let sample = table.sample(total_place, SAMPLED);
        let decimals = Decimals::guess(sample.iter().map(String::as_str), table.separator);
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
                cells::amount(cell, decimals).map_err(|unread| match unread {
                    cells::Unread::NotANumber => CellProblemKind::Number(cell.into()),
                    cells::Unread::TooLarge => CellProblemKind::TooLarge(cell.into()),
                })
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
        let mut ids = vec![String::new(); customers.len()];
        for (id, n) in customers {
            ids[n as usize] = id;
        }
        let customers = ids.len() as u32;
        (
            OrderBook {
                orders,
                customers,
                ids,
            },
            rows,
        )
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
            revenue: Sum::of(self.orders.iter().map(|o| o.total)),
            repeat_customers: self.by_customer().filter(|c| c.len() > 1).count() as u64,
        }
    }

    /// The order measures of every period from the first order's to the last's, those without
    /// orders too: a month nobody bought in has no customers, not no figure.
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
        let mut revenues = vec![Sum::default(); counts.len()];
        let at = |index: i64| (index - first) as usize;
        for orders in self.by_customer() {
            let mut previous: Option<i64> = None;
            let mut so_far = 0u64;
            for in_period in orders.chunk_by(|a, b| period.index(a.date) == period.index(b.date)) {
                let index = period.index(in_period[0].date);
                so_far += in_period.len() as u64;
                let c = &mut counts[at(index)];
                c.orders += in_period.len() as u64;
                for order in in_period {
                    revenues[at(index)].add(order.total);
                }
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
        let (mut customers, mut revenue) = (0, Sum::default());
        counts
            .into_iter()
            .zip(revenues)
            .enumerate()
            .map(|(i, (mut c, in_period))| {
                customers += c.new_customers;
                c.revenue = in_period.total();
                revenue.add_sum(in_period);
                c.customers_to_date = customers;
                c.revenue_to_date = revenue.total();
                (first + i as i64, Counts::Orders(c))
            })
            .collect()
    }
}

/// A sum of amounts kept exact beyond what one float holds (Neumaier's compensated summation):
/// 200,000 orders of 10¹² each summed one by one came out 191,000 off, and were shown so.
#[derive(Clone, Copy, Default)]
struct Sum {
    sum: f64,
    /// What adding to `sum` rounded away, to be added back at the end.
    lost: f64,
}

impl Sum {
    fn of(values: impl Iterator<Item = f64>) -> f64 {
        let mut sum = Sum::default();
        values.for_each(|v| sum.add(v));
        sum.total()
    }

    fn add(&mut self, value: f64) {
        let next = self.sum + value;
        self.lost += if self.sum.abs() >= value.abs() {
            (self.sum - next) + value
        } else {
            (value - next) + self.sum
        };
        self.sum = next;
    }

    fn add_sum(&mut self, other: Sum) {
        self.add(other.sum);
        self.lost += other.lost;
    }

    fn total(self) -> f64 {
        self.sum + self.lost
    }
}

/// The order book of `text` read by `mapping`, for the forecast and the cohorts, with the rows
/// it could not use; refused where no order could be read.
pub fn order_book(
    text: &str,
    mapping: &Mapping,
    today: Date,
) -> Result<(OrderBook, Report), Refusal> {
    if mapping.source != Source::Orders {
        return Err(Refusal::WrongSource);
    }
    let table = Table::open(text).map_err(Refusal::from)?;
    let cells = Cells::new(&table, mapping, today)?;
    let mut problems = Problems::default();
    let (book, rows) = OrderBook::read(&table, &cells, &mut problems);
    if book.orders.is_empty() && problems.listed.is_empty() {
        return Err(Refusal::NothingUsable);
    }
    Ok((book, Report::of(problems, rows)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::loyalty::Source;

    fn today() -> Date {
        Date::new(2026, 12, 6).unwrap()
    }

    fn orders(text: &str, kind: KpiKind, period: Period) -> Result<Measured, Refusal> {
        let table = Table::open(text).unwrap();
        let mut mapping = Mapping::guess(Source::Orders, &table.header);
        mapping.period = period;
        measure(text, kind, &mapping, today())
    }

    fn counts(m: &Measured, i: usize) -> OrderCounts {
        match &m.found[i].counts {
            Some(Counts::Orders(o)) => o.clone(),
            other => panic!("{other:?}"),
        }
    }

    /// Anna buys in January, February and April; Bram in January and March; Cor in February.
    const DUTCH: &str = "Bestelnummer;Klant;Besteldatum;Totaal\n\
        1;anna@example.nl;03-01-2026;\"€ 1.000,00\"\n\
        2;bram@example.nl;15-01-2026;20,50\n\
        3;anna@example.nl;02-02-2026;30\n\
        4;cor@example.nl;20-02-2026;40,00\n\
        5;bram@example.nl;01-03-2026;-20,50\n\
        6;anna@example.nl;01-04-2026;10\n";

    #[test]
    fn an_order_export_gives_each_months_measures() {
        let m = orders(DUTCH, KpiKind::RepeatPurchaseRate, Period::Month).unwrap();
        let months: Vec<String> = m.found.iter().map(|f| f.date.to_string()).collect();
        assert_eq!(
            months,
            ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"]
        );
        let jan = counts(&m, 0);
        assert_eq!((jan.orders, jan.customers, jan.new_customers), (2, 2, 2));
        assert!((jan.revenue - 1020.5).abs() < 1e-9);
        let feb = counts(&m, 1);
        // Anna comes back (her second order) and is retained from January; Cor is new.
        assert_eq!(
            (feb.customers, feb.new_customers, feb.repeat_customers),
            (2, 1, 1)
        );
        assert_eq!((feb.previous_customers, feb.retained_customers), (2, 1));
        assert_eq!(m.found[1].value, 50.0);
        let mar = counts(&m, 2);
        // Bram's refund is an order with a negative total.
        assert!((mar.revenue + 20.5).abs() < 1e-9);
        assert_eq!((mar.previous_customers, mar.retained_customers), (2, 0));
        let apr = counts(&m, 3);
        assert_eq!((apr.customers_to_date, apr.retained_customers), (3, 0));
        assert!((apr.revenue_to_date - 1080.0).abs() < 1e-9);
        let summary = m.summary.unwrap();
        assert_eq!(
            (summary.orders, summary.customers, summary.repeat_customers),
            (6, 3, 2)
        );
        assert_eq!(summary.first, Date::new(2026, 1, 3));
        assert!(m.report.problems.is_empty());
    }

    #[test]
    fn per_quarter_and_each_order_measure() {
        let m = orders(DUTCH, KpiKind::RetentionRate, Period::Quarter).unwrap();
        // The first quarter has no quarter before it to retain customers from.
        assert_eq!(m.found.len(), 1);
        assert_eq!(m.found[0].date, Date::new(2026, 4, 1).unwrap());
        // Q1's three customers; only Anna buys in Q2.
        assert_eq!(m.found[0].value, 100.0 / 3.0);
        let m = orders(DUTCH, KpiKind::Customers, Period::Quarter).unwrap();
        let value = |kind: KpiKind| kind.value(m.found[0].counts.as_ref().unwrap()).unwrap();
        assert_eq!(value(KpiKind::Customers), 3.0);
        assert_eq!(value(KpiKind::AverageOrderValue), 1070.0 / 5.0);
    }

    #[test]
    fn a_shops_order_lines_count_once_and_a_repeated_order_with_a_total_is_named() {
        let text = "Name,Email,Total,Created at,Lineitem name\n\
            #1001,a@x.com,25.00,2026-01-05 10:00:00 +0100,Mug\n\
            #1001,a@x.com,,2026-01-05 10:00:00 +0100,Spoon\n\
            #1002,b@x.com,10.00,2026-01-06 11:00:00 +0100,Tea\n\
            #1002,b@x.com,10.00,2026-01-06 11:00:00 +0100,Tea again\n";
        let m = orders(text, KpiKind::Customers, Period::Month).unwrap();
        assert_eq!(counts(&m, 0).orders, 2);
        assert_eq!(
            m.report.problems,
            [CellProblem {
                line: 5,
                column: "Name".into(),
                kind: CellProblemKind::Duplicate { first: 4 }
            }]
        );
    }

    #[test]
    fn bad_cells_are_named_by_line_and_column_and_capped() {
        let mut text = String::from("order,customer,date,total\n1,a,2026-01-01,5\n");
        text.push_str("2,b,2027-01-01,5\n3,c,yesterday,5\n4,d,2026-01-02,free\n5,,2026-01-02,5\n");
        for i in 0..200 {
            text.push_str(&format!("x{i},e,not a date,5\n"));
        }
        let m = orders(&text, KpiKind::Customers, Period::Month).unwrap();
        assert_eq!(m.found.len(), 1);
        assert_eq!(m.report.problems.len(), limits::PROBLEMS_LISTED);
        assert_eq!(m.report.more_problems, 204 - limits::PROBLEMS_LISTED);
        let first: Vec<(usize, &str, &CellProblemKind)> = m.report.problems[..4]
            .iter()
            .map(|p| (p.line, p.column.as_str(), &p.kind))
            .collect();
        assert_eq!(
            first,
            [
                (
                    3,
                    "date",
                    &CellProblemKind::Future(Date::new(2027, 1, 1).unwrap())
                ),
                (4, "date", &CellProblemKind::Date("yesterday".into())),
                (5, "total", &CellProblemKind::Number("free".into())),
                (6, "customer", &CellProblemKind::Empty),
            ]
        );
    }

    #[test]
    fn refusals() {
        let guess = |text: &str, source| Mapping::guess(source, &Table::open(text).unwrap().header);
        let nps = guess("date,score\n", Source::Survey);
        assert_eq!(
            measure("", KpiKind::Nps, &nps, today()),
            Err(Refusal::Empty)
        );
        assert_eq!(
            measure("{}", KpiKind::Nps, &nps, today()),
            Err(Refusal::NotATable)
        );
        assert_eq!(
            measure("date,score\n", KpiKind::Nps, &nps, today()),
            Err(Refusal::NothingUsable)
        );
        assert_eq!(
            measure("date,score\n", KpiKind::Customers, &nps, today()),
            Err(Refusal::WrongSource)
        );
        assert_eq!(
            measure("when,score\n2026-01-01,9\n", KpiKind::Nps, &nps, today()),
            Err(Refusal::Unmapped(vec![Role::Date]))
        );
        // Every row failing still comes back, to show why.
        let m = measure("date,score\n2026-01-01,11\n", KpiKind::Nps, &nps, today()).unwrap();
        assert_eq!(m.found, []);
        assert_eq!(
            m.report.problems[0].kind,
            CellProblemKind::Score("11".into())
        );
    }

    #[test]
    fn a_survey_gives_nps_per_quarter_and_off_scale_answers_are_named() {
        let text = "Tijdstempel,Hoe waarschijnlijk is het dat u ons aanraadt?\n\
            05-01-2026 10:00,10\n\
            06-02-2026,9\n\
            07-03-2026,3\n\
            01-04-2026,8\n\
            02-04-2026,6\n";
        let mut mapping = Mapping::guess(Source::Survey, &Table::open(text).unwrap().header);
        mapping.period = Period::Quarter;
        let m = measure(text, KpiKind::Nps, &mapping, today()).unwrap();
        assert_eq!(m.found.len(), 2);
        assert!((m.found[0].value - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(m.found[1].value, -50.0);
        // On a 1–5 scale, 10, 9, 8 and 6 are not answers.
        let csat = measure(text, KpiKind::Csat5, &mapping, today()).unwrap();
        assert_eq!(csat.report.problems.len(), 4);
        assert_eq!(
            csat.report.problems[0].kind,
            CellProblemKind::Score("10".into())
        );
    }

    #[test]
    fn what_a_cell_could_mean_two_ways_the_file_decides() {
        // A Dutch export: thousands with points. An American survey: month first.
        let text =
            "Bestelnummer;Klant;Besteldatum;Totaal\n1;a;05-01-2026;1.234\n2;b;06-01-2026;2.500\n";
        let m = orders(text, KpiKind::AverageOrderValue, Period::Month).unwrap();
        assert_eq!(counts(&m, 0).revenue, 3734.0);
        let survey =
            "Timestamp,How likely are you to recommend us?\n1/5/2026 10:00,9\n1/13/2026,10\n";
        let mapping = Mapping::guess(Source::Survey, &Table::open(survey).unwrap().header);
        let m = measure(survey, KpiKind::Nps, &mapping, today()).unwrap();
        assert_eq!(m.found.len(), 1, "both in January");
        assert_eq!(m.found[0].date, Date::new(2026, 1, 1).unwrap());
        // Months with no order between two that have one are there, with no customers.
        let gap = "order,customer,date,total\n1,a,2026-01-05,5\n2,a,2026-03-05,5\n";
        let m = orders(gap, KpiKind::Customers, Period::Month).unwrap();
        let values: Vec<f64> = m.found.iter().map(|f| f.value).collect();
        assert_eq!(values, [1.0, 0.0, 1.0]);
    }

    #[test]
    fn a_campaign_report_gives_open_and_click_rates() {
        let text = "Verzenddatum;Afgeleverd;Geopend;Geklikt\n\
            2026-01-05;1.000;250;50\n\
            2026-01-19;1.000;350;30\n\
            2026-02-02;100;120;3\n";
        let mapping = Mapping::guess(Source::Campaign, &Table::open(text).unwrap().header);
        let open = measure(text, KpiKind::OpenRate, &mapping, today()).unwrap();
        assert_eq!(open.found.len(), 1);
        assert_eq!(open.found[0].value, 30.0);
        assert_eq!(open.report.problems[0].kind, CellProblemKind::MoreThanWhole);
        let clicks = measure(text, KpiKind::ClickThroughRate, &mapping, today()).unwrap();
        assert_eq!(clicks.found[0].value, 4.0);
    }

    #[test]
    fn a_count_below_zero_and_an_amount_beyond_any_order_are_said_for_what_they_are() {
        // A hostile try was told "“-3” is not a number" and "“1e308” is not a number".
        let text = "order,customer,date,total\n1,a,2026-01-01,1e308\n2,b,2026-01-01,5\n";
        let m = orders(text, KpiKind::Customers, Period::Month).unwrap();
        assert_eq!(
            m.report.problems[0].kind,
            CellProblemKind::TooLarge("1e308".into())
        );
        assert!(m.report.problems[0]
            .message(Lang::En)
            .contains("“1e308” is beyond any order's amount"));
        let text = "Verzenddatum;Afgeleverd;Geopend;Geklikt\n2026-01-05;-3;1,5;1\n\
            2026-01-06;99999999999999999999;1;1\n";
        let mapping = Mapping::guess(Source::Campaign, &Table::open(text).unwrap().header);
        let open = measure(text, KpiKind::OpenRate, &mapping, today()).unwrap();
        let kinds: Vec<_> = open.report.problems.iter().map(|p| &p.kind).collect();
        assert_eq!(
            kinds,
            [
                &CellProblemKind::Count("-3".into()),
                &CellProblemKind::Count("1,5".into()),
                &CellProblemKind::CountTooLarge("99999999999999999999".into())
            ]
        );
        assert_eq!(
            open.report.problems[0].message(Lang::Nl),
            "regel 2, kolom “Afgeleverd”: “-3” is geen aantal (een geheel getal van 0 of meer)"
        );
        assert_eq!(
            open.report.problems[2].message(Lang::En),
            "line 3, column “Afgeleverd”: “99999999999999999999” is beyond any count taken (at most 1,000,000,000,000)"
        );
    }

    #[test]
    fn revenue_of_many_large_orders_is_summed_exactly() {
        // A hostile try's 200,000 orders of 999,999,999,999 read "199999999999991000".
        let mut text = String::from("order,customer,date,total\n");
        for i in 0..200_000 {
            text.push_str(&format!(
                "{i},c{},2026-0{}-01,999999999999\n",
                i % 1000,
                1 + i % 2
            ));
        }
        let table = Table::open(&text).unwrap();
        let mapping = Mapping::guess(Source::Orders, &table.header);
        let (book, _) = order_book(&text, &mapping, today()).unwrap();
        assert_eq!(book.summary().revenue, 199_999_999_999_800_000.0);
        let periods = book.per_period(Period::Month);
        let Counts::Orders(last) = &periods[1].1 else {
            panic!()
        };
        assert_eq!(last.revenue, 99_999_999_999_900_000.0);
        assert_eq!(last.revenue_to_date, 199_999_999_999_800_000.0);
    }
}

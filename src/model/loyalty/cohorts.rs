//! Cohorts of an order export: the customers who first bought in each period, and the share
//! of them buying again in each later period — the triangle the cohort retention chart draws.
//! With it, the customer base per period: active, new and returning customers.

use super::columns::Period;
use super::measure::OrderBook;
use crate::model::Date;
use serde::{Deserialize, Serialize};

/// Periods of cohorts kept: three years of months.
pub const MAX_COHORTS: usize = 36;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cohorts {
    pub period: Period,
    /// The first day of each period, oldest first; the last [`MAX_COHORTS`] of the file.
    pub starts: Vec<Date>,
    /// `rows[c]`: the customers of cohort `c` (first order in period `c`), then how many of
    /// them ordered in each period from `c + 1` on.
    pub rows: Vec<CohortRow>,
    /// Customers who ordered in each period: all, new and returning.
    pub active: Vec<u64>,
    pub new: Vec<u64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CohortRow {
    pub customers: u64,
    /// `later[k]`: of them, who ordered in the `k + 1`th period after their first.
    pub later: Vec<u64>,
}

impl Cohorts {
    /// `later[k]` of cohort `c` as a share of its customers, 0 to 1.
    pub fn share(&self, c: usize, k: usize) -> Option<f64> {
        let row = self.rows.get(c)?;
        let n = *row.later.get(k)?;
        (row.customers > 0).then(|| n as f64 / row.customers as f64)
    }
}

/// The cohorts of `book` per `period`, of its last [`MAX_COHORTS`] periods.
pub fn of(book: &OrderBook, period: Period) -> Cohorts {
    let Some(last) = book.orders.iter().map(|o| period.index(o.date)).max() else {
        return Cohorts {
            period,
            ..Cohorts::default()
        };
    };
    let first = book
        .orders
        .iter()
        .map(|o| period.index(o.date))
        .min()
        .unwrap_or(last)
        .max(last - MAX_COHORTS as i64 + 1);
    let n = (last - first + 1) as usize;
    let mut rows = vec![CohortRow::default(); n];
    for (c, row) in rows.iter_mut().enumerate() {
        row.later = vec![0; n - c - 1];
    }
    let (mut active, mut new) = (vec![0; n], vec![0; n]);
    for orders in book.by_customer() {
        let joined = period.index(orders[0].date);
        let mut seen = None;
        for o in orders {
            let p = period.index(o.date);
            if p < first || seen == Some(p) {
                continue;
            }
            seen = Some(p);
            let at = (p - first) as usize;
            active[at] += 1;
            if p == joined {
                new[at] += 1;
                rows[at].customers += 1;
            } else if joined >= first {
                let c = (joined - first) as usize;
                rows[c].later[(p - joined - 1) as usize] += 1;
            }
        }
    }
    Cohorts {
        period,
        starts: (first..=last).map(|i| period.start(i)).collect(),
        rows,
        active,
        new,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::loyalty::measure::Order;

    fn order(customer: u32, month: u8) -> Order {
        Order {
            customer,
            date: Date::new(2026, month, 10).unwrap(),
            total: 10.0,
        }
    }

    #[test]
    fn each_months_new_customers_and_who_of_them_came_back() {
        // 0: Jan, Feb, Apr. 1: Jan, Jan. 2: Feb, Mar.
        let book = OrderBook {
            orders: vec![
                order(0, 1),
                order(0, 2),
                order(0, 4),
                order(1, 1),
                order(1, 1),
                order(2, 2),
                order(2, 3),
            ],
            customers: 3,
            ids: Vec::new(),
        };
        let c = of(&book, Period::Month);
        assert_eq!(c.starts.len(), 4);
        assert_eq!(c.rows[0].customers, 2);
        assert_eq!(c.rows[0].later, [1, 0, 1]);
        assert_eq!(c.rows[1].customers, 1);
        assert_eq!(c.rows[1].later, [1, 0]);
        assert_eq!(c.share(0, 0), Some(0.5));
        assert_eq!(c.active, [2, 2, 1, 1]);
        assert_eq!(c.new, [2, 1, 0, 0]);
    }
}

//! A shop's customer base as a map keeps it: what one order export said, in counts and fitted
//! parameters only (the cohorts, the customers per period, the forecast). No customer id and no
//! order of the export is in it, so it travels in files, share links and live rooms like the
//! rest of the map.

use super::cohorts::{Cohorts, MAX_COHORTS};
use super::columns::Mapping;
use super::forecast::{Forecast, Terms};
use super::kind::Source;
use super::measure::OrderSummary;
use serde::{Deserialize, Serialize};

/// The largest count or amount a customer base may hold: far beyond any shop (an export's
/// amounts are at most 10¹² each, and it has at most 500,000 rows), yet finite and printable.
const MAX_FIGURE: f64 = 1e18;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerBase {
    /// The order export's columns, so that next month's is one drop.
    pub mapping: Mapping,
    pub terms: Terms,
    pub summary: OrderSummary,
    pub cohorts: Cohorts,
    /// `None` where the export had too little to fit the models to (no repeat purchase).
    pub forecast: Option<Forecast>,
}

fn figure(v: f64) -> bool {
    v.is_finite() && (0.0..=MAX_FIGURE).contains(&v)
}

fn count(v: u64) -> bool {
    v as f64 <= MAX_FIGURE
}

impl CustomerBase {
    /// Whether its figures could have come from one order export: what a file or a live room
    /// gives is checked with this before it is shown, as every other figure is.
    pub fn is_consistent(&self) -> bool {
        self.mapping.source == Source::Orders
            && self.mapping.period == self.cohorts.period
            && (0.0..=1.0).contains(&self.terms.margin)
            && (0.0..=1.0).contains(&self.terms.discount)
            && self.summary_fits()
            && self.cohorts_fit()
            && self.forecast.as_ref().is_none_or(|f| self.forecast_fits(f))
    }

    fn summary_fits(&self) -> bool {
        let s = &self.summary;
        count(s.orders)
            && s.customers <= s.orders
            && s.repeat_customers <= s.customers
            && s.revenue.is_finite()
            && s.revenue.abs() <= MAX_FIGURE
            && match (s.first, s.last) {
                (Some(first), Some(last)) => first <= last,
                (None, None) => s.orders == 0,
                _ => false,
            }
    }

    fn cohorts_fit(&self) -> bool {
        let c = &self.cohorts;
        let n = c.starts.len();
        let first = c.starts.first().map(|&d| c.period.index(d));
        n <= MAX_COHORTS
            && c.rows.len() == n
            && c.active.len() == n
            && c.new.len() == n
            && c.starts
                .iter()
                .enumerate()
                .all(|(i, &d)| first.is_some_and(|f| d == c.period.start(f + i as i64)))
            && c.rows.iter().enumerate().all(|(i, row)| {
                row.customers == c.new[i]
                    && row.later.len() == n - i - 1
                    && row.later.iter().all(|&l| l <= row.customers)
            })
            && c.active.iter().zip(&c.new).all(|(&a, &n)| n <= a)
            && c.active.iter().all(|&a| a <= self.summary.customers)
    }

    fn forecast_fits(&self, f: &Forecast) -> bool {
        let m = &f.model.params;
        let customers = self.summary.customers as usize;
        let spend_fits = f.spend.as_ref().is_none_or(|s| {
            [s.params.p, s.params.q, s.params.gamma]
                .iter()
                .all(|&v| figure(v) && v > 0.0)
                && s.log_likelihood.is_finite()
                && s.customers <= customers
        });
        let clv_fits = f.clv.as_ref().is_none_or(|c| {
            [c.mean, c.p10, c.p50, c.p90, c.total]
                .iter()
                .all(|&v| figure(v))
                && c.p10 <= c.p50
                && c.p50 <= c.p90
        });
        [m.r, m.alpha, m.a, m.b]
            .iter()
            .all(|&v| figure(v) && v > 0.0)
            && f.model.log_likelihood.is_finite()
            && f.model.customers <= customers
            && f.first <= f.end
            && figure(f.repeat_purchases)
            && figure(f.active)
            && f.active <= self.summary.customers as f64
            && f.by_month.len() == 12
            && f.by_month.iter().all(|&v| figure(v))
            && f.spend.is_some() == f.clv.is_some()
            && spend_fits
            && clv_fits
    }

    /// The periods of the file before the first the cohorts keep (they keep the last
    /// [`MAX_COHORTS`]): counted in the forecast, not in the charts.
    pub fn periods_left_out(&self) -> usize {
        let period = self.cohorts.period;
        match (self.summary.first, self.cohorts.starts.first()) {
            (Some(first), Some(&kept)) => {
                (period.index(kept) - period.index(first)).max(0) as usize
            }
            _ => 0,
        }
    }

    /// The share of customers expected to be still buying, 0 to 1.
    pub fn active_share(&self) -> Option<f64> {
        let f = self.forecast.as_ref()?;
        (self.summary.customers > 0).then(|| f.active / self.summary.customers as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::loyalty::cohorts;
    use crate::model::loyalty::forecast;
    use crate::model::loyalty::measure::{Order, OrderBook};
    use crate::model::loyalty::Period;
    use crate::model::Date;
    use std::collections::BTreeMap;

    /// A small shop: every third customer comes back each month, some spend more.
    pub(crate) fn base() -> CustomerBase {
        let mut orders = Vec::new();
        for customer in 0..60u32 {
            let month = (customer % 6) as u8 + 1;
            let visits = 1 + customer % 3;
            for v in 0..visits {
                orders.push(Order {
                    customer,
                    date: Date::new(2026, month + v as u8, 1 + (customer % 20) as u8).unwrap(),
                    total: 20.0 + f64::from(customer % 7) * 5.0 + f64::from(v),
                });
            }
        }
        let book = OrderBook {
            orders,
            customers: 60,
            ids: Vec::new(),
        };
        let terms = Terms {
            margin: 0.3,
            discount: 0.1,
        };
        CustomerBase {
            mapping: Mapping {
                source: Source::Orders,
                period: Period::Month,
                columns: BTreeMap::new(),
            },
            terms,
            summary: book.summary(),
            cohorts: cohorts::of(&book, Period::Month),
            forecast: forecast::forecast(&book, terms),
        }
    }

    #[test]
    fn what_one_export_gives_is_consistent() {
        let b = base();
        assert!(b.forecast.is_some());
        assert!(b.is_consistent());
        let json = serde_json::to_string(&b).unwrap();
        let back: CustomerBase = serde_json::from_str(&json).unwrap();
        assert_eq!(back, b);
        // No customer's index or order is kept: only counts per period and the fit.
        assert!(!json.contains("\"customer\""));
    }

    #[test]
    fn figures_no_export_could_give_are_refused() {
        let broken: Vec<fn(&mut CustomerBase)> = vec![
            |b| b.terms.margin = 1.5,
            |b| b.terms.discount = f64::NAN,
            |b| b.mapping.source = Source::Survey,
            |b| b.mapping.period = Period::Quarter,
            |b| b.summary.repeat_customers = b.summary.customers + 1,
            |b| b.summary.revenue = f64::INFINITY,
            |b| b.summary.first = None,
            |b| b.cohorts.rows[0].later[0] = b.cohorts.rows[0].customers + 1,
            |b| b.cohorts.rows[0].customers += 1,
            |b| {
                b.cohorts.active.pop();
            },
            |b| b.cohorts.starts[1] = b.cohorts.starts[0],
            |b| {
                b.cohorts.rows[1].later.push(0);
            },
            |b| b.cohorts.starts = vec![b.cohorts.starts[0]; MAX_COHORTS + 1],
            |b| b.forecast.as_mut().unwrap().model.params.r = -1.0,
            |b| b.forecast.as_mut().unwrap().by_month.push(1.0),
            |b| b.forecast.as_mut().unwrap().active = 1e9,
            |b| b.forecast.as_mut().unwrap().clv.as_mut().unwrap().p10 = 1e6,
            |b| b.forecast.as_mut().unwrap().repeat_purchases = 1e300,
            |b| b.forecast.as_mut().unwrap().spend = None,
        ];
        for (i, breaks) in broken.iter().enumerate() {
            let mut b = base();
            breaks(&mut b);
            assert!(!b.is_consistent(), "case {i} passed");
        }
    }
}

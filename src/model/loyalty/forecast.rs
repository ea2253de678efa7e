//! The customer-base forecast: the BG/NBD model of repeat buying (Fader, Hardie & Lee, "Counting
//! your customers the easy way", Marketing Science 24(2), 2005) and the Gamma-Gamma model of
//! spend (Fader, Hardie & Lee, "RFM and CLV", Journal of Marketing Research 42(4), 2005), fitted
//! by maximum likelihood to an order book. Time is counted in weeks, as in those papers, so the
//! fitted parameters can be set beside their published tables.

use super::measure::{Order, OrderBook};
use crate::model::Date;
use libm::lgamma;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

const DAYS_PER_WEEK: f64 = 7.0;
/// A year of 52 weeks, cut into twelve months for discounting.
const YEAR_WEEKS: f64 = 52.0;

/// One customer as the models see them: repeat purchases `x` (days with an order after the
/// first such day), the week of the last (`t_x`), the weeks watched (`t`), and the mean spend
/// of the repeat purchases.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct History {
    pub x: u32,
    pub t_x: f64,
    pub t: f64,
    pub mean_spend: f64,
}

/// Each customer's history up to `end`, from their first order, in the book's order of
/// customers. Orders on one day are one purchase, as in the papers (free ones too: the CDNOW
/// data has them); a day whose orders add up to less than nothing (a refund) is none.
pub fn histories(book: &OrderBook, end: Date) -> Vec<History> {
    book.by_customer().filter_map(|o| history(o, end)).collect()
}

/// One customer's history from their orders (in date order) up to `end`; `None` where no day
/// of theirs is a purchase.
fn history(orders: &[Order], end: Date) -> Option<History> {
    let end = end.days();
    let days: Vec<(i64, f64)> = orders
        .chunk_by(|a, b| a.date == b.date)
        .map(|day| (day[0].date.days(), day.iter().map(|o| o.total).sum::<f64>()))
        .filter(|&(d, total)| total >= 0.0 && d <= end)
        .collect();
    let (&(first, _), repeats) = days.split_first()?;
    let last = days.last().map_or(first, |d| d.0);
    let spend: f64 = repeats.iter().map(|d| d.1).sum();
    Some(History {
        x: repeats.len() as u32,
        t_x: (last - first) as f64 / DAYS_PER_WEEK,
        t: (end - first) as f64 / DAYS_PER_WEEK,
        mean_spend: if repeats.is_empty() {
            0.0
        } else {
            spend / repeats.len() as f64
        },
    })
}

/// The BG/NBD model's parameters: purchase rates are gamma(`r`, `alpha`) across customers,
/// the chance of dropping out after a purchase is beta(`a`, `b`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

/// The Gamma-Gamma model's parameters: a customer's spend per purchase is gamma(`p`, ν), ν
/// gamma(`q`, `gamma`) across customers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GammaGamma {
    pub p: f64,
    pub q: f64,
    pub gamma: f64,
}

/// A model fitted: its parameters and the log-likelihood they reach.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fit<P> {
    pub params: P,
    pub log_likelihood: f64,
    pub customers: usize,
}

/// `ln(1 + e^u)` without overflow.
fn softplus(u: f64) -> f64 {
    if u > 0.0 {
        u + (-u).exp().ln_1p()
    } else {
        u.exp().ln_1p()
    }
}

/// Histories as the likelihood needs them: each distinct time (a `t` or `t_x`) once, and
/// customers with the same history counted once with how many share it. A shop's histories
/// fall on whole days, so a few hundred times serve tens of thousands of customers, and each
/// evaluation takes a logarithm per time, not per customer.
struct Grouped {
    times: Vec<f64>,
    /// `(x, index of t_x, index of t, customers)`.
    groups: Vec<(u32, usize, usize, f64)>,
    max_x: u32,
}

impl Grouped {
    fn of(histories: &[History]) -> Self {
        let mut index: HashMap<u64, usize> = HashMap::new();
        let mut times = Vec::new();
        let mut place = |t: f64| {
            *index.entry(t.to_bits()).or_insert_with(|| {
                times.push(t);
                times.len() - 1
            })
        };
        let mut counted: HashMap<(u32, usize, usize), f64> = HashMap::new();
        for h in histories {
            let key = (h.x, place(h.t_x), place(h.t));
            *counted.entry(key).or_default() += 1.0;
        }
        let mut groups: Vec<(u32, usize, usize, f64)> = counted
            .into_iter()
            .map(|((x, tx, t), n)| (x, tx, t, n))
            .collect();
        // A fixed order, so that the sum, and the fit, is the same on every run.
        groups.sort_by_key(|&(x, tx, t, _)| (x, tx, t));
        let max_x = histories.iter().map(|h| h.x).max().unwrap_or(0);
        Grouped {
            times,
            groups,
            max_x,
        }
    }
}

impl BgNbd {
    /// The log-likelihood of the grouped histories (FHL 2005, equation 6).
    fn log_likelihood(&self, grouped: &Grouped) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        // The terms that depend on x alone, once for each x.
        let by_x: Vec<(f64, f64)> = (0..=grouped.max_x)
            .map(|x| {
                let x = f64::from(x);
                let fixed =
                    lgamma(r + x) - lgamma(r) + r * alpha.ln() + lgamma(a + b) + lgamma(b + x)
                        - lgamma(b)
                        - lgamma(a + b + x);
                (fixed, a.ln() - (b + x - 1.0).ln())
            })
            .collect();
        let ln_times: Vec<f64> = grouped.times.iter().map(|t| (alpha + t).ln()).collect();
        grouped
            .groups
            .iter()
            .map(|&(x, tx, t, n)| {
                let (fixed, odds) = by_x[x as usize];
                let rx = r + f64::from(x);
                let rest = -rx * ln_times[t];
                let dropped = if x > 0 {
                    softplus(odds + rx * (ln_times[t] - ln_times[tx]))
                } else {
                    0.0
                };
                n * (fixed + rest + dropped)
            })
            .sum()
    }

    /// The parameters that make `histories` most likely.
    pub fn fit(histories: &[History]) -> Option<Fit<BgNbd>> {
        if histories.is_empty() || histories.iter().all(|h| h.x == 0) {
            return None;
        }
        let grouped = Grouped::of(histories);
        let mean_t = histories.iter().map(|h| h.t).sum::<f64>() / histories.len() as f64;
        let negative = |p: &[f64; 4]| {
            let params = BgNbd {
                r: p[0].exp(),
                alpha: p[1].exp(),
                a: p[2].exp(),
                b: p[3].exp(),
            };
            let ll = params.log_likelihood(&grouped);
            if ll.is_finite() {
                -ll
            } else {
                f64::INFINITY
            }
        };
        let start = [0.0, mean_t.max(1.0).ln(), 0.0, 0.0];
        let (best, value) = minimise(negative, start)?;
        Some(Fit {
            params: BgNbd {
                r: best[0].exp(),
                alpha: best[1].exp(),
                a: best[2].exp(),
                b: best[3].exp(),
            },
            log_likelihood: -value,
            customers: histories.len(),
        })
    }

    /// The chance a customer with history `h` is still buying (FHL 2005, equation 13).
    pub fn alive(&self, h: &History) -> f64 {
        if h.x == 0 {
            return 1.0;
        }
        let x = f64::from(h.x);
        let u = self.a.ln() - (self.b + x - 1.0).ln()
            + (self.r + x) * ((self.alpha + h.t).ln() - (self.alpha + h.t_x).ln());
        1.0 / (1.0 + u.exp())
    }

    /// The purchases a customer with history `h` is expected to make in the next `weeks`
    /// (FHL 2005, equation 10), whose series converges fast for customers with many purchases.
    pub fn expected(&self, h: &History, weeks: f64) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        let x = f64::from(h.x);
        let z = weeks / (alpha + h.t + weeks);
        let c = a + b + x - 1.0;
        let mut rest = (1.0 - z).powf(a - 1.0) * hypergeometric(a + b - 1.0 - r, a - 1.0, c, z);
        if !rest.is_finite() {
            // Where a and b are very large (every customer about as likely to drop out), that
            // series overflows before the power brings it back. Euler's transformation gives the
            // same product with terms that shrink from the start.
            rest = (1.0 - z).powf(r + x) * hypergeometric(r + x, b + x, c, z);
        }
        c / (a - 1.0) * (1.0 - rest) * self.alive(h)
    }
}

/// ₂F₁(a, b; c; z) for 0 ≤ z < 1, summed until a term no longer changes the sum.
fn hypergeometric(a: f64, b: f64, c: f64, z: f64) -> f64 {
    let (mut term, mut sum) = (1.0, 1.0);
    for n in 0..100_000 {
        let n = f64::from(n);
        term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
        sum += term;
        if term.abs() <= 1e-15 * sum.abs() || !sum.is_finite() {
            break;
        }
    }
    sum
}

impl GammaGamma {
    /// The log-likelihood of the customers who bought again: `(x, mean spend, ln of it)`.
    fn log_likelihood(&self, spenders: &[(u32, f64, f64)], max_x: u32) -> f64 {
        let GammaGamma { p, q, gamma } = *self;
        // The terms that depend on x alone, once for each x.
        let by_x: Vec<f64> = (0..=max_x)
            .map(|x| {
                let px = p * f64::from(x);
                lgamma(px + q) - lgamma(px) - lgamma(q) + q * gamma.ln() + px * f64::from(x).ln()
            })
            .collect();
        spenders
            .iter()
            .map(|&(x, m, ln_m)| {
                let px = p * f64::from(x);
                by_x[x as usize] + (px - 1.0) * ln_m - (px + q) * (gamma + m * f64::from(x)).ln()
            })
            .sum()
    }

    /// The parameters that make the repeat buyers' mean spends most likely.
    pub fn fit(histories: &[History]) -> Option<Fit<GammaGamma>> {
        let spenders: Vec<(u32, f64, f64)> = histories
            .iter()
            .filter(|h| h.x > 0 && h.mean_spend > 0.0)
            .map(|h| (h.x, h.mean_spend, h.mean_spend.ln()))
            .collect();
        let max_x = spenders.iter().map(|s| s.0).max().unwrap_or(0);
        if spenders.len() < 2 {
            return None;
        }
        let mean = spenders.iter().map(|s| s.1).sum::<f64>() / spenders.len() as f64;
        let negative = |v: &[f64; 3]| {
            let params = GammaGamma {
                p: v[0].exp(),
                q: v[1].exp(),
                gamma: v[2].exp(),
            };
            let ll = params.log_likelihood(&spenders, max_x);
            if ll.is_finite() {
                -ll
            } else {
                f64::INFINITY
            }
        };
        let (best, value) = minimise(negative, [0.0, 0.0, mean.ln()])?;
        Some(Fit {
            params: GammaGamma {
                p: best[0].exp(),
                q: best[1].exp(),
                gamma: best[2].exp(),
            },
            log_likelihood: -value,
            customers: spenders.len(),
        })
    }

    /// The spend per purchase expected of a customer with history `h`.
    pub fn expected_spend(&self, h: &History) -> f64 {
        let GammaGamma { p, q, gamma } = *self;
        let x = f64::from(h.x);
        p * (gamma + x * h.mean_spend) / (p * x + q - 1.0)
    }
}

/// How far from 1 a parameter may go, as a power of e: a model whose parameter runs off to 10⁹
/// (spend that hardly differs between customers sends the Gamma-Gamma's q and γ there) has
/// reached what the data can tell, and the search stops there rather than crawl on.
const LOG_BOUND: f64 = 20.0;
/// Evaluations of the likelihood a fit may take, all restarts together.
const EVALUATIONS: usize = 4000;

/// Nelder–Mead's simplex search for the least of `f` over log-parameters within
/// [`LOG_BOUND`], restarted from its best point until a restart finds nothing better (a simplex
/// can collapse before the least is reached).
fn minimise<const N: usize>(
    f: impl Fn(&[f64; N]) -> f64,
    start: [f64; N],
) -> Option<([f64; N], f64)> {
    let budget = std::cell::Cell::new(EVALUATIONS);
    let f = |p: &[f64; N]| {
        budget.set(budget.get().saturating_sub(1));
        if p.iter().any(|v| v.abs() > LOG_BOUND) {
            f64::INFINITY
        } else {
            f(p)
        }
    };
    let mut best = (start, f(&start));
    while budget.get() > 0 {
        let next = simplex(&f, best.0, &budget);
        let better = best.1 - next.1 > 1e-9 * best.1.abs().max(1.0);
        best = if next.1 < best.1 { next } else { best };
        if !better {
            break;
        }
    }
    best.1.is_finite().then_some(best)
}

fn simplex<const N: usize>(
    f: &impl Fn(&[f64; N]) -> f64,
    start: [f64; N],
    budget: &std::cell::Cell<usize>,
) -> ([f64; N], f64) {
    let mut points: Vec<([f64; N], f64)> = (0..=N)
        .map(|i| {
            let mut p = start;
            if i > 0 {
                p[i - 1] += 0.5;
            }
            (p, f(&p))
        })
        .collect();
    while budget.get() > 0 {
        points.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (best, worst) = (points[0].1, points[N].1);
        // Likelihoods a thousandth of a log-point apart, over parameters alike to 1 in 10⁶.
        let size = points[1..]
            .iter()
            .flat_map(|(p, _)| p.iter().zip(&points[0].0).map(|(a, b)| (a - b).abs()))
            .fold(0.0, f64::max);
        if (worst - best).abs() <= 1e-9 * best.abs().max(1.0) && size < 1e-6 {
            break;
        }
        let mut centre = [0.0; N];
        for (p, _) in &points[..N] {
            for k in 0..N {
                centre[k] += p[k] / N as f64;
            }
        }
        let along = |t: f64| -> [f64; N] {
            let mut p = [0.0; N];
            for k in 0..N {
                p[k] = centre[k] + t * (points[N].0[k] - centre[k]);
            }
            p
        };
        let reflected = along(-1.0);
        let fr = f(&reflected);
        if fr < points[0].1 {
            let expanded = along(-2.0);
            let fe = f(&expanded);
            points[N] = if fe < fr {
                (expanded, fe)
            } else {
                (reflected, fr)
            };
        } else if fr < points[N - 1].1 {
            points[N] = (reflected, fr);
        } else {
            let contracted = if fr < worst { along(-0.5) } else { along(0.5) };
            let fc = f(&contracted);
            if fc < fr.min(worst) {
                points[N] = (contracted, fc);
            } else {
                let first = points[0].0;
                for (p, v) in points.iter_mut().skip(1) {
                    for k in 0..N {
                        p[k] = first[k] + 0.5 * (p[k] - first[k]);
                    }
                    *v = f(p);
                }
            }
        }
    }
    points.sort_by(|a, b| a.1.total_cmp(&b.1));
    points[0]
}

/// What the margin and discount rate are for a lifetime value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// The share of revenue that is profit, 0 to 1.
    pub margin: f64,
    /// Yearly discount rate, 0.1 for 10 %.
    pub discount: f64,
}

/// The customer base a year ahead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forecast {
    pub model: Fit<BgNbd>,
    pub spend: Option<Fit<GammaGamma>>,
    /// The last day the fit saw.
    pub end: Date,
    pub first: Date,
    /// Repeat purchases the whole base is expected to make in the next 52 weeks.
    pub repeat_purchases: f64,
    /// Customers expected to be still buying now.
    pub active: f64,
    /// The predicted CLV of the next year per customer: its mean and the 10th, 50th and 90th
    /// percentile across customers; `None` without a spend model.
    pub clv: Option<Spread>,
    /// Expected repeat purchases by the whole base in each of the next twelve months.
    pub by_month: Vec<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spread {
    pub mean: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    pub total: f64,
}

/// Fits both models to `book` up to its last order and forecasts the next year under `terms`.
pub fn forecast(book: &OrderBook, terms: Terms) -> Option<Forecast> {
    let summary = book.summary();
    let (first, end) = (summary.first?, summary.last?);
    let mut histories = histories(book, end);
    let model = BgNbd::fit(&histories)?;
    let spend = GammaGamma::fit(&histories);
    // Customers alike are forecast once: twelve sums of a series each.
    histories.sort_by(|a, b| {
        (a.x, a.t_x, a.t, a.mean_spend)
            .partial_cmp(&(b.x, b.t_x, b.t, b.mean_spend))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut groups: Vec<(History, f64)> = Vec::new();
    for h in &histories {
        match groups.last_mut() {
            Some((last, n)) if last == h => *n += 1.0,
            _ => groups.push((*h, 1.0)),
        }
    }
    let mut by_month = vec![0.0; 12];
    let mut values: Vec<(f64, f64)> = Vec::new();
    let (mut repeat_purchases, mut active) = (0.0, 0.0);
    for &(h, n) in &groups {
        let ahead = year_ahead(&model.params, spend.as_ref().map(|s| &s.params), terms, &h);
        for (sum, p) in by_month.iter_mut().zip(ahead.purchases) {
            *sum += n * p;
        }
        repeat_purchases += n * ahead.purchases.iter().sum::<f64>();
        active += n * ahead.alive;
        values.push((ahead.value.unwrap_or(0.0), n));
    }
    let clv = spend.map(|_| spread(values));
    // A fit at the edge of what the numbers hold forecasts nothing rather than nonsense.
    let finite = by_month
        .iter()
        .chain([&repeat_purchases, &active])
        .all(|v| v.is_finite())
        && clv.is_none_or(|c| c.total.is_finite() && c.p90.is_finite());
    if !finite {
        return None;
    }
    Some(Forecast {
        model,
        spend,
        end,
        first,
        repeat_purchases,
        active,
        clv,
        by_month,
    })
}

/// What the models expect of one customer in the next 52 weeks.
#[derive(Clone, Copy)]
struct YearAhead {
    /// Repeat purchases in each of the twelve months.
    purchases: [f64; 12],
    alive: f64,
    /// The predicted value under the terms: margin × expected spend × purchases, each month's
    /// discounted; `None` without a spend model.
    value: Option<f64>,
}

fn year_ahead(model: &BgNbd, spend: Option<&GammaGamma>, terms: Terms, h: &History) -> YearAhead {
    let mut purchases = [0.0; 12];
    let mut before = 0.0;
    for (k, month) in purchases.iter_mut().enumerate() {
        let upto = model.expected(h, YEAR_WEEKS * (k + 1) as f64 / 12.0);
        *month = upto - before;
        before = upto;
    }
    let value = spend.map(|s| {
        let each = s.expected_spend(h);
        purchases
            .iter()
            .enumerate()
            .map(|(k, p)| {
                terms.margin * each * p / (1.0 + terms.discount).powf((k + 1) as f64 / 12.0)
            })
            .sum()
    });
    YearAhead {
        purchases,
        alive: model.alive(h),
        value,
    }
}

/// One customer's forecast, for the marketer to act on: never kept in the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerForecast {
    /// As the export names the customer.
    pub customer: String,
    pub first: Date,
    pub last: Date,
    /// Days with an order after the first.
    pub repeat_purchases: u32,
    /// The chance they are still a customer, 0 to 1.
    pub alive: f64,
    /// Repeat purchases expected in the next 52 weeks.
    pub expected: f64,
    pub value: Option<f64>,
}

/// Every customer's forecast under `forecast`'s fitted models, the likeliest buyers first.
/// Customers with the same history are worked out once: a shop's histories fall on whole days.
pub fn per_customer(book: &OrderBook, forecast: &Forecast, terms: Terms) -> Vec<CustomerForecast> {
    let spend = forecast.spend.as_ref().map(|s| &s.params);
    let mut known: HashMap<[u64; 4], YearAhead> = HashMap::new();
    let mut all: Vec<CustomerForecast> = book
        .by_customer()
        .filter_map(|orders| {
            let h = history(orders, forecast.end)?;
            let key = [
                u64::from(h.x),
                h.t_x.to_bits(),
                h.t.to_bits(),
                h.mean_spend.to_bits(),
            ];
            let ahead = *known
                .entry(key)
                .or_insert_with(|| year_ahead(&forecast.model.params, spend, terms, &h));
            Some(CustomerForecast {
                customer: book.ids.get(orders[0].customer as usize)?.clone(),
                first: orders[0].date,
                last: orders[orders.len() - 1].date,
                repeat_purchases: h.x,
                alive: ahead.alive,
                expected: ahead.purchases.iter().sum(),
                value: ahead.value,
            })
        })
        .collect();
    all.sort_by(|a, b| b.expected.total_cmp(&a.expected));
    all
}

/// The mean and percentiles of weighted values.
fn spread(mut values: Vec<(f64, f64)>) -> Spread {
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    let count: f64 = values.iter().map(|v| v.1).sum();
    let total: f64 = values.iter().map(|v| v.0 * v.1).sum();
    let at = |share: f64| {
        let mut seen = 0.0;
        values
            .iter()
            .find(|v| {
                seen += v.1;
                seen >= share * count
            })
            .map_or(0.0, |v| v.0)
    };
    Spread {
        mean: total / count.max(1.0),
        p10: at(0.1),
        p50: at(0.5),
        p90: at(0.9),
        total,
    }
}

#[cfg(test)]
mod tests;

//! The fit checked against the models' authors' own figures for the CDNOW sample (2,357
//! customers of an online CD shop, 39 weeks from 1 January 1997), and against the reference
//! implementation's: the Python package `lifetimes` 0.11.3, whose data sets these are (its
//! `cdnow_customers_summary_with_transactions.csv` and `CDNOW_sample.txt`, MIT licence).

use super::*;
use crate::model::loyalty::{measure, Mapping, Role, Source};

const SUMMARY: &str = include_str!("../../../../tests/data/cdnow-summary.csv");
const ORDERS: &str = include_str!("../../../../tests/data/cdnow-sample-orders.csv");

/// The columns of the order files here: `order,customer,date,…,total`.
fn orders_mapping() -> Mapping {
    Mapping {
        source: Source::Orders,
        period: Default::default(),
        columns: [
            (Role::OrderId, "order".into()),
            (Role::Customer, "customer".into()),
            (Role::Date, "date".into()),
            (Role::Total, "total".into()),
        ]
        .into(),
    }
}

/// The published summary: ID, x, t_x, T, zbar (mean repeat spend).
fn published() -> Vec<History> {
    SUMMARY
        .lines()
        .skip(1)
        .map(|line| {
            let f: Vec<f64> = line.split(',').map(|c| c.parse().unwrap()).collect();
            History {
                x: f[1] as u32,
                t_x: f[2],
                t: f[3],
                mean_spend: f[4],
            }
        })
        .collect()
}

fn close(found: f64, expected: f64, within: f64) -> bool {
    (found - expected).abs() <= within
}

#[test]
fn bg_nbd_on_cdnow_matches_fader_hardie_lee_2005_and_lifetimes() {
    let fit = BgNbd::fit(&published()).unwrap();
    let p = fit.params;
    // FHL 2005, section 5: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
    for (found, paper) in [(p.r, 0.243), (p.alpha, 4.414), (p.a, 0.793), (p.b, 2.426)] {
        assert!(close(found, paper, 0.0015), "{p:?}");
    }
    assert!(
        close(fit.log_likelihood, -9582.4, 0.1),
        "{}",
        fit.log_likelihood
    );
    // lifetimes 0.11.3's BetaGeoFitter on the same data.
    for (found, lifetimes) in [
        (p.r, 0.242593),
        (p.alpha, 4.413532),
        (p.a, 0.792886),
        (p.b, 2.425752),
    ] {
        assert!(close(found, lifetimes, 1e-4), "{p:?}");
    }
    // FHL's worked example: the customer with x = 2, t_x = 30.43, T = 38.86 makes 1.226
    // purchases in the next 39 weeks; lifetimes: 1.2259104, alive 0.7266091.
    let h = History {
        x: 2,
        t_x: 30.43,
        t: 38.86,
        mean_spend: 0.0,
    };
    assert!(close(p.expected(&h, 39.0), 1.2259104, 1e-4));
    assert!(close(p.alive(&h), 0.7266091, 1e-4));
    // The whole base (lifetimes): 2089.419 purchases in 52 weeks, 1917.276 alive.
    let all = published();
    let purchases: f64 = all.iter().map(|h| p.expected(h, 52.0)).sum();
    let alive: f64 = all.iter().map(|h| p.alive(h)).sum();
    assert!(close(purchases, 2089.419, 0.5), "{purchases}");
    assert!(close(alive, 1917.276, 0.5), "{alive}");
}

#[test]
fn gamma_gamma_on_cdnow_matches_fader_hardie_lee_and_lifetimes() {
    let fit = GammaGamma::fit(&published()).unwrap();
    let g = fit.params;
    assert_eq!(fit.customers, 946);
    // FHL, "RFM and CLV" (2005): p = 6.25, q = 3.74, γ = 15.44.
    for (found, paper) in [(g.p, 6.25), (g.q, 3.74), (g.gamma, 15.44)] {
        assert!(close(found, paper, 0.01), "{g:?}");
    }
    // lifetimes 0.11.3's GammaGammaFitter: p 6.248802, q 3.744588, v 15.447748; customer 1's
    // expected spend 24.658616, a customer with no repeat purchase 35.171002.
    for (found, lifetimes) in [(g.p, 6.248802), (g.q, 3.744588), (g.gamma, 15.447748)] {
        assert!(close(found, lifetimes, 2e-3), "{g:?}");
    }
    let first = published()[0];
    assert!(close(g.expected_spend(&first), 24.658616, 1e-2));
    let none = History {
        x: 0,
        t_x: 0.0,
        t: 38.86,
        mean_spend: 0.0,
    };
    assert!(close(g.expected_spend(&none), 35.171002, 1e-2));
}

#[test]
fn the_order_file_gives_the_published_summary_and_fit() {
    // The 39 weeks the papers fit on, as an order export: one row per order.
    let calibration: String = ORDERS
        .lines()
        .filter(|l| {
            l.split(',')
                .nth(2)
                .is_none_or(|d| d == "date" || d <= "1997-09-30")
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let mapping = orders_mapping();
    let today = Date::new(2026, 12, 6).unwrap();
    let (book, _) = measure::order_book(&calibration, &mapping, today).unwrap();
    let end = book.summary().last.unwrap();
    assert_eq!(end, Date::new(1997, 9, 30).unwrap());
    let mut mine = histories(&book, end);
    let mut theirs = published();
    let key = |h: &History| {
        (
            h.x,
            (h.t * 100.0).round() as i64,
            (h.t_x * 100.0).round() as i64,
        )
    };
    mine.sort_by_key(key);
    theirs.sort_by_key(key);
    assert_eq!(mine.len(), theirs.len());
    for (m, t) in mine.iter().zip(&theirs) {
        assert_eq!(m.x, t.x);
        assert!(
            close(m.t, t.t, 0.006) && close(m.t_x, t.t_x, 0.006),
            "{m:?} {t:?}"
        );
        assert!(close(m.mean_spend, t.mean_spend, 0.006), "{m:?} {t:?}");
    }
    let forecast = forecast(
        &book,
        Terms {
            margin: 0.3,
            discount: 0.1,
        },
    )
    .unwrap();
    assert!(close(forecast.model.params.r, 0.243, 0.0015));
    assert!(close(forecast.spend.unwrap().params.p, 6.25, 0.01));
    assert!(
        close(forecast.repeat_purchases, 2089.4, 1.0),
        "{}",
        forecast.repeat_purchases
    );
    assert!(close(
        forecast.by_month.iter().sum::<f64>(),
        forecast.repeat_purchases,
        1e-6
    ));
    let clv = forecast.clv.unwrap();
    assert!(clv.p10 <= clv.p50 && clv.p50 <= clv.p90 && clv.mean > 0.0);
}

#[test]
fn dropout_alike_for_every_customer_still_forecasts() {
    // A small shop's fit can send a and b to 10⁷ (its customers drop out alike), where the
    // expectation's first series overflows: it must give what the model gives just short of it.
    let h = History {
        x: 2,
        t_x: 20.0,
        t: 30.0,
        mean_spend: 25.0,
    };
    let at = |scale: f64| {
        BgNbd {
            r: 0.94,
            alpha: 8.5,
            a: 1.06 * scale,
            b: scale,
        }
        .expected(&h, 52.0)
    };
    let (huge, large) = (at(1.16e7), at(1.16e4));
    assert!(huge.is_finite() && huge > 0.0, "{huge}");
    assert!(close(huge, large, 0.001 * large), "{huge} {large}");
}

#[test]
fn each_customer_forecast_adds_up_to_the_base_and_names_the_customer() {
    let text = "order,customer,date,total\n1,=ann,2026-01-05,10\n2,=ann,2026-02-05,12\n3,=ann,2026-04-01,9\n4,bob,2026-01-09,8\n5,bob,2026-03-09,30\n6,cy,2026-02-11,30\n7,dee,2026-03-01,5\n";
    let mapping = orders_mapping();
    let (book, _) = measure::order_book(text, &mapping, Date::new(2026, 12, 6).unwrap()).unwrap();
    let terms = Terms {
        margin: 0.3,
        discount: 0.1,
    };
    let f = forecast(&book, terms).unwrap();
    let each = per_customer(&book, &f, terms);
    assert_eq!(each.len(), 4);
    let sum: f64 = each.iter().map(|c| c.expected).sum();
    assert!(close(sum, f.repeat_purchases, 1e-9 * sum.max(1.0)), "{sum}");
    let value: f64 = each.iter().filter_map(|c| c.value).sum();
    assert!(close(value, f.clv.unwrap().total, 1e-9 * value.max(1.0)));
    assert!(each.windows(2).all(|w| w[0].expected >= w[1].expected));
    let ann = each.iter().find(|c| c.customer == "=ann").unwrap();
    assert_eq!(
        (ann.repeat_purchases, ann.first, ann.last),
        (
            2,
            Date::new(2026, 1, 5).unwrap(),
            Date::new(2026, 4, 1).unwrap()
        )
    );
    assert!((0.0..=1.0).contains(&ann.alive));
}

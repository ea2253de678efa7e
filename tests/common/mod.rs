//! What several test files need alike; each uses only some of it.
#![allow(dead_code)]

use journey_mapper::model::loyalty::forecast::Terms;
use journey_mapper::model::loyalty::work::{self, Job, Outcome};
use journey_mapper::model::loyalty::{CustomerBase, Mapping, Period, Source};
use journey_mapper::model::Date;

/// A small shop's order export: three customers, one of them back in February.
pub const SMALL_SHOP: &str = "Order ID,Customer ID,Order date,Total\n1,a,2026-01-05,10\n2,a,2026-02-05,12\n3,b,2026-01-09,8\n4,c,2026-02-11,30\n";

/// The customer base of an order export `file` per `period`, read as the app reads one: its
/// columns guessed from the header, then its cohorts counted and the models fitted.
pub fn customer_base(file: &str, period: Period) -> CustomerBase {
    let Outcome::Preview { guess, .. } = work::run(
        &Job::Preview {
            source: Source::Orders,
        },
        file.as_bytes(),
    ) else {
        panic!("no preview");
    };
    let job = Job::Forecast {
        mapping: Mapping { period, ..guess },
        today: Date::new(2026, 12, 6).unwrap(),
        terms: Terms {
            margin: 0.3,
            discount: 0.1,
        },
    };
    match work::run(&job, file.as_bytes()) {
        Outcome::Forecast {
            base: Some(base), ..
        } => *base,
        other => panic!("not measured: {other:?}"),
    }
}

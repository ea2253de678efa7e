//! What the analytics worker reads (`model::loyalty::work`): any bytes as a survey, order or
//! campaign export, previewed, measured for any kind with the columns guessed from its header,
//! and forecast — never a crash; every measurement it hands back is of its KPI's kind (its value
//! the one its counts give), problems are capped, and the page reads the outcome the worker wrote.
#![no_main]

use journey_mapper::model::limits;
use journey_mapper::model::loyalty::work::{self, Job, Outcome};
use journey_mapper::model::loyalty::forecast::Terms;
use journey_mapper::model::loyalty::{KpiKind, Period, Source};
use journey_mapper::model::Date;
use libfuzzer_sys::fuzz_target;


fn round_trip(outcome: &Outcome) {
    let passed = serde_json::to_string(outcome).expect("an outcome is plain data");
    let received: Outcome = serde_json::from_str(&passed).expect("the page reads what the worker wrote");
    assert_eq!(&received, outcome);
}

fuzz_target!(|input: (u8, bool, &[u8])| {
    let (pick, quarter, bytes) = input;
    let kinds: Vec<KpiKind> = KpiKind::ALL.into_iter().filter(|k| k.source().is_some()).collect();
    let kind = kinds[usize::from(pick) % kinds.len()];
    let source = kind.source().expect("kinds measured from a file");
    let today = Date::new(2026, 12, 6).unwrap();
    let preview = work::run(&Job::Preview { source }, bytes);
    round_trip(&preview);
    let Outcome::Preview { header, rows, mut guess } = preview else {
        return;
    };
    assert!(rows.len() <= work::PREVIEW_ROWS);
    assert!(header.len() >= 2);
    guess.period = if quarter { Period::Quarter } else { Period::Month };
    let measured = work::run(&Job::Measure { kind, mapping: guess.clone(), today }, bytes);
    round_trip(&measured);
    if let Outcome::Measured(m) = &measured {
        assert!(m.report.problems.len() <= limits::PROBLEMS_LISTED);
        for found in &m.found {
            assert!(kind.fits(found), "{found:?} is not of {kind:?}");
        }
    }
    if source == Source::Orders {
        let terms = Terms { margin: 0.3, discount: 0.1 };
        round_trip(&work::run(&Job::Forecast { mapping: guess, today, terms }, bytes));
    }
});

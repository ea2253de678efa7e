//! `cargo bench --bench model`: the model on a large map (20 phases × 50 touchpoints × 10 KPIs × 36 measurements).

use divan::{black_box, Bencher};
use journey_mapper::model::exchange;
use journey_mapper::model::generate::{self, Size};

fn main() {
    divan::main();
}

#[divan::bench]
fn parse_and_validate(bencher: Bencher) {
    let text = exchange::export_map(&generate::map(1, Size::LARGE), None);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| exchange::import(black_box(&text)).unwrap());
}

#[divan::bench]
fn serialize(bencher: Bencher) {
    let map = generate::map(1, Size::LARGE);
    bencher.bench(|| exchange::export_map(black_box(&map), None));
}

/// What keeping a version of the large map costs: packing it (export, deflate, base64url), and
/// comparing two versions of it.
mod versions {
    use super::*;
    use journey_mapper::model::{share, versions};

    #[divan::bench]
    fn pack_for_a_link(bencher: Bencher) {
        let map = generate::map(1, Size::LARGE);
        bencher.bench(|| share::pack(black_box(&map)));
    }

    /// The day's version as the first save of a day takes it: list the map's versions, cut the
    /// stored entry's map out, pack it quickly, store it (in memory here).
    #[divan::bench]
    fn the_days_version(bencher: Bencher) {
        use journey_mapper::storage::{Memory, Store};
        let map = generate::map(1, Size::LARGE);
        let (mut store, _, _) = Store::open(Box::new(Memory::default()), 1).unwrap();
        store.save(&map).unwrap();
        let mut day = 0;
        bencher.bench_local(|| {
            day += 1;
            let now = format!("{:04}-01-01T09:00:00Z", 2027 + day);
            store.hold_daily(&map.id, &now);
            store.keep_held(day);
        });
    }

    #[divan::bench]
    fn unpack(bencher: Bencher) {
        let packed = share::pack(&generate::map(1, Size::LARGE));
        bencher.bench(|| share::decode(black_box(&packed)).unwrap());
    }

    #[divan::bench]
    fn compare(bencher: Bencher) {
        let map = generate::map(1, Size::LARGE);
        let mut other = map.clone();
        for phase in other.phases.iter_mut().step_by(2) {
            phase.touchpoints.pop();
            phase.name.push('!');
        }
        bencher.bench(|| versions::compare(black_box(&map), black_box(&other)));
    }
}

#[divan::bench]
fn apply_1000_edits(bencher: Bencher) {
    let map = generate::map(1, Size::LARGE);
    let edits = generate::edits(&map, 2, 1000);
    bencher
        .with_inputs(|| (map.clone(), edits.clone()))
        .bench_values(|(mut map, edits)| {
            for edit in edits {
                map.apply(edit).unwrap();
            }
            map
        });
}

/// Working out and drawing each chart of the large map (into SVG; the app draws the same on canvas).
mod charts {
    use super::*;
    use journey_mapper::charts::draw::Look;
    use journey_mapper::charts::{data, draw};
    use journey_mapper::i18n::Lang;
    use plotters::prelude::*;

    const LOOK: Look = Look {
        lang: Lang::En,
        scale: 1.0,
    };

    fn svg(render: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>)) -> String {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (720, 360)).into_drawing_area();
            render(&root);
            root.present().unwrap();
        }
        out
    }

    #[divan::bench]
    fn experience(bencher: Bencher) {
        let map = generate::map(1, Size::LARGE);
        bencher.bench(|| {
            svg(|a| draw::experience(a, &data::experience(black_box(&map)), LOOK).unwrap())
        });
    }

    #[divan::bench]
    fn progress(bencher: Bencher) {
        let map = generate::map(1, Size::LARGE);
        bencher
            .bench(|| svg(|a| draw::progress(a, &data::progress(black_box(&map)), LOOK).unwrap()));
    }

    #[divan::bench]
    fn trend(bencher: Bencher) {
        let map = generate::map(1, Size::LARGE);
        let kpi = &map.phases[0].kpis[0];
        bencher.bench(|| svg(|a| draw::trend(a, &data::trend(black_box(kpi)), LOOK).unwrap()));
    }

    #[divan::bench]
    fn coverage(bencher: Bencher) {
        let map = generate::map(1, Size::LARGE);
        bencher
            .bench(|| svg(|a| draw::coverage(a, &data::coverage(black_box(&map)), LOOK).unwrap()));
    }
}

/// An order export of 100,000 orders (about 6 MB) measured, and the customer base fitted.
mod loyalty {
    use super::*;
    use journey_mapper::model::loyalty::forecast::{self, Terms};
    use journey_mapper::model::loyalty::{measure, KpiKind, Mapping, Source};
    use journey_mapper::model::Date;

    fn export() -> (String, Mapping, Date) {
        let end = Date::new(2026, 11, 30).unwrap();
        let text = generate::order_export(1, 100_000, end, true);
        let header: Vec<String> = text
            .lines()
            .next()
            .unwrap()
            .split(';')
            .map(String::from)
            .collect();
        (text, Mapping::guess(Source::Orders, &header), end)
    }

    #[divan::bench(sample_count = 10)]
    fn measure_100k_orders(bencher: Bencher) {
        let (text, mapping, end) = export();
        bencher
            .counter(divan::counter::BytesCount::of_str(&text))
            .bench(|| {
                measure::measure(black_box(&text), KpiKind::RetentionRate, &mapping, end).unwrap()
            });
    }

    #[divan::bench(sample_count = 10)]
    fn forecast_100k_orders(bencher: Bencher) {
        let (text, mapping, end) = export();
        let (book, _) = measure::order_book(&text, &mapping, end).unwrap();
        bencher.bench(|| {
            forecast::forecast(
                black_box(&book),
                Terms {
                    margin: 0.3,
                    discount: 0.1,
                },
            )
            .unwrap()
        });
    }
}

//! Every chart drawn into SVG and compared with the snapshot kept in tests/snapshots/, which was
//! reviewed by eye. After an intended change: `UPDATE_SNAPSHOTS=1 cargo test --test charts`, then
//! look at the changed SVGs before committing them.

mod common;

use journey_mapper::charts::draw::Look;
use journey_mapper::charts::{customers, data, draw};
use journey_mapper::i18n::Lang;
use journey_mapper::model::generate::{self, Size};
use journey_mapper::model::loyalty::{CustomerBase, Period};
use journey_mapper::model::templates::Template;
use journey_mapper::model::{
    Color, Date, Direction, Emotion, JourneyMap, Kpi, Measurement, Persona,
};
use plotters::prelude::*;
use std::path::Path;

const W: u32 = 720;
const H: u32 = 360;

fn svg(render: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>)) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
        render(&root);
        root.present()
            .expect("an SVG string always takes the drawing");
    }
    svg
}

fn snapshot(name: &str, render: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>)) {
    let svg = svg(render);
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.svg"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &svg).unwrap();
        return;
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}: run with UPDATE_SNAPSHOTS=1 and review it",
            path.display()
        )
    });
    assert!(
        kept == svg,
        "{name} differs from its snapshot; if intended, update and review it"
    );
}

fn template() -> JourneyMap {
    let mut map = Template::SeeThinkDoCare.build(Lang::En, "m", "Webshop");
    for (i, kpi) in map
        .phases
        .iter_mut()
        .flat_map(|p| p.kpis.iter_mut())
        .enumerate()
    {
        kpi.baseline = Some(10.0);
        kpi.target = Some(20.0);
        let value = 8.0 + i as f64 * 2.5;
        kpi.measurements = vec![
            Measurement::typed(Date::parse("2026-01-01").unwrap(), 9.0),
            Measurement::typed(Date::parse("2026-02-01").unwrap(), value),
        ];
    }
    map
}

fn long_labels() -> JourneyMap {
    let mut map = template();
    for phase in &mut map.phases {
        phase.name = format!(
            "{} — a phase name far too long for any chart band",
            phase.name
        );
        for t in &mut phase.touchpoints {
            t.channel = format!(
                "{} through a channel with an extremely long name",
                t.channel
            );
        }
        for k in &mut phase.kpis {
            k.name = format!("{} measured in a way that needs a very long name", k.name);
        }
    }
    map
}

fn extreme() -> (JourneyMap, Kpi) {
    let mut map = template();
    for phase in &mut map.phases {
        for t in &mut phase.touchpoints {
            t.emotion = Emotion::new(if t.name.len() % 2 == 0 { 2 } else { -2 });
        }
    }
    map.phases[0].kpis[0].measurements[1].value = 1.0e9;
    map.phases[0].kpis[1].measurements[1].value = -1.0e9;
    let kpi = Kpi {
        unit: "€".into(),
        direction: Direction::Decrease,
        baseline: Some(-5.0e6),
        target: Some(1.0e-3),
        measurements: vec![
            Measurement::typed(Date::parse("1999-12-31").unwrap(), 7.5e8),
            Measurement::typed(Date::parse("2000-01-01").unwrap(), -3.0e8),
            Measurement::typed(Date::parse("2030-06-30").unwrap(), 0.0),
        ],
        ..Kpi::new("k", "Huge swings")
    };
    (map, kpi)
}

fn every_chart(name: &str, map: &JourneyMap, kpi: &Kpi, lang: Lang) {
    let lang = Look { lang, scale: 1.0 };
    snapshot(&format!("{name}-experience"), |a| {
        draw::experience(a, &data::experience(map), lang).unwrap()
    });
    snapshot(&format!("{name}-progress"), |a| {
        draw::progress(a, &data::progress(map), lang).unwrap()
    });
    snapshot(&format!("{name}-trend"), |a| {
        draw::trend(a, &data::trend(kpi), lang).unwrap()
    });
    snapshot(&format!("{name}-coverage"), |a| {
        draw::coverage(a, &data::coverage(map), lang).unwrap()
    });
    snapshot(&format!("{name}-curve-lane"), |a| {
        draw::curve_lane(a, &data::experience(map).curve(), lang).unwrap()
    });
    let plan = data::plan(map);
    snapshot(&format!("{name}-budget"), |a| {
        draw::budget(a, &plan, lang).unwrap()
    });
    snapshot(&format!("{name}-pressure"), |a| {
        draw::pressure(a, &plan, lang).unwrap()
    });
    snapshot(&format!("{name}-votes"), |a| {
        draw::votes(a, &plan, lang).unwrap()
    });
}

#[test]
fn normal_data() {
    let map = template();
    let kpi = map.phases[3].kpis[0].clone();
    every_chart("normal", &map, &kpi, Lang::En);
    every_chart(
        "normal-nl",
        &Template::KijkKiesKoop.build(Lang::Nl, "m", "Webwinkel"),
        &kpi,
        Lang::Nl,
    );
}

#[test]
fn empty_data_draws_a_friendly_message() {
    let map = Template::Blank.build(Lang::En, "m", "Empty");
    let one_point = Kpi {
        measurements: template().phases[0].kpis[0].measurements[..1].to_vec(),
        ..template().phases[0].kpis[0].clone()
    };
    every_chart("empty", &map, &one_point, Lang::En);
}

#[test]
fn extreme_values() {
    let (map, kpi) = extreme();
    every_chart("extreme", &map, &kpi, Lang::En);
}

#[test]
fn fifty_phases() {
    let map = generate::map(
        9,
        Size {
            phases: 50,
            touchpoints: 500,
            kpis: 100,
            measurements: 24,
            ..Size::SMALL
        },
    );
    let kpi = map.phases[0].kpis[0].clone();
    every_chart("fifty-phases", &map, &kpi, Lang::En);
}

#[test]
fn long_labels_are_shortened() {
    let map = long_labels();
    let kpi = map.phases[2].kpis[0].clone();
    every_chart("long-labels", &map, &kpi, Lang::En);
    let svg_has_ellipsis = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/long-labels-coverage.svg"),
    )
    .unwrap();
    assert!(svg_has_ellipsis.contains('…'));
}

#[test]
fn the_curve_leaves_names_out_and_draws_the_same() {
    let map = generate::map(3, Size::WORKSHOP);
    let full = data::experience(&map);
    let curve = full.curve();
    assert!(curve.points.iter().all(|p| p.name.is_empty()));
    assert_eq!(
        curve.points.iter().map(|p| p.score).collect::<Vec<_>>(),
        full.points.iter().map(|p| p.score).collect::<Vec<_>>()
    );
    let mut renamed = map.clone();
    renamed.phases[0].touchpoints[0].name = "Another name".into();
    assert_eq!(data::experience(&renamed).curve(), curve);
    let look = Look {
        lang: Lang::En,
        scale: 1.0,
    };
    let drawn = |e: &data::Experience| svg(|a| draw::experience(a, e, look).unwrap());
    assert_eq!(drawn(&full), drawn(&curve));
}

#[test]
fn two_curves_in_one_chart() {
    let before = template();
    let mut after = before.clone();
    for (i, t) in after.phases[1].touchpoints.iter_mut().enumerate() {
        t.emotion = Emotion::new(if i % 2 == 0 { 2 } else { -2 });
    }
    after.phases.pop();
    let curves = vec![
        ("Before the workshop".to_owned(), data::experience(&before)),
        ("After the workshop".to_owned(), data::experience(&after)),
    ];
    let look = Look {
        lang: Lang::En,
        scale: 1.0,
    };
    snapshot("compare-curves", |a| {
        draw::curves(a, &curves, look).unwrap()
    });
    snapshot("compare-curves-empty", |a| {
        draw::curves(a, &[], look).unwrap()
    });
    let table = journey_mapper::charts::tables::curves_table(&curves, Lang::Nl);
    assert_eq!(table.0[0], "Naam");
    assert_eq!(table.1[0][0], "Before the workshop");
    assert!(table.1.iter().any(|row| row[0] == "After the workshop"));
}

#[test]
fn one_curve_per_persona_where_a_map_has_more_than_one() {
    let mut map = template();
    let look = Look {
        lang: Lang::En,
        scale: 1.0,
    };
    // One persona: the one curve, as without personas.
    let one = data::experience(&map);
    assert!(one.personas.is_empty());
    map.personas
        .push(Persona::new("bram", "Bram", Color::rgb(0xd6, 0x27, 0x28)));
    // Bram feels worse at the first touchpoint of each phase, and rates one the map leaves unrated.
    for phase in &mut map.phases {
        let t = &mut phase.touchpoints[0];
        t.emotions.insert("bram".into(), Emotion::new(-2).unwrap());
    }
    let both = data::experience(&map);
    let names: Vec<&str> = both.personas.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Sanne, online shopper", "Bram"]);
    assert_eq!(
        both.personas[0].curve.points, one.points,
        "Sanne feels as the touchpoints say"
    );
    assert!(
        both.personas[1]
            .curve
            .points
            .iter()
            .filter(|p| p.score == -2)
            .count()
            >= 4
    );
    snapshot("personas-experience", |a| {
        draw::experience(a, &both, look).unwrap()
    });
    snapshot("personas-curve-lane", |a| {
        draw::curve_lane(a, &both.curve(), look).unwrap()
    });
    let (head, rows) = journey_mapper::charts::tables::experience_table(&both, Lang::En);
    assert_eq!(head[0], "Name");
    assert!(rows.iter().any(|r| r[0] == "Bram" && r[3] == "−2"));
}

/// The texts of an SVG drawn from the left (`text-anchor="start"`): where each starts, and what
/// it says.
fn texts_from_the_left(svg: &str) -> Vec<(f64, String)> {
    let unescape = |t: &str| {
        t.replace("&apos;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    svg.split("<text ")
        .skip(1)
        .filter(|t| t.contains("text-anchor=\"start\""))
        .map(|t| {
            let (x, _) = t
                .trim_start_matches("x=\"")
                .split_once('"')
                .expect("x first");
            let (_, rest) = t.split_once('>').expect("a text element");
            let (text, _) = rest.split_once("</text>").expect("closed");
            (x.parse().expect("x is a number"), unescape(text.trim()))
        })
        .collect()
}

#[test]
fn the_plan_charts_notes_stay_inside_the_chart() {
    // Long phase names make long notes ("… · KPIs: 0 on track, 0 behind, 2 without data").
    let mut map = template();
    for phase in &mut map.phases {
        phase.name = format!("{} with a rather long name for a phase", phase.name);
    }
    let plan = data::plan(&map);
    let look = Look {
        lang: Lang::Nl,
        scale: 1.0,
    };
    // The votes chart draws its bars the same way (the template has no votes).
    type Chart = fn(&DrawingArea<SVGBackend, plotters::coord::Shift>, &data::Plan, Look);
    let charts: [Chart; 2] = [
        |a, p, l| draw::budget(a, p, l).unwrap(),
        |a, p, l| draw::pressure(a, p, l).unwrap(),
    ];
    for chart in charts {
        let notes = texts_from_the_left(&svg(|a| chart(a, &plan, look)));
        assert!(!notes.is_empty());
        for (x, note) in notes {
            // 7.5 px a character: the charts' estimate of their labels' width on a canvas.
            let right = x + note.chars().count() as f64 * 7.5;
            assert!(right <= f64::from(W), "{note:?} ends at {right}, past {W}");
        }
    }
}

/// The customer base of the CDNOW orders (January 1997 to June 1998) as the analytics worker
/// makes it from the file, per `period`.
fn cdnow_base(period: Period) -> CustomerBase {
    common::customer_base(include_str!("data/cdnow-sample-orders.csv"), period)
}

fn customer_charts(name: &str, base: &Option<CustomerBase>, lang: Lang) {
    let look = Look { lang, scale: 1.0 };
    snapshot(&format!("{name}-cohorts"), |a| {
        customers::cohorts(a, base, look).unwrap()
    });
    snapshot(&format!("{name}-customer-base"), |a| {
        customers::base(a, base, look).unwrap()
    });
}

#[test]
fn the_customer_base_charts() {
    let month = cdnow_base(Period::Month);
    assert!(month.is_consistent());
    customer_charts("normal", &Some(month), Lang::En);
    customer_charts("normal-nl", &Some(cdnow_base(Period::Quarter)), Lang::Nl);
    customer_charts("empty", &None, Lang::En);
}

#[test]
fn the_cohort_table_counts_what_the_file_says() {
    let base = Some(cdnow_base(Period::Month));
    let (head, rows) = customers::cohorts_table(&base, Lang::En);
    assert_eq!(rows.len(), 18);
    assert_eq!(head.len(), 2 + 17);
    // Worked out here from the file itself: who first bought in January 1997, and which of
    // them bought again in February.
    let mut first: std::collections::HashMap<&str, &str> = Default::default();
    let mut february = std::collections::HashSet::new();
    for line in include_str!("data/cdnow-sample-orders.csv").lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let month = &cells[2][..7];
        first.entry(cells[1]).or_insert(month);
        if month == "1997-02" {
            february.insert(cells[1]);
        }
    }
    let january: Vec<&&str> = first
        .iter()
        .filter(|(_, m)| **m == "1997-01")
        .map(|(c, _)| c)
        .collect();
    let back = january.iter().filter(|c| february.contains(**c)).count();
    assert_eq!(rows[0][0], "Jan 1997");
    assert_eq!(rows[0][1], january.len().to_string());
    let share = (back as f64 / january.len() as f64 * 1000.0).round() / 10.0;
    assert_eq!(rows[0][2], format!("{share} % ({back})"));
    // The newest cohort has no later period yet.
    assert!(rows[17][2..].iter().all(String::is_empty));
    // The base's table: eighteen months counted, then twelve forecast.
    let (_, rows) = customers::base_table(&base, Lang::En);
    assert_eq!(rows.len(), 18 + 12);
    assert_eq!(rows[0][1], january.len().to_string());
    assert!(rows[18][1].is_empty() && !rows[18][4].is_empty());
    assert_eq!(rows[18][0], "Jul 1998");
}

#[test]
fn thirty_six_cohorts_at_most_however_long_the_file() {
    // Five years of a shop: a new customer each week, each buying again two months later.
    let mut file = String::from("order,customer,date,total\n");
    let start = Date::new(2020, 1, 1).unwrap().days();
    for week in 0..260 {
        let day = Date::from_days(start + week * 7).unwrap();
        let again = Date::from_days(start + week * 7 + 61).unwrap();
        file += &format!("a{week},c{week},{day},10\nb{week},c{week},{again},12\n");
    }
    let base = common::customer_base(&file, Period::Month);
    assert_eq!(base.cohorts.starts.len(), 36);
    assert!(base.is_consistent());
    customer_charts("long", &Some(base), Lang::En);
}

/// A template's pain points and ideas scored as a workshop would: several in one place, and one
/// in each corner.
fn scored() -> JourneyMap {
    use journey_mapper::model::workshop::Score;
    let mut map = Template::SeeThinkDoCare.build(Lang::En, "m", "Scored");
    let scores = [
        (5, 5, 1),
        (4, 5, 1),
        (5, 4, 1),
        (2, 1, 5),
        (1, 2, 1),
        (5, 5, 5),
        (3, 3, 3),
        (2, 3, 4),
    ];
    let cards = map
        .phases
        .iter_mut()
        .flat_map(|p| p.cards.values_mut().flatten());
    for (card, (customer, business, effort)) in cards.step_by(2).zip(scores) {
        card.score = Some(Score {
            customer,
            business,
            effort,
        });
    }
    map
}

#[test]
fn the_priority_matrix() {
    use journey_mapper::charts::priorities;
    let look = |lang| Look { lang, scale: 1.0 };
    let points = priorities::of(&scored());
    assert_eq!(points.len(), 8);
    snapshot("normal-priorities", |a| {
        priorities::matrix(a, &points, look(Lang::En)).unwrap()
    });
    snapshot("normal-nl-priorities", |a| {
        priorities::matrix(a, &points, look(Lang::Nl)).unwrap()
    });
    snapshot("empty-priorities", |a| {
        priorities::matrix(a, &[], look(Lang::En)).unwrap()
    });
    // Many cards at one place: one point that says how many, not a column into the next
    // quadrant; three or fewer each with their own label.
    let crowd: Vec<_> = (0..5)
        .map(|i| priorities::Point {
            text: format!("Idea {i}"),
            ..points[0].clone()
        })
        .collect();
    let drawn = svg(|a| priorities::matrix(a, &crowd, look(Lang::En)).unwrap());
    assert!(drawn.contains("5 cards here, listed in the table"));
    assert!(!drawn.contains("Idea 0"));
    let drawn = svg(|a| priorities::matrix(a, &crowd[..3], look(Lang::En)).unwrap());
    assert!(["Idea 0", "Idea 1", "Idea 2"]
        .iter()
        .all(|t| drawn.contains(t)));
    let (head, rows) = priorities::table(&points, Lang::En);
    assert_eq!(head[5], "Quadrant");
    assert_eq!(&rows[0][1..], ["5", "5", "1", "5", "Quick wins"]);
    assert_eq!(
        rows.last().unwrap()[5],
        "Thankless tasks",
        "least value, most effort last"
    );
}

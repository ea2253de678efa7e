//! Exchange format v1: what export writes, and every problem import reports.

use journey_mapper::i18n::Lang;
use journey_mapper::model::csv::{self, Separator};
use journey_mapper::model::exchange::{self, Imported, Problem};
use journey_mapper::model::generate::{self, Size};
use journey_mapper::model::share;
use journey_mapper::model::{
    limits, Color, Date, Direction, Edit, EditError, Emotion, JourneyMap, Kpi, Measurement, Phase,
    TextField, Touchpoint,
};
use journey_mapper::storage::entry::{self, Decoded};
use proptest::prelude::*;
use serde_json::{json, Value};

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(Problem::to_string).collect()
}

fn errors_of(doc: Value) -> Vec<String> {
    match exchange::import(&doc.to_string()) {
        Ok(imported) => panic!("imported although invalid: {imported:?}"),
        Err(problems) => messages(&problems),
    }
}

fn minimal() -> Value {
    json!({ "format": "journey-map", "version": 1, "map": {
        "id": "m1", "title": "See Think Do Care", "description": "",
        "phases": [
            { "id": "p1", "name": "See", "description": "", "goal": "", "color": "#1f77b4",
              "touchpoints": [ { "id": "t1", "name": "Display ads", "channel": "Display", "description": "", "emotion": 1, "owner": "" } ],
              "kpis": [] },
            { "id": "p2", "name": "Think", "description": "", "goal": "", "color": "#ff7f0e", "touchpoints": [], "kpis": [] },
            { "id": "p3", "name": "Do", "description": "", "goal": "", "color": "#2ca02c", "touchpoints": [],
              "kpis": [ { "id": "k1", "name": "Conversion", "unit": "%", "direction": "increase", "baseline": 1.5, "target": 3,
                          "measurements": [ { "date": "2026-01-01", "value": 1.8 } ] } ] } ] } })
}

#[test]
fn export_writes_exactly_the_documented_fields() {
    let mut map = generate::map(
        1,
        Size {
            phases: 1,
            touchpoints: 1,
            kpis: 1,
            measurements: 1,
        },
    );
    map.created_at = "2026-11-23T09:00:00Z".into();
    let doc: Value =
        serde_json::from_str(&exchange::export_map(&map, Some("2026-11-23T10:00:00Z"))).unwrap();
    let keys = |v: &Value| {
        v.as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(keys(&doc), "exported_at,format,map,version");
    assert_eq!(
        (doc["format"].as_str(), doc["version"].as_u64()),
        (Some("journey-map"), Some(1))
    );
    // Optional strings that are empty are left out; the rest are always written.
    assert_eq!(keys(&doc["map"]), "created_at,description,id,phases,title");
    let phase = &doc["map"]["phases"][0];
    assert_eq!(
        keys(phase),
        "color,description,goal,id,kpis,name,touchpoints"
    );
    assert_eq!(
        keys(&phase["touchpoints"][0]),
        "channel,description,emotion,id,name,owner"
    );
    assert_eq!(
        keys(&phase["kpis"][0]),
        "baseline,direction,id,measurements,name,target,unit"
    );
    assert_eq!(keys(&phase["kpis"][0]["measurements"][0]), "date,value");
    assert_eq!(phase["kpis"][0]["measurements"][0]["date"], "2023-01-01");
    assert!(phase["color"].as_str().unwrap().starts_with('#'));

    let bundle: Value =
        serde_json::from_str(&exchange::export_bundle(&[map.clone(), map], None)).unwrap();
    assert_eq!(keys(&bundle), "format,maps,version");
    assert_eq!(bundle["format"], "journey-map-bundle");
}

#[test]
fn a_valid_file_imports_with_absent_optional_fields_read_as_empty() {
    let mut doc = minimal();
    let t = doc["map"]["phases"][0]["touchpoints"][0]
        .as_object_mut()
        .unwrap();
    t.remove("description");
    t.remove("owner");
    doc["map"].as_object_mut().unwrap().remove("description");
    let Imported { maps, warnings } = exchange::import(&doc.to_string()).unwrap();
    assert!(warnings.is_empty());
    let map = &maps[0];
    assert_eq!(map.title, "See Think Do Care");
    assert_eq!(map.description, "");
    assert_eq!(map.phases[0].touchpoints[0].owner, "");
    assert_eq!(map.phases[0].touchpoints[0].emotion, Emotion::new(1));
    assert_eq!(map.phases[2].kpis[0].target, Some(3.0));
    assert_eq!(
        map.phases[2].kpis[0].measurements[0].date,
        Date::parse("2026-01-01").unwrap()
    );
}

#[test]
fn the_documented_example_message() {
    let mut doc = minimal();
    doc["map"]["phases"][2]["kpis"][0]["target"] = json!("abc");
    assert_eq!(
        errors_of(doc),
        ["map.phases[2].kpis[0].target: expected a number or null, found \"abc\""]
    );
}

#[test]
fn every_problem_in_a_file_is_reported_with_its_path() {
    let mut doc = minimal();
    let map = &mut doc["map"];
    map["title"] = json!("");
    map["language"] = json!("en_GB");
    map["updated_at"] = json!("yesterday");
    map["phases"][0]["color"] = json!("blue");
    map["phases"][0]["touchpoints"][0]["emotion"] = json!(3);
    map["phases"][0]["touchpoints"][0]["name"] = json!(42);
    map["phases"][1]["id"] = json!("t1");
    map["phases"][1].as_object_mut().unwrap().remove("name");
    map["phases"][2]["kpis"][0]["direction"] = json!("up");
    map["phases"][2]["kpis"][0]["baseline"] = json!(true);
    map["phases"][2]["kpis"][0]["measurements"] = json!([
        { "date": "2026-02-30", "value": 1 }, { "date": "2026-03-01", "value": "2" }, { "value": 3 }, 7
    ]);
    assert_eq!(
        errors_of(doc),
        [
            "map.title: a title needs 1 to 200 characters, this one has 0",
            "map.language: expected a language code such as nl or en-GB, found \"en_GB\"",
            "map.updated_at: expected a date and time such as 2026-01-31T09:00:00Z, found \"yesterday\"",
            "map.phases[0].color: expected a colour as #rrggbb, found \"blue\"",
            "map.phases[0].touchpoints[0].name: expected text, found 42",
            "map.phases[0].touchpoints[0].emotion: expected a whole number from -2 to 2, or null, found 3",
            "map.phases[1].id: the id \"t1\" is already used at map.phases[0].touchpoints[0].id",
            "map.phases[1].name: missing; expected text",
            "map.phases[2].kpis[0].direction: expected \"increase\" / \"decrease\", found \"up\"",
            "map.phases[2].kpis[0].baseline: expected a number or null, found true",
            "map.phases[2].kpis[0].measurements[0].date: expected a date as YYYY-MM-DD, found \"2026-02-30\"",
            "map.phases[2].kpis[0].measurements[1].value: expected a number, found \"2\"",
            "map.phases[2].kpis[0].measurements[2].date: missing; expected a date as YYYY-MM-DD",
            "map.phases[2].kpis[0].measurements[3]: expected an object, found 7",
        ]
    );
}

#[test]
fn whole_file_problems() {
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "the file is empty"),
        ("  \n".into(), "the file is empty"),
        ("{\"format\": \"journey-map\",".into(), "this is not valid JSON (line 1, column 25)"),
        ("\u{0}\u{1}PNG binary".into(), "this is not valid JSON (line 1, column 1)"),
        (minimal().to_string().replace("1.8", "1e400"), "a number is too large to be used"),
        (format!("{}{}", "[".repeat(200), "]".repeat(200)), "nested far too deeply"),
        ("[1, 2]".into(), "expected an object, found a list"),
        (json!({"format": "trello-board", "version": 1}).to_string(), "format: this is not a journey map file (format is \"trello-board\""),
        (json!({"version": 1, "map": {}}).to_string(), "format: missing; expected text"),
        (json!({"format": "journey-map", "map": {}}).to_string(), "version: missing; expected a whole version number from 1"),
        (json!({"format": "journey-map", "version": 0, "map": {}}).to_string(), "version: expected a whole version number from 1, found 0"),
        (json!({"format": "journey-map", "version": "1", "map": {}}).to_string(), "version: expected a whole version number from 1, found \"1\""),
        (r#"{"format": "journey-map", "version": 1.5, "map": {}}"#.into(), "version: expected a whole version number from 1, found 1.5"),
        (r#"{"format": "journey-map", "version": 1.0, "map": {}}"#.into(), "version: expected a whole version number from 1, found 1.0"),
        (r#"{"format": "journey-map", "version": -1, "map": {}}"#.into(), "version: expected a whole version number from 1, found -1"),
        (
            json!({"format": "journey-map", "version": 2, "map": {}}).to_string(),
            "version: made by a newer version of the app (format version 2; this app reads version 1): update the app to open it",
        ),
        (json!({"format": "journey-map", "version": 1}).to_string(), "map: missing; expected an object"),
        (json!({"format": "journey-map", "version": 1, "exported_at": "now", "map": {}}).to_string(), "exported_at: expected a date and time"),
        (json!({"format": "journey-map-bundle", "version": 1, "maps": {}}).to_string(), "maps: expected a list, found an object"),
    ];
    for (text, expected) in cases {
        let problems = exchange::import(&text).expect_err(&text);
        let all = messages(&problems).join("\n");
        assert!(
            all.contains(expected),
            "{text:.60}: expected {expected:?}, got {all:?}"
        );
    }
}

#[test]
fn unknown_fields_are_warnings_not_errors() {
    let mut doc = minimal();
    doc["generator"] = json!("other tool");
    doc["map"]["phases"][0]["icon"] = json!("eye");
    doc["map"]["phases"][2]["kpis"][0]["measurements"][0]["note"] = json!("estimate");
    let imported = exchange::import(&doc.to_string()).unwrap();
    assert_eq!(
        messages(&imported.warnings),
        [
            "generator: unknown field, ignored",
            "map.phases[0].icon: unknown field, ignored",
            "map.phases[2].kpis[0].measurements[0].note: unknown field, ignored",
        ]
    );
}

#[test]
fn bundles_hold_several_maps_with_distinct_ids() {
    let a = generate::map(1, Size::SMALL);
    let b = generate::map(2, Size::WORKSHOP);
    let imported =
        exchange::import(&exchange::export_bundle(&[a.clone(), b.clone()], None)).unwrap();
    assert_eq!(imported.maps, vec![a.clone(), b]);
    // Ids need only be unique within each map, but two maps in one bundle need their own ids.
    let errors =
        messages(&exchange::import(&exchange::export_bundle(&[a.clone(), a], None)).unwrap_err());
    assert_eq!(
        errors,
        ["maps[1].id: the id \"generated-1\" is already used at maps[0].id"]
    );
}

#[test]
fn limits_are_accepted_up_to_and_refused_beyond() {
    let touchpoint = |i: usize| json!({"id": format!("t{i}"), "name": "x"});
    let kpi = |i: usize, m: usize| {
        json!({"id": format!("k{i}"), "name": "x", "direction": "increase",
        "measurements": vec![json!({"date": "2026-01-01", "value": 1}); m]})
    };
    let phase = |i: usize, t: usize, k: usize, m: usize| {
        json!({"id": format!("p{i}"), "name": "x", "color": "#000000",
        "touchpoints": (0..t).map(|j| touchpoint(i * 1000 + j)).collect::<Vec<_>>(),
        "kpis": (0..k).map(|j| kpi(i * 1000 + j, m)).collect::<Vec<_>>()})
    };
    let doc = |phases: Vec<Value>| json!({"format": "journey-map", "version": 1, "map": {"id": "m", "title": "Big", "phases": phases}});

    let at_limits = doc(vec![
        phase(0, limits::TOUCHPOINTS_PER_PHASE, limits::KPIS_PER_PHASE, 2),
        phase(1, 0, 1, limits::MEASUREMENTS_PER_KPI),
    ]
    .into_iter()
    .chain((2..limits::PHASES).map(|i| phase(i, 0, 0, 0)))
    .collect());
    let map = &exchange::import(&at_limits.to_string()).unwrap().maps[0];
    assert_eq!(map.phases.len(), limits::PHASES);

    let cases = [
        (
            doc((0..=limits::PHASES).map(|i| phase(i, 0, 0, 0)).collect()),
            "map.phases: 51 entries, more than the 50 this app accepts",
        ),
        (
            doc(vec![phase(0, 501, 0, 0)]),
            "map.phases[0].touchpoints: 501 entries, more than the 500",
        ),
        (
            doc(vec![phase(0, 0, 101, 0)]),
            "map.phases[0].kpis: 101 entries, more than the 100",
        ),
        (
            doc(vec![phase(0, 0, 1, 1001)]),
            "map.phases[0].kpis[0].measurements: 1001 entries, more than the 1000",
        ),
    ];
    for (doc, expected) in cases {
        let errors = errors_of(doc);
        assert!(errors[0].starts_with(expected), "{errors:?}");
    }
}

#[test]
fn texts_bundles_and_problem_lists_have_limits_too() {
    // A text of the most characters allowed (here each two bytes) is read; one more is refused.
    let mut doc = minimal();
    doc["map"]["description"] = json!("é".repeat(limits::TEXT_MAX_CHARS));
    doc["map"]["phases"][0]["goal"] = json!("x".repeat(limits::TEXT_MAX_CHARS));
    assert!(exchange::import(&doc.to_string()).is_ok());
    doc["map"]["phases"][0]["touchpoints"][0]["description"] =
        json!("é".repeat(limits::TEXT_MAX_CHARS + 1));
    assert_eq!(
        errors_of(doc),
        vec!["map.phases[0].touchpoints[0].description: a text may have at most 20000 characters, this one has 20001"]
    );

    let map = |i: usize| json!({"id": format!("m{i}"), "title": "x", "phases": []});
    let bundle = |n: usize| json!({"format": "journey-map-bundle", "version": 1, "maps": (0..n).map(map).collect::<Vec<_>>()});
    assert!(exchange::import(&bundle(limits::MAPS_PER_BUNDLE).to_string()).is_ok());
    assert_eq!(
        errors_of(bundle(limits::MAPS_PER_BUNDLE + 1)),
        vec!["maps: 1001 entries, more than the 1000 this app accepts"]
    );

    // A file with a problem in each of 250 places lists the first hundred and counts the rest.
    let mut doc = minimal();
    doc["map"]["phases"][0]["touchpoints"] = (0..250)
        .map(|i| json!({"id": format!("t{i}"), "name": 7}))
        .collect::<Vec<_>>()
        .into();
    let errors = errors_of(doc);
    assert_eq!(errors.len(), limits::PROBLEMS_LISTED + 1);
    assert!(
        errors[99].starts_with("map.phases[0].touchpoints[99].name: "),
        "{errors:?}"
    );
    assert_eq!(errors[100], "and 150 more problems");
}

#[test]
fn an_edit_keeps_a_text_within_the_limit_a_file_is_read_with() {
    let mut map = generate::map(1, Size::SMALL);
    let field = TextField::PhaseDescription(map.phases[0].id.clone());
    let long = "x".repeat(limits::TEXT_MAX_CHARS + 1);
    assert_eq!(
        map.apply(Edit::SetText {
            field: field.clone(),
            value: long
        }),
        Err(EditError::TextLength(limits::TEXT_MAX_CHARS + 1))
    );
    let longest = "x".repeat(limits::TEXT_MAX_CHARS);
    map.apply(Edit::SetText {
        field,
        value: longest,
    })
    .unwrap();
    // Whatever an edit accepts, a file of it imports again.
    assert!(exchange::import(&exchange::export_map(&map, None)).is_ok());
}

#[test]
fn messages_are_available_in_dutch() {
    let mut doc = minimal();
    doc["map"]["phases"][2]["kpis"][0]["target"] = json!("abc");
    let problems = exchange::import(&doc.to_string()).unwrap_err();
    assert_eq!(
        problems[0].message(Lang::Nl),
        "map.phases[2].kpis[0].target: verwacht: een getal of null, gevonden: \"abc\""
    );
    let newer = exchange::import(r#"{"format":"journey-map","version":7}"#).unwrap_err();
    assert!(newer[0]
        .message(Lang::Nl)
        .contains("nieuwere versie van de app"));
}

#[test]
fn hostile_text_survives_as_plain_text() {
    let mut map = JourneyMap::new("x", "<script>alert(1)</script>");
    map.description = "<img src=x onerror=alert(1)> \"quotes\" \\ \u{202e}rtl \u{0} nul".into();
    let back = exchange::import(&exchange::export_map(&map, None)).unwrap();
    assert_eq!(back.maps, vec![map]);
}

/// Writes exported files where the schema test (tests/e2e/schema.spec.js) validates them with ajv.
#[test]
fn write_samples_for_the_schema_validator() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("schema-samples");
    std::fs::create_dir_all(&dir).unwrap();
    let mut full = generate::map(7, Size::WORKSHOP);
    full.language = "nl-NL".into();
    full.created_at = "2026-11-23T09:00:00+01:00".into();
    full.updated_at = "2026-11-23T10:00:00.5Z".into();
    full.phases[0].touchpoints[0].emotion = None;
    full.phases[0].kpis[0].baseline = None;
    let files = [
        (
            "map-full.json",
            exchange::export_map(&full, Some("2026-11-23T10:00:00Z")),
        ),
        (
            "map-minimal.json",
            exchange::export_map(&JourneyMap::new("m", "M"), None),
        ),
        (
            "map-large.json",
            exchange::export_map(&generate::map(1, Size::LARGE), None),
        ),
        (
            "bundle.json",
            exchange::export_bundle(&[full, generate::map(2, Size::SMALL)], None),
        ),
    ];
    for (name, text) in files {
        exchange::import(&text).unwrap();
        std::fs::write(dir.join(name), text).unwrap();
    }
}

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, including what HTML and JSON treat specially.
    prop_oneof![
        any::<String>(),
        Just("<script>\"\\\u{0}</script>".to_string())
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
        Just(0.0),
        Just(-0.0),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE)
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (0u16..=9999, 1u8..=12, 1u8..=31).prop_filter_map("a real day", |(y, m, d)| Date::new(y, m, d))
}

fn touchpoint() -> impl Strategy<Value = Touchpoint> {
    (
        text(),
        text(),
        text(),
        proptest::option::of(-2i64..=2),
        text(),
    )
        .prop_map(|(name, channel, description, e, owner)| Touchpoint {
            id: String::new(),
            name,
            channel,
            description,
            emotion: e.and_then(Emotion::new),
            owner,
        })
}

fn kpi() -> impl Strategy<Value = Kpi> {
    (
        text(),
        text(),
        any::<bool>(),
        proptest::option::of(number()),
        proptest::option::of(number()),
        proptest::collection::vec((date(), number()), 0..4),
    )
        .prop_map(|(name, unit, up, baseline, target, ms)| Kpi {
            id: String::new(),
            name,
            unit,
            direction: if up {
                Direction::Increase
            } else {
                Direction::Decrease
            },
            baseline,
            target,
            measurements: ms
                .into_iter()
                .map(|(date, value)| Measurement { date, value })
                .collect(),
        })
}

fn phase() -> impl Strategy<Value = Phase> {
    (
        text(),
        text(),
        text(),
        any::<[u8; 3]>(),
        proptest::collection::vec(touchpoint(), 0..4),
        proptest::collection::vec(kpi(), 0..3),
    )
        .prop_map(
            |(name, description, goal, [r, g, b], touchpoints, kpis)| Phase {
                id: String::new(),
                name,
                description,
                goal,
                color: Color::rgb(r, g, b),
                touchpoints,
                kpis,
            },
        )
}

fn journey_map() -> impl Strategy<Value = JourneyMap> {
    (
        "[a-zA-Z0-9_-]{1,12}",
        "\\PC{1,200}",
        text(),
        proptest::option::of("[a-z]{2}(-[A-Z]{2})?"),
        proptest::collection::vec(phase(), 0..5),
        text(),
    )
        .prop_map(|(id, title, description, language, phases, id_prefix)| {
            let mut map = JourneyMap::new(id.clone(), title);
            map.description = description;
            map.language = language.unwrap_or_default();
            map.updated_at = "2026-11-23T09:15:00Z".into();
            map.phases = phases;
            // Ids may be any text; they only have to be unique within the map, map id included
            // (so the item ids extend it and can never equal it).
            let mut n = 0;
            let mut next = || {
                n += 1;
                format!("{id}.{id_prefix}{n}")
            };
            for phase in &mut map.phases {
                phase.id = next();
                phase.touchpoints.iter_mut().for_each(|t| t.id = next());
                phase.kpis.iter_mut().for_each(|k| k.id = next());
            }
            map
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn dates_are_written_as_zero_padded_year_month_day(
        (y, m, d) in (0u16..=u16::MAX, 1u8..=12, 1u8..=28)
    ) {
        let date = Date::new(y, m, d).unwrap();
        let expected = format!("{y:04}-{m:02}-{d:02}");
        prop_assert_eq!(date.to_string(), expected.clone());
        prop_assert_eq!(serde_json::to_value(date).unwrap(), Value::String(expected));
    }

    #[test]
    fn export_then_import_is_the_identity(map in journey_map()) {
        let imported = exchange::import(&exchange::export_map(&map, Some("2026-11-23T09:15:00Z"))).unwrap();
        prop_assert!(imported.warnings.is_empty());
        prop_assert_eq!(imported.maps, vec![map]);
    }

    #[test]
    fn a_bundle_round_trips_too(a in journey_map(), b in journey_map()) {
        prop_assume!(a.id != b.id);
        let imported = exchange::import(&exchange::export_bundle(&[a.clone(), b.clone()], None)).unwrap();
        prop_assert_eq!(imported.maps, vec![a, b]);
    }

    #[test]
    fn a_share_link_opens_the_same_map(map in journey_map()) {
        // A map too large for a link makes none; every other one comes back whole.
        if let Some(payload) = share::encode(&map, 0) {
            prop_assert_eq!(share::decode(&payload).unwrap(), map);
        }
    }

    #[test]
    fn a_stored_map_loads_unchanged(map in journey_map(), rev in 1u64.., tab in proptest::option::of(any::<u64>())) {
        let text = entry::encode(rev, tab, &map);
        prop_assert_eq!(entry::revision(&text), Some(rev));
        prop_assert_eq!(entry::decode(&text, &map.id), Decoded::Map { rev, tab, map });
    }

    #[test]
    fn a_version_reads_back_as_the_map_it_kept(map in journey_map(), name in "\\PC{0,40}") {
        use journey_mapper::model::versions::Occasion;
        use journey_mapper::storage::{Memory, Store};
        let (mut store, _, _) = Store::open(Box::new(Memory::default()), 1).unwrap();
        // Kept by name, and as the day's version cut from the stored entry.
        let kept = store.keep_version(&map, Occasion::Named, &name, "2026-12-03T09:00:00Z", 2).unwrap();
        prop_assert_eq!(store.version(&kept.key), Some(map.clone()));
        store.save(&map).unwrap();
        store.keep_daily(&map.id, "2026-12-04T09:00:00Z", 3);
        let versions = store.versions(&map.id);
        prop_assert_eq!(versions.len(), 2);
        prop_assert_eq!(&versions[1].name, &name);
        prop_assert_eq!(store.version(&versions[0].key), Some(map));
    }

    #[test]
    fn import_never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = exchange::import(&text);
    }

    #[test]
    fn measurements_survive_a_csv_round_trip(
        list in proptest::collection::vec((date(), number()), 0..30),
        semicolon in any::<bool>(),
    ) {
        let list: Vec<Measurement> = list.into_iter().map(|(date, value)| Measurement { date, value }).collect();
        let sep = if semicolon { Separator::Semicolon } else { Separator::Comma };
        let (back, problems) = csv::measurements(&csv::measurement_file(&list, sep, Lang::Nl));
        prop_assert_eq!(problems, vec![]);
        prop_assert_eq!(back, list);
    }

    #[test]
    fn the_csv_reader_never_panics(text in any::<String>()) {
        let _ = csv::measurements(&text);
    }
}

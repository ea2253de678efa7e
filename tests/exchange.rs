//! The exchange format: what export writes (version 4), how versions 1 to 3 are read, and
//! every problem import reports.

mod common;

use common::{computed, decided, minimal, whole};

use journey_mapper::i18n::Lang;
use journey_mapper::model::csv::{self, Separator};
use journey_mapper::model::exchange::{self, Imported, Problem};
use journey_mapper::model::generate::{self, Size};
use journey_mapper::model::loyalty::table;
use journey_mapper::model::loyalty::{
    Answers, Counts, KpiKind, Mapping, OrderCounts, Period, Ratio, Role, Source,
};
use journey_mapper::model::share;
use journey_mapper::model::workshop::{Action, Score};
use journey_mapper::model::{
    limits, Color, Date, Direction, Edit, EditError, Emotion, JourneyMap, Kpi, Lane, LaneCard,
    LaneKind, Measurement, Persona, Phase, Reach, Severity, TextField, Touchpoint,
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

#[test]
fn a_version_3_file_derives_each_computed_value_from_its_counts() {
    let Imported { maps, warnings } = exchange::import(&computed().to_string()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let kpis = &maps[0].phases[1].kpis;
    assert_eq!(kpis[0].kind, KpiKind::Nps);
    // 30 promoters, 10 detractors of 60 answers: the file's 99 is not taken.
    let nps = &kpis[0].measurements[0];
    assert!((nps.value - (30.0 - 10.0) / 60.0 * 100.0).abs() < 1e-9);
    let mapping = kpis[0].mapping.as_ref().unwrap();
    assert_eq!(
        (mapping.source, mapping.period),
        (Source::Survey, Period::Quarter)
    );
    assert_eq!(mapping.column(Role::Score), Some("Hoe waarschijnlijk?"));
    assert_eq!(kpis[1].measurements[0].value, 25.0);
    // Written again, the counts and mapping travel; the value is written for other tools.
    let written = exchange::export_map(&maps[0], None);
    assert!(written.contains("\"answers\": [") && written.contains("\"retained_customers\": 30"));
    assert_eq!(exchange::import(&written).unwrap().maps, maps);
}

#[test]
fn computed_kpis_without_counts_that_give_a_value_are_refused_by_path() {
    let mut doc = computed();
    let kpis = &mut doc["map"]["phases"][1]["kpis"];
    kpis[0]["measurements"][0]["counts"] = json!({ "answers": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    kpis[1]["measurements"][0]["counts"]["retained_customers"] = json!(81);
    kpis[1]["measurements"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "date": "2026-03-01", "value": 3 }));
    kpis[0]["kind"] = json!("nps");
    kpis[0]["mapping"]["columns"] = json!({ "score": 7 });
    let errors = errors_of(doc);
    for expected in [
        "map.phases[1].kpis[0].mapping: expected the columns of a survey",
        "map.phases[1].kpis[0].measurements[0].counts: expected counts",
        "map.phases[1].kpis[1].measurements[0].counts: expected counts",
        "map.phases[1].kpis[1].measurements[1].counts: missing",
    ] {
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "{expected}: {errors:#?}"
        );
    }
    // A file without its header gave an e-mail address as a column's name: no map keeps one.
    let mut doc = computed();
    doc["map"]["phases"][1]["kpis"][0]["mapping"]["columns"]["score"] = json!("anna@example.nl");
    assert!(errors_of(doc)[0].starts_with("map.phases[1].kpis[0].mapping: expected the columns"));
    let mut doc = computed();
    doc["map"]["phases"][1]["kpis"][0]["kind"] = json!("loyalty");
    assert!(errors_of(doc)[0].starts_with("map.phases[1].kpis[0].kind: expected a KPI kind"));
}

#[test]
fn a_customer_base_travels_in_files_links_and_storage_without_a_customer_id() {
    let file = "Order ID,Customer ID,Order date,Total\n1,jan@example.nl,2026-01-05,10\n2,jan@example.nl,2026-02-05,12\n3,piet@example.nl,2026-01-09,8\n";
    let base = common::customer_base(file, Period::Month);
    let Imported { mut maps, .. } = exchange::import(&computed().to_string()).unwrap();
    let mut map = maps.remove(0);
    map.apply(Edit::SetCustomerBase {
        base: Some(Box::new(base)),
    })
    .unwrap();
    let written = exchange::export_map(&map, None);
    assert!(!written.contains("example.nl"));
    assert!(written.contains("\"customer_base\""));
    assert_eq!(exchange::import(&written).unwrap().maps, [map.clone()]);
    let link = share::encode(&map, 0, true).unwrap();
    assert_eq!(share::decode(&link).unwrap(), map);
    let stored = entry::encode(3, Some(1), &map);
    assert_eq!(
        entry::decode(&stored, &map.id),
        Decoded::Map {
            rev: 3,
            tab: Some(1),
            map: map.clone()
        }
    );
    // A version 3 file from before the customer base opens without one.
    let plain = exchange::import(&computed().to_string()).unwrap();
    assert_eq!(plain.maps[0].customer_base, None);
}

#[test]
fn a_customer_base_no_export_could_give_is_refused_by_path() {
    let base = common::customer_base(common::SMALL_SHOP, Period::Month);
    for broken in [
        json!("all of them"),
        json!({ "mapping": base.mapping, "terms": base.terms }),
        {
            let mut b = serde_json::to_value(&base).unwrap();
            b["cohorts"]["rows"][0]["later"][0] = json!(1_000_000);
            b
        },
        {
            let mut b = serde_json::to_value(&base).unwrap();
            b["summary"]["customers"] = json!(1e300);
            b
        },
        {
            let mut b = serde_json::to_value(&base).unwrap();
            b["emails"] = json!(["jan@example.nl"]);
            b
        },
    ] {
        let mut doc = computed();
        doc["map"]["customer_base"] = broken;
        let errors = errors_of(doc);
        assert!(
            errors[0].starts_with("map.customer_base: expected a customer base"),
            "{errors:#?}"
        );
    }
}

#[test]
fn rounds_scores_and_actions_travel_in_files_links_and_storage() {
    let map = exchange::import(&decided().to_string())
        .unwrap()
        .maps
        .remove(0);
    assert_eq!(map.rounds.len(), 2);
    assert_eq!(map.rounds[0].totals().get("c2"), Some(&9));
    assert_eq!(map.open_round().map(|r| r.id.as_str()), Some("r2"));
    let card = map.card("c2").unwrap();
    assert_eq!(card.score.unwrap().value(), 4.5);
    assert_eq!(card.action.as_ref().unwrap().owner, "Anna");
    let written = exchange::export_map(&map, None);
    assert_eq!(exchange::import(&written).unwrap().maps[0], map);
    let link = share::encode(&map, 0, true).unwrap();
    assert_eq!(share::decode(&link).unwrap(), map);
    // A link leaves the comments out unless asked.
    let without = share::decode(&share::encode(&map, 0, false).unwrap()).unwrap();
    assert!(without.comments.is_empty());
    assert_eq!(without.rounds, map.rounds);
    assert_eq!(map.comments.len(), 3);
    assert_eq!(map.threads_on("c2")[0].1[0].text, "I do.");
    let stored = entry::encode(4, None, &map);
    assert!(matches!(entry::decode(&stored, &map.id), Decoded::Map { map: m, .. } if m == map));
    // A version 3 file has none of them, and opens as it was.
    let plain = exchange::import(&computed().to_string())
        .unwrap()
        .maps
        .remove(0);
    assert!(plain.rounds.is_empty() && plain.comments.is_empty());
    assert!(plain.card("c2").unwrap().score.is_none());
}

#[test]
fn a_newer_versions_fields_in_rounds_ballots_scores_actions_and_comments_are_warnings() {
    let mut doc = decided();
    let map = &mut doc["map"];
    map["rounds"][0]["colour"] = json!("red");
    map["rounds"][0]["ballots"][1]["table"] = json!(3);
    map["phases"][0]["cards"]["ideas"][0]["score"]["confidence"] = json!(4);
    map["phases"][0]["cards"]["ideas"][0]["action"]["status"] = json!("open");
    map["comments"][0]["reactions"] = json!(["+1"]);
    let Imported { maps, warnings } = exchange::import(&doc.to_string()).unwrap();
    let paths: Vec<&str> = warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "map.rounds[0].ballots[1].table",
            "map.rounds[0].colour",
            "map.comments[0].reactions",
            "map.phases[0].cards.ideas[0].score.confidence",
            "map.phases[0].cards.ideas[0].action.status",
        ]
    );
    assert_eq!(maps[0].rounds.len(), 2);
}

/// Every field each type read through serde writes is in its list of known fields, so that a
/// field added to one is never warned about as unknown.
#[test]
fn the_known_fields_are_what_each_type_writes() {
    use journey_mapper::model::comments::Comment;
    use journey_mapper::model::workshop::{Action, Ballot, Fields, Round, Score};
    fn written<T: serde::Serialize>(t: &T) -> Vec<String> {
        let mut keys: Vec<String> = serde_json::to_value(t)
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }
    fn listed<T: Fields>() -> Vec<String> {
        let mut keys: Vec<String> = T::FIELDS.iter().map(|k| k.to_string()).collect();
        keys.sort();
        keys
    }
    let map = exchange::import(&decided().to_string())
        .unwrap()
        .maps
        .remove(0);
    let mut round = map.rounds[0].clone();
    round.minutes = Some(5);
    assert_eq!(written(&round), listed::<Round>());
    assert_eq!(written(&round.ballots[0]), listed::<Ballot>());
    let card = map.card("c2").unwrap();
    assert_eq!(written(&card.score.unwrap()), listed::<Score>());
    assert_eq!(written(card.action.as_ref().unwrap()), listed::<Action>());
    let mut comment: Comment = map.comments[1].clone();
    comment.resolved = true;
    comment.mentions = vec!["x".into()];
    assert_eq!(written(&comment), listed::<Comment>());
}

#[test]
fn rounds_scores_and_actions_out_of_their_rules_are_refused_by_path() {
    type Breaks = fn(&mut Value);
    let cases: [(Breaks, &str); 13] = [
        (|m| m["comments"][1]["reply_to"] = json!("nothing"), "map.comments: a reply answers no thread"),
        (|m| m["comments"][1]["on"] = json!("c1"), "map.comments: a reply answers no thread"),
        (|m| m["comments"][0]["text"] = json!("x".repeat(1_000_000)), "map.comments[0]: expected a comment"),
        (|m| m["comments"][0]["mentions"] = json!(["Nobody"]), "map.comments[0]: expected a comment"),
        (|m| m["comments"][2]["id"] = json!("c1"), "map.phases[0].cards.pains[0].id: the id \"c1\" is already used at map.comments[2].id"),
        (|m| m["rounds"][0]["ballots"][0]["dots"]["c1"] = json!(3), "map.rounds[0]: expected a voting round"),
        (|m| m["rounds"][0]["ballots"][1]["dots"]["c2"] = json!(13), "map.rounds[0]: expected a voting round"),
        (|m| m["rounds"][1]["ballots"][0]["name"] = json!("Bram"), "map.rounds[1]: expected a voting round"),
        (|m| m["rounds"][0]["dots"] = json!(1e9), "map.rounds[0]: expected a voting round"),
        (|m| m["rounds"][0]["ended_at"] = Value::Null, "map.rounds: more than one voting round is open"),
        (|m| m["rounds"][1]["ballots"][0]["id"] = json!("c1"), "map.phases[0].cards.pains[0].id: the id \"c1\" is already used at map.rounds[1].ballots[0].id"),
        (|m| m["phases"][0]["cards"]["ideas"][0]["score"]["effort"] = json!(6), "map.phases[0].cards.ideas[0].score: expected a score"),
        (|m| m["phases"][0]["cards"]["ideas"][0]["action"] = json!({ "owner": "A", "due": "soon" }), "map.phases[0].cards.ideas[0].action: expected an action"),
    ];
    for (breaks, expected) in cases {
        let mut doc = decided();
        breaks(&mut doc["map"]);
        let errors = errors_of(doc);
        assert!(errors[0].starts_with(expected), "{expected}: {errors:#?}");
    }
}

#[test]
fn a_version_2_file_opens_with_every_kpi_a_typed_number() {
    let Imported { maps, .. } = exchange::import(&whole().to_string()).unwrap();
    let kpi = &maps[0].phases[2].kpis[0];
    assert_eq!((kpi.kind, kpi.mapping.is_none()), (KpiKind::Number, true));
    assert_eq!(kpi.measurements[0].counts, None);
}

#[test]
fn a_version_2_file_reads_with_everything_it_holds() {
    let Imported { maps, warnings } = exchange::import(&whole().to_string()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let map = &maps[0];
    assert_eq!(map.currency, "EUR");
    assert_eq!(map.personas[0].quote, "Make it easy");
    assert!(!map.lanes[1].shown);
    let phase = &map.phases[0];
    assert_eq!(phase.contact_limit, Some(3.0));
    assert_eq!(phase.lane_cards("pains")[0].severity, Severity::new(3));
    assert_eq!(phase.lane_cards("ideas")[0].votes, 2);
    let t = &phase.touchpoints[0];
    assert_eq!(
        t.emotion_of("anna"),
        Emotion::new(1),
        "the touchpoint's own"
    );
    assert_eq!(t.emotion_of("bram"), Emotion::new(-1));
    assert_eq!(
        (t.cost_per_month, t.contacts_per_month, t.reach),
        (Some(1200.5), Some(2.0), Some(Reach::Mass))
    );
    assert_eq!(t.trigger, "7 days after delivery");
    // Written back, it reads the same.
    let again = exchange::import(&exchange::export_map(map, None))
        .unwrap()
        .maps;
    assert_eq!(&again[0], map);
}

#[test]
fn a_version_2_file_with_bad_parts_is_refused_with_every_problem_by_its_path() {
    let mut doc = whole();
    let phase = &mut doc["map"]["phases"][0];
    phase["touchpoints"][0]["emotions"] = json!({ "carla": 1, "bram": 5 });
    phase["touchpoints"][0]["cost_per_month"] = json!(-10);
    phase["touchpoints"][0]["reach"] = json!("everyone");
    phase["contact_limit"] = json!("many");
    phase["cards"]["nowhere"] = json!([{ "id": "c3", "text": "Lost" }]);
    phase["cards"]["pains"][0]["severity"] = json!(4);
    phase["cards"]["pains"][0]["votes"] = json!(2.5);
    phase["cards"]["ideas"][0]["votes"] = json!(-1);
    doc["map"]["lanes"][1]["kind"] = json!("feelings");
    doc["map"]["lanes"][0]["shown"] = json!("yes");
    doc["map"]["currency"] = json!("Euro's of the realm");
    let all = messages(&exchange::import(&doc.to_string()).unwrap_err());
    let expected = [
        "map.currency: expected a currency of at most 8 characters",
        "map.lanes[0].shown: expected true or false, found \"yes\"",
        "map.lanes[1].kind: expected one of \"does\"",
        "map.phases[0].touchpoints[0].emotions.bram: expected a whole number from -2 to 2, or null, found 5",
        "map.phases[0].touchpoints[0].emotions.carla: this map has no persona with the id \"carla\"",
        "map.phases[0].touchpoints[0].cost_per_month: expected a number from 0 to 10¹², or null, found -10",
        "map.phases[0].touchpoints[0].reach: expected \"mass\" or \"personal\", or null, found \"everyone\"",
        "map.phases[0].contact_limit: expected a number from 0 to 10¹², or null, found \"many\"",
        "map.phases[0].cards.nowhere: this map has no lane with the id \"nowhere\"",
        "map.phases[0].cards.pains[0].severity: expected 1, 2 or 3, or null, found 4",
        "map.phases[0].cards.pains[0].votes: expected a whole number from 0 to 9999, found 2.5",
        "map.phases[0].cards.ideas[0].votes: expected a whole number from 0 to 9999, found -1",
    ];
    for e in expected {
        assert!(
            all.iter().any(|m| m.starts_with(e)),
            "{e:?} not in {all:#?}"
        );
    }
}

#[test]
fn version_1_files_of_every_template_open_as_they_were_with_hidden_lanes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 10, "every template in English and Dutch");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let old: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(old["version"], 1);
        let Imported { maps, warnings } = exchange::import(&text).unwrap();
        assert!(warnings.is_empty(), "{file:?}: {warnings:?}");
        let map = &maps[0];
        // Everything version 1 held is there as it was.
        let was = &old["map"];
        assert_eq!(map.title, was["title"].as_str().unwrap());
        assert_eq!(map.phases.len(), was["phases"].as_array().unwrap().len());
        for (phase, was) in map.phases.iter().zip(was["phases"].as_array().unwrap()) {
            assert_eq!(phase.name, was["name"].as_str().unwrap());
            let names = |list: &Value| {
                list.as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t["name"].as_str().unwrap().to_owned())
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                phase
                    .touchpoints
                    .iter()
                    .map(|t| t.name.clone())
                    .collect::<Vec<_>>(),
                names(&was["touchpoints"])
            );
            assert_eq!(
                phase
                    .kpis
                    .iter()
                    .map(|k| k.name.clone())
                    .collect::<Vec<_>>(),
                names(&was["kpis"])
            );
            for (t, was) in phase
                .touchpoints
                .iter()
                .zip(was["touchpoints"].as_array().unwrap())
            {
                assert_eq!(
                    t.emotion.map(|e| i64::from(e.score())),
                    was["emotion"].as_i64()
                );
                assert_eq!(t.channel, was["channel"].as_str().unwrap());
            }
            assert!(phase.cards.is_empty());
        }
        // Version 2's parts: the standard lanes, hidden, and nothing else.
        assert_eq!(map.lanes.len(), 5);
        assert!(map.lanes.iter().all(|l| !l.shown));
        assert!(map.personas.is_empty());
        // Written again it is a file of the current version that reads back the same.
        let written = exchange::export_map(map, None);
        assert!(written.contains(&format!("\"version\": {}", exchange::VERSION)));
        assert_eq!(&exchange::import(&written).unwrap().maps[0], map);
    }
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
            personas: 1,
            cards: 1,
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
        (Some("journey-map"), Some(4))
    );
    // Optional strings that are empty are left out; the rest are always written.
    assert_eq!(
        keys(&doc["map"]),
        "created_at,currency,description,id,lanes,personas,phases,title"
    );
    assert_eq!(
        keys(&doc["map"]["personas"][0]),
        "color,description,frustrations,goals,id,name,quote"
    );
    assert_eq!(keys(&doc["map"]["lanes"][0]), "id,kind,name,shown");
    assert_eq!(doc["map"]["lanes"][2]["kind"], "pain_points");
    let phase = &doc["map"]["phases"][0];
    assert_eq!(
        keys(phase),
        "cards,color,contact_limit,description,goal,id,kpis,name,touchpoints"
    );
    assert_eq!(
        keys(&phase["touchpoints"][0]),
        "channel,contacts_per_month,cost_per_month,description,emotion,emotions,id,name,owner,reach,trigger"
    );
    assert_eq!(keys(&phase["cards"]), "lane-does");
    assert_eq!(
        keys(&phase["cards"]["lane-does"][0]),
        "id,severity,text,votes"
    );
    assert_eq!(
        keys(&phase["kpis"][0]),
        "baseline,direction,id,kind,measurements,name,target,unit"
    );
    assert_eq!(phase["kpis"][0]["kind"], "number");
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
        (r#"{"format": "journey-map", "version": 0.0, "map": {}}"#.into(), "version: expected a whole version number from 1, found 0"),
        (r#"{"format": "journey-map", "version": 1e1, "map": {}}"#.into(), "version: made by a newer version of the app (format version 10;"),
        (r#"{"format": "journey-map", "version": 18446744073709551616, "map": {}}"#.into(), "version: made by a newer version of the app (format version 1.8446744073709552e+19;"),
        (r#"{"format": "journey-map", "version": 1e300, "map": {}}"#.into(), "version: made by a newer version of the app"),
        (r#"{"format": "journey-map", "version": 1e400, "map": {}}"#.into(), "made by a newer version of the app (format version 1e400;"),
        (format!(r#"{{"format": "journey-map",
 "version" : {}, "map": {{}}}}"#, "9".repeat(5000)), "made by a newer version of the app (format version 9999999999999999999999999999999999999999…;"),
        (r#"{"format": "journey-map", "version": -1e400, "map": {}}"#.into(), "version: expected a whole version number from 1, found -1e400"),
        (r#"{"format": "journey-map", "version": 1e-400, "map": {}}"#.into(), "version: expected a whole version number from 1, found 0"),
        (r#"{"format": "journey-map", "version": -0, "map": {}}"#.into(), "version: expected a whole version number from 1, found -0"),
        (r#"{"format": "journey-map", "version": 1, "map": {"title": 1e400}}"#.into(), "a number is too large to be used (line 1, column"),
        (r#"{"format": "journey-map", "version": -1, "map": {}}"#.into(), "version: expected a whole version number from 1, found -1"),
        (
            json!({"format": "journey-map", "version": 5, "map": {}}).to_string(),
            "version: made by a newer version of the app (format version 5; this app reads up to version 4): update the app to open it",
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
fn an_id_is_limited_as_every_text_and_an_unknown_keys_name_is_cut_where_it_is_said() {
    let long = "x".repeat(limits::TEXT_MAX_CHARS + 1);
    let text = minimal()
        .to_string()
        .replacen("\"id\":\"", &format!("\"id\":\"{long}"), 1);
    let all = messages(&exchange::import(&text).expect_err("refused")).join("\n");
    assert!(
        all.contains("a text may have at most 20000 characters, this one has 20"),
        "{all}"
    );
    let mut file = minimal();
    file["map"]["k".repeat(1_000_000)] = json!(1);
    let warned = exchange::import(&file.to_string()).expect("read, with a warning");
    let said = messages(&warned.warnings).join("\n");
    assert!(
        said.len() < 1000 && said.contains("…: unknown field"),
        "{said:.200}"
    );
}

#[test]
fn a_version_written_as_a_float_or_exponent_is_that_version() {
    let written = minimal().to_string();
    let expected = exchange::import(&written).expect("version 1 reads");
    for version in ["1.0", "1e0", "0.1e1", "10e-1"] {
        let text = written.replacen("\"version\":1", &format!("\"version\":{version}"), 1);
        assert_ne!(text, written, "the version is replaced");
        assert_eq!(exchange::import(&text).as_ref(), Ok(&expected), "{version}");
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
fn thousands_of_unknown_fields_make_a_hundred_warnings_and_a_count() {
    let mut doc = minimal();
    let extra: serde_json::Map<String, Value> =
        (0..900).map(|i| (format!("x{i}"), json!(0))).collect();
    for phase in doc["map"]["phases"].as_array_mut().unwrap() {
        phase.as_object_mut().unwrap().extend(extra.clone());
    }
    let imported = exchange::import(&doc.to_string()).unwrap();
    let shown = messages(&imported.warnings);
    assert_eq!(shown.len(), limits::PROBLEMS_LISTED + 1);
    let phases = doc["map"]["phases"].as_array().unwrap().len();
    let more = phases * 900 - limits::PROBLEMS_LISTED;
    assert_eq!(shown.last().unwrap(), &format!("and {more} more problems"));
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
        (
            "map-decided.json",
            exchange::export_map(
                &exchange::import(&decided().to_string()).unwrap().maps[0],
                None,
            ),
        ),
        (
            "map-computed.json",
            exchange::export_map(
                &exchange::import(&computed().to_string()).unwrap().maps[0],
                None,
            ),
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

fn plan_number() -> impl Strategy<Value = Option<f64>> {
    proptest::option::of(prop_oneof![0.0..=1e12, Just(0.0), Just(1e12)])
}

fn touchpoint() -> impl Strategy<Value = Touchpoint> {
    (
        (
            text(),
            text(),
            text(),
            proptest::option::of(-2i64..=2),
            text(),
        ),
        (
            plan_number(),
            plan_number(),
            proptest::option::of(any::<bool>()),
            text(),
        ),
    )
        .prop_map(
            |((name, channel, description, e, owner), (cost, contacts, mass, trigger))| {
                Touchpoint {
                    channel,
                    description,
                    emotion: e.and_then(Emotion::new),
                    owner,
                    cost_per_month: cost,
                    contacts_per_month: contacts,
                    reach: mass.map(|m| if m { Reach::Mass } else { Reach::Personal }),
                    trigger,
                    ..Touchpoint::new(String::new(), name)
                }
            },
        )
}

/// A lane card with the index of the lane it goes in (of the map's lanes).
fn card() -> impl Strategy<Value = (usize, LaneCard)> {
    (
        0usize..6,
        text(),
        proptest::option::of(1i64..=3),
        0u32..=9999,
        proptest::option::of((1u8..=5, 1u8..=5, 1u8..=5)),
        proptest::option::of((text(), proptest::option::of(date()))),
    )
        .prop_map(|(lane, text, severity, votes, score, action)| {
            let mut card = LaneCard::new(String::new(), text);
            card.severity = severity.and_then(Severity::new);
            card.votes = votes;
            card.score = score.map(|(customer, business, effort)| Score {
                customer,
                business,
                effort,
            });
            card.action = action.map(|(owner, due)| Action { owner, due });
            (lane, card)
        })
}

fn persona() -> impl Strategy<Value = Persona> {
    ((text(), text(), text()), (text(), text(), any::<[u8; 3]>())).prop_map(
        |((name, description, goals), (frustrations, quote, [r, g, b]))| Persona {
            description,
            goals,
            frustrations,
            quote,
            ..Persona::new(String::new(), name, Color::rgb(r, g, b))
        },
    )
}

fn kpi() -> impl Strategy<Value = Kpi> {
    (
        text(),
        text(),
        any::<bool>(),
        proptest::option::of(number()),
        proptest::option::of(number()),
        proptest::sample::select(KpiKind::ALL.to_vec()),
        proptest::option::of(mapping()),
    )
        .prop_flat_map(|(name, unit, up, baseline, target, kind, mapping)| {
            let measured = proptest::collection::vec((date(), number(), counts_for(kind)), 0..4);
            measured.prop_map(move |ms| Kpi {
                id: String::new(),
                name: name.clone(),
                unit: unit.clone(),
                direction: if up {
                    Direction::Increase
                } else {
                    Direction::Decrease
                },
                baseline,
                target,
                measurements: ms
                    .into_iter()
                    .map(|(date, value, counts)| match kind.value(&counts) {
                        Some(derived) if kind.is_computed() => Measurement {
                            date,
                            value: derived,
                            counts: Some(counts),
                        },
                        _ => Measurement::typed(date, value),
                    })
                    .collect(),
                kind,
                mapping: mapping.clone().filter(|m| Some(m.source) == kind.source()),
            })
        })
}

/// Counts of the shape `kind` keeps, each giving a value.
fn counts_for(kind: KpiKind) -> BoxedStrategy<Counts> {
    match kind.empty_counts() {
        Some(Counts::Answers(_)) => any::<[u8; 11]>()
            .prop_map(|a| {
                Counts::Answers(Answers {
                    answers: a.map(|n| u64::from(n) + 1),
                })
            })
            .boxed(),
        Some(Counts::Ratio(_)) => (1u64..1_000_000, 0.0..=1.0f64)
            .prop_map(|(whole, share)| {
                Counts::Ratio(Ratio {
                    part: (whole as f64 * share) as u64,
                    whole,
                })
            })
            .boxed(),
        _ => (
            1u64..10_000,
            any::<[u16; 6]>(),
            -1e12..1e12f64,
            -1e12..1e12f64,
        )
            .prop_map(|(orders, n, revenue, earlier)| {
                let customers = 1 + u64::from(n[0]) % orders;
                let previous = 1 + u64::from(n[3]);
                Counts::Orders(OrderCounts {
                    orders,
                    revenue,
                    customers,
                    new_customers: u64::from(n[1]) % (customers + 1),
                    repeat_customers: u64::from(n[2]) % (customers + 1),
                    previous_customers: previous,
                    retained_customers: u64::from(n[4]) % (previous.min(customers) + 1),
                    customers_to_date: customers + u64::from(n[5]),
                    revenue_to_date: revenue + earlier,
                })
            })
            .boxed(),
    }
}

fn mapping() -> impl Strategy<Value = Mapping> {
    (
        proptest::sample::select(vec![Source::Survey, Source::Orders, Source::Campaign]),
        any::<bool>(),
        proptest::collection::btree_map(
            proptest::sample::select(vec![
                Role::Date,
                Role::OrderId,
                Role::Customer,
                Role::Total,
                Role::Score,
            ]),
            // A column name is no e-mail address: a map naming one is refused (a file without
            // its header would have given it).
            text().prop_filter("no e-mail address", |t| !table::is_personal(t)),
            0..4,
        ),
    )
        .prop_map(|(source, quarter, columns)| Mapping {
            source,
            period: if quarter {
                Period::Quarter
            } else {
                Period::Month
            },
            columns,
        })
}

/// A phase with its lane cards still to be put in lanes (the map's, once it has them).
fn phase() -> impl Strategy<Value = (Phase, Vec<(usize, LaneCard)>)> {
    (
        (text(), text(), text(), any::<[u8; 3]>(), plan_number()),
        proptest::collection::vec(touchpoint(), 0..4),
        proptest::collection::vec(kpi(), 0..3),
        proptest::collection::vec(card(), 0..5),
    )
        .prop_map(
            |((name, description, goal, [r, g, b], limit), touchpoints, kpis, cards)| {
                let phase = Phase {
                    description,
                    goal,
                    contact_limit: limit,
                    touchpoints,
                    kpis,
                    ..Phase::new(String::new(), name, Color::rgb(r, g, b))
                };
                (phase, cards)
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
        (
            proptest::collection::vec(persona(), 0..4),
            any::<[bool; 5]>(),
            proptest::option::of(text()),
            "[A-Z€$]{0,3}",
        ),
    )
        .prop_map(
            |(id, title, description, language, phases, id_prefix, whole)| {
                let (personas, shown, custom_lane, currency) = whole;
                let mut map = JourneyMap::new(id.clone(), title);
                map.description = description;
                map.language = language.unwrap_or_default();
                map.updated_at = "2026-11-23T09:15:00Z".into();
                map.currency = currency;
                // Ids may be any text; they only have to be unique within the map, map id included
                // (so the item ids extend it and can never equal it).
                let mut n = 0;
                let mut next = || {
                    n += 1;
                    format!("{id}.{id_prefix}{n}")
                };
                map.personas = personas;
                map.personas.iter_mut().for_each(|p| p.id = next());
                for (lane, shown) in map.lanes.iter_mut().zip(shown) {
                    lane.id = next();
                    lane.shown = shown;
                }
                if let Some(name) = custom_lane {
                    let id = next();
                    map.lanes.push(Lane {
                        id,
                        kind: LaneKind::Custom,
                        name,
                        shown: true,
                    });
                }
                for (mut phase, cards) in phases {
                    phase.id = next();
                    phase.touchpoints.iter_mut().for_each(|t| t.id = next());
                    phase.kpis.iter_mut().for_each(|k| k.id = next());
                    for (lane, mut card) in cards {
                        card.id = next();
                        let lane = map.lanes[lane % map.lanes.len()].id.clone();
                        phase.cards.entry(lane).or_default().push(card);
                    }
                    map.phases.push(phase);
                }
                // Some touchpoints feel otherwise for some personas.
                let persona_ids: Vec<_> = map.personas.iter().map(|p| p.id.clone()).collect();
                let touchpoints = map.phases.iter_mut().flat_map(|p| &mut p.touchpoints);
                for (i, t) in touchpoints.enumerate() {
                    for (j, persona) in persona_ids
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| (i + j) % 3 == 0)
                    {
                        let score = ((i * 7 + j) % 5) as i64 - 2;
                        t.emotions
                            .insert(persona.clone(), Emotion::new(score).unwrap());
                    }
                }
                map
            },
        )
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
        if let Some(payload) = share::encode(&map, 0, true) {
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
        store.hold_daily(&map.id, "2026-12-04T09:00:00Z");
        store.keep_held(3);
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
        let list: Vec<Measurement> = list.into_iter().map(|(date, value)| Measurement::typed(date, value)).collect();
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

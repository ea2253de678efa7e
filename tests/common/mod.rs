//! What several test files need alike; each uses only some of it.
#![allow(dead_code)]

use journey_mapper::model::loyalty::forecast::Terms;
use journey_mapper::model::loyalty::work::{self, Job, Outcome};
use journey_mapper::model::loyalty::{CustomerBase, Mapping, Period, Source};
use journey_mapper::model::Date;
use serde_json::{json, Value};

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

/// A version 1 file: one map of three phases, a touchpoint and a KPI.
pub fn minimal() -> Value {
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

/// A version 2 file: [`minimal`] with a persona, the lanes, lane cards and a plan.
pub fn whole() -> Value {
    let mut doc = minimal();
    doc["version"] = json!(2);
    let map = &mut doc["map"];
    map["currency"] = json!("EUR");
    map["personas"] = json!([{ "id": "anna", "name": "Anna", "color": "#9467bd", "quote": "Make it easy" },
                             { "id": "bram", "name": "Bram", "color": "#8c564b" }]);
    map["lanes"] = json!([{ "id": "pains", "kind": "pain_points", "name": "", "shown": true },
                          { "id": "ideas", "kind": "opportunities", "shown": false }]);
    let phase = &mut map["phases"][0];
    phase["contact_limit"] = json!(3);
    phase["cards"] = json!({ "pains": [{ "id": "c1", "text": "Too many mails", "severity": 3, "votes": 4 }],
                             "ideas": [{ "id": "c2", "text": "One digest a week", "severity": null, "votes": 2 }] });
    let t = &mut phase["touchpoints"][0];
    t["emotions"] = json!({ "bram": -1 });
    t["cost_per_month"] = json!(1200.5);
    t["contacts_per_month"] = json!(2);
    t["reach"] = json!("mass");
    t["trigger"] = json!("7 days after delivery");
    doc
}

/// A version 3 file: [`whole`] with a KPI computed from a survey and one from orders.
pub fn computed() -> Value {
    let mut doc = whole();
    doc["version"] = json!(3);
    doc["map"]["phases"][2]["kpis"][0]["kind"] = json!("number");
    doc["map"]["phases"][1]["kpis"] = json!([
        { "id": "nps", "name": "NPS", "unit": "", "direction": "increase", "baseline": null, "target": 30,
          "kind": "nps",
          "mapping": { "source": "survey", "period": "quarter",
                       "columns": { "date": "Tijdstempel", "score": "Hoe waarschijnlijk?" } },
          "measurements": [ { "date": "2026-01-01", "value": 99,
                              "counts": { "answers": [5, 0, 0, 0, 0, 0, 5, 10, 10, 20, 10] } } ] },
        { "id": "rpr", "name": "Repeat purchases", "unit": "%", "direction": "increase", "baseline": null,
          "target": null, "kind": "repeat_purchase_rate",
          "measurements": [ { "date": "2026-02-01", "value": 25, "counts": {
              "orders": 120, "revenue": 5400.5, "customers": 100, "new_customers": 60,
              "repeat_customers": 25, "previous_customers": 80, "retained_customers": 30,
              "customers_to_date": 400, "revenue_to_date": 21000 } } ] }
    ]);
    doc
}

/// A version 4 file: [`computed`] with two voting rounds, a scored card and an action.
pub fn decided() -> Value {
    let mut doc = computed();
    doc["version"] = json!(4);
    let map = &mut doc["map"];
    map["rounds"] = json!([
        { "id": "r1", "name": "Before the break", "started_at": "2026-12-06T10:00:00Z",
          "minutes": 5, "ended_at": "2026-12-06T10:05:00Z", "voted_lanes": ["pains", "ideas"],
          "dots": 3, "per_card": 2, "hidden": true, "named": true,
          "ballots": [ { "id": "r1-anna", "name": "Anna", "people": 1, "dots": { "c1": 2, "c2": 1 } },
                       { "id": "r1-room", "name": "The room", "people": 4, "dots": { "c2": 8 } } ] },
        { "id": "r2", "name": "", "started_at": "2026-12-06T11:00:00Z", "voted_lanes": ["ideas"],
          "dots": 5, "per_card": 5, "hidden": false, "named": false,
          "ballots": [ { "id": "r2-x", "name": "", "people": 1, "dots": { "c2": 5 } } ] }
    ]);
    let card = &mut map["phases"][0]["cards"]["ideas"][0];
    card["score"] = json!({ "customer": 5, "business": 4, "effort": 2 });
    card["action"] = json!({ "owner": "Anna", "due": "2027-01-15" });
    let phase = map["phases"][0]["id"].clone();
    map["comments"] = json!([
        { "id": "note1", "on": "c2", "author": "Anna", "by": "m1", "text": "Who asks the carrier? @Bram",
          "at": "2026-12-06T10:10:00Z", "mentions": ["Bram"] },
        { "id": "note2", "on": "c2", "reply_to": "note1", "author": "Bram", "by": "m2", "text": "I do.",
          "at": "2026-12-06T10:11:00Z", "edited_at": "2026-12-06T10:12:00Z" },
        { "id": "note3", "on": phase, "author": "", "by": "m1", "text": "=1+2 \u{0}", "at": "2026-12-06T10:13:00Z",
          "resolved": true }
    ]);
    doc
}

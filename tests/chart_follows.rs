//! `Chart::follows` decides which charts' data is worked out again after an edit. These tests
//! apply every kind of edit and compare what each chart shows before and after: a chart whose
//! data changed must follow the edit, and for every edit that changes one field exactly the
//! charts whose data changed follow it, so typing where no chart looks redraws nothing.

mod common;

use journey_mapper::charts::{customers, data, priorities, Chart};
use journey_mapper::model::loyalty::{CustomerBase, Period};
use journey_mapper::model::workshop::{Action, Round, Score};
use journey_mapper::model::{
    Color, Date, Direction, Edit, Emotion, Item, JourneyMap, Kpi, LaneCard, LibraryEdit,
    Measurement, NumberField, Phase, Reach, TextField, Touchpoint, WorkshopEdit,
};

fn touchpoint(id: &str, channel: &str, emotion: Option<i64>) -> Touchpoint {
    Touchpoint {
        channel: channel.into(),
        description: "Why it matters".into(),
        emotion: emotion.and_then(Emotion::new),
        owner: "Marketing".into(),
        ..Touchpoint::new(id, format!("Touchpoint {id}"))
    }
}

fn measurement(month: u8, value: f64) -> Measurement {
    Measurement::typed(Date::new(2026, month, 1).unwrap(), value)
}

fn map() -> JourneyMap {
    let mut map = JourneyMap::new("m", "Webshop");
    let mut see = Phase::new("see", "See", Color::rgb(10, 20, 30));
    see.touchpoints = vec![
        touchpoint("t1", "E-mail", Some(1)),
        touchpoint("t2", "Web", None),
    ];
    see.kpis = vec![Kpi {
        unit: "%".into(),
        direction: Direction::Increase,
        baseline: Some(0.0),
        target: Some(100.0),
        measurements: vec![measurement(1, 40.0)],
        ..Kpi::new("k1", "Reach")
    }];
    let mut buy = Phase::new("buy", "Buy", Color::rgb(40, 50, 60));
    buy.touchpoints = vec![touchpoint("t3", "Shop", Some(-1))];
    let scored = LaneCard {
        score: Some(score(4)),
        ..LaneCard::new("c1", "Slow delivery")
    };
    see.cards.insert("lane-opportunities".into(), vec![scored]);
    map.phases = vec![see, buy];
    map
}

fn score(effort: u8) -> Score {
    Score {
        customer: 4,
        business: 3,
        effort,
    }
}

/// Everything a chart shows, drawing and data table, as its data functions work it out.
#[derive(Debug, PartialEq)]
enum Shown {
    Experience(data::Experience),
    Progress(Vec<data::ProgressBar>),
    /// The KPIs to choose from (phase and KPI names) and each one's trend.
    Trend(Vec<(String, data::Trend)>),
    Coverage(data::Coverage),
    Plan(data::Plan),
    Customers(Option<Box<CustomerBase>>),
    Priorities(Vec<priorities::Point>),
}

fn shown(chart: Chart, map: &JourneyMap) -> Shown {
    match chart {
        Chart::Experience => Shown::Experience(data::experience(map)),
        Chart::Progress => Shown::Progress(data::progress(map)),
        Chart::Trend => Shown::Trend(
            map.phases
                .iter()
                .flat_map(|p| p.kpis.iter().map(|k| (p.name.clone(), data::trend(k))))
                .collect(),
        ),
        Chart::Coverage => Shown::Coverage(data::coverage(map)),
        Chart::Plan => Shown::Plan(data::plan(map)),
        Chart::Customers => Shown::Customers(customers::of(map).map(Box::new)),
        Chart::Priorities => Shown::Priorities(priorities::of(map)),
    }
}

/// The charts whose data `edit` changes, and the charts that follow it.
fn changed_and_followed(edit: &Edit) -> (Vec<Chart>, Vec<Chart>) {
    let before = map();
    let mut after = before.clone();
    after
        .apply(edit.clone())
        .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    let wrapped = LibraryEdit::Map {
        id: "m".into(),
        edit: edit.clone(),
    };
    let changed = Chart::ALL
        .into_iter()
        .filter(|&c| shown(c, &before) != shown(c, &after))
        .collect();
    let followed = Chart::ALL
        .into_iter()
        .filter(|c| c.follows(&wrapped))
        .collect();
    (changed, followed)
}

fn text(field: TextField) -> Edit {
    Edit::SetText {
        field,
        value: "Changed".into(),
    }
}

#[test]
fn an_edit_of_one_field_reaches_exactly_the_charts_that_show_it() {
    use Chart::*;
    use TextField as F;
    let cases: Vec<(Edit, Vec<Chart>)> = vec![
        (text(F::MapTitle), vec![]),
        (text(F::MapDescription), vec![]),
        (text(F::PhaseDescription("see".into())), vec![]),
        (text(F::PhaseGoal("see".into())), vec![]),
        (text(F::TouchpointDescription("t1".into())), vec![]),
        (text(F::TouchpointOwner("t1".into())), vec![]),
        (
            text(F::PhaseName("see".into())),
            vec![Experience, Progress, Trend, Coverage, Plan],
        ),
        (text(F::TouchpointName("t1".into())), vec![Experience]),
        (text(F::TouchpointChannel("t1".into())), vec![Coverage]),
        (text(F::KpiName("k1".into())), vec![Progress, Trend]),
        (text(F::KpiUnit("k1".into())), vec![Trend]),
        (
            Edit::SetColor {
                phase: "see".into(),
                color: Color::rgb(1, 2, 3),
            },
            vec![Experience, Plan],
        ),
        (
            Edit::SetEmotion {
                touchpoint: "t1".into(),
                emotion: Emotion::new(-2),
            },
            vec![Experience],
        ),
        (
            Edit::SetDirection {
                kpi: "k1".into(),
                direction: Direction::Decrease,
            },
            vec![Progress, Plan],
        ),
        (
            Edit::SetNumber {
                field: NumberField::Target("k1".into()),
                value: Some(80.0),
            },
            vec![Progress, Trend, Plan],
        ),
        (
            Edit::SetNumber {
                field: NumberField::Baseline("k1".into()),
                value: Some(10.0),
            },
            vec![Progress, Trend, Plan],
        ),
        (
            Edit::InsertMeasurement {
                kpi: "k1".into(),
                index: 1,
                measurement: measurement(2, 60.0),
            },
            vec![Progress, Trend, Plan],
        ),
        (
            Edit::SetMeasurement {
                kpi: "k1".into(),
                index: 0,
                measurement: measurement(1, 50.0),
            },
            vec![Progress, Trend, Plan],
        ),
        (
            Edit::RemoveMeasurement {
                kpi: "k1".into(),
                index: 0,
            },
            vec![Progress, Trend, Plan],
        ),
        (
            Edit::SetMeasurements {
                kpi: "k1".into(),
                measurements: vec![measurement(3, 70.0)],
            },
            vec![Progress, Trend, Plan],
        ),
        (text(F::MapCurrency), vec![Plan]),
        (
            Edit::SetCustomerBase {
                base: Some(Box::new(common::customer_base(
                    common::SMALL_SHOP,
                    Period::Month,
                ))),
            },
            vec![Customers],
        ),
        (text(F::TouchpointTrigger("t1".into())), vec![]),
        (text(F::CardText("c1".into())), vec![Priorities]),
        (
            Edit::SetVotes {
                card: "c1".into(),
                votes: 3,
            },
            vec![Plan],
        ),
        (
            Edit::Workshop(WorkshopEdit::SetScore {
                card: "c1".into(),
                score: Some(score(1)),
            }),
            vec![Priorities],
        ),
        (
            Edit::Workshop(WorkshopEdit::SetAction {
                card: "c1".into(),
                action: Some(Action {
                    owner: "Anna".into(),
                    due: None,
                }),
            }),
            vec![],
        ),
        (
            Edit::Workshop(WorkshopEdit::InsertRound {
                index: 0,
                round: Round {
                    id: "r".into(),
                    name: String::new(),
                    started_at: "2026-12-06T10:00:00Z".into(),
                    minutes: None,
                    ended_at: None,
                    voted_lanes: vec!["lane-opportunities".into()],
                    dots: 3,
                    per_card: 3,
                    hidden: true,
                    named: false,
                    ballots: Vec::new(),
                },
            }),
            vec![],
        ),
        (
            Edit::SetNumber {
                field: NumberField::Cost("t1".into()),
                value: Some(250.0),
            },
            vec![Plan],
        ),
        (
            Edit::SetNumber {
                field: NumberField::Contacts("t3".into()),
                value: Some(2.0),
            },
            vec![Plan],
        ),
        (
            Edit::SetNumber {
                field: NumberField::ContactLimit("buy".into()),
                value: Some(3.0),
            },
            vec![Plan],
        ),
        (
            Edit::SetReach {
                touchpoint: "t1".into(),
                reach: Some(Reach::Mass),
            },
            vec![],
        ),
    ];
    for (edit, expected) in cases {
        let (changed, followed) = changed_and_followed(&edit);
        assert_eq!(changed, expected, "charts whose data {edit:?} changes");
        assert_eq!(followed, expected, "charts that follow {edit:?}");
    }
}

#[test]
fn every_chart_whose_data_a_structural_edit_changes_follows_it() {
    let edits = [
        Edit::InsertPhase {
            index: 1,
            phase: Phase::new("new", "New", Color::rgb(0, 0, 0)),
        },
        Edit::RemovePhase {
            phase: "buy".into(),
        },
        Edit::MovePhase {
            phase: "buy".into(),
            to: 0,
        },
        Edit::InsertItem {
            phase: "buy".into(),
            index: 0,
            item: Item::Touchpoint(touchpoint("t4", "Phone", Some(2))),
        },
        Edit::RemoveItem { id: "t1".into() },
        Edit::RemoveItem { id: "c1".into() },
        Edit::RemoveLane {
            lane: "lane-opportunities".into(),
        },
        Edit::MoveItem {
            id: "t1".into(),
            phase: "buy".into(),
            index: 1,
        },
        Edit::MoveItem {
            id: "k1".into(),
            phase: "buy".into(),
            index: 0,
        },
    ];
    for edit in edits {
        let (changed, followed) = changed_and_followed(&edit);
        assert!(!changed.is_empty(), "{edit:?} changes some chart");
        for chart in changed {
            assert!(followed.contains(&chart), "{chart:?} follows {edit:?}");
        }
    }
}

#[test]
fn a_whole_map_added_removed_or_replaced_reaches_every_chart() {
    let edits = [
        LibraryEdit::RemoveMap { id: "m".into() },
        LibraryEdit::ReplaceMap {
            map: Box::new(map()),
        },
        LibraryEdit::InsertMap {
            index: 0,
            map: Box::new(map()),
        },
    ];
    for edit in edits {
        assert!(Chart::ALL.iter().all(|c| c.follows(&edit)), "{edit:?}");
    }
}

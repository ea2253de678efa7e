//! Every edit, applied and then undone by the edit it returned, gives back the map it started from.

mod common;

use journey_mapper::model::generate::{self, Size};
use journey_mapper::model::loyalty::{Answers, Counts, KpiKind, Mapping, Period, Source};
use journey_mapper::model::{
    limits, Color, Date, Direction, Edit, EditError, Emotion, Item, JourneyMap, Kpi, Lane,
    LaneCard, LaneKind, Library, LibraryEdit, Measurement, NumberField, Persona, Phase, TextField,
    Touchpoint, PHASE_PALETTE,
};

fn sample() -> JourneyMap {
    generate::map(42, Size::WORKSHOP)
}

fn touchpoint(id: &str) -> Touchpoint {
    Touchpoint {
        channel: "E-mail".into(),
        emotion: Emotion::new(1),
        owner: "Marketing".into(),
        ..Touchpoint::new(id, "Newsletter")
    }
}

fn kpi(id: &str) -> Kpi {
    Kpi {
        unit: "%".into(),
        direction: Direction::Increase,
        baseline: Some(20.0),
        target: Some(30.0),
        ..Kpi::new(id, "Open rate")
    }
}

/// Applies `edit`, checks it changed something, undoes it and checks the map is as before;
/// then redoes it with the undo's inverse and checks the same result again.
fn round_trip(map: &JourneyMap, edit: Edit) -> JourneyMap {
    let mut edited = map.clone();
    let undo = edited
        .apply(edit.clone())
        .unwrap_or_else(|e| panic!("{edit:?} failed: {e}"));
    assert_ne!(&edited, map, "{edit:?} changed nothing");
    let mut undone = edited.clone();
    let redo = undone.apply(undo).unwrap();
    assert_eq!(&undone, map, "undo of {edit:?}");
    undone.apply(redo).unwrap();
    assert_eq!(undone, edited, "redo of {edit:?}");
    edited
}

#[test]
fn every_kind_of_edit_is_undone_by_its_inverse() {
    let map = sample();
    let p0 = map.phases[0].id.clone();
    let p3 = map.phases[3].id.clone();
    let tp = map.phases[0].touchpoints[1].id.clone();
    let k = map.phases[2].kpis[0].id.clone();
    let fields = [
        TextField::MapTitle,
        TextField::MapDescription,
        TextField::PhaseName(p0.clone()),
        TextField::PhaseDescription(p0.clone()),
        TextField::PhaseGoal(p0.clone()),
        TextField::TouchpointName(tp.clone()),
        TextField::TouchpointChannel(tp.clone()),
        TextField::TouchpointDescription(tp.clone()),
        TextField::TouchpointOwner(tp.clone()),
        TextField::KpiName(k.clone()),
        TextField::KpiUnit(k.clone()),
    ];
    for field in fields {
        round_trip(
            &map,
            Edit::SetText {
                field,
                value: "Kijk <b>& koop</b>".into(),
            },
        );
    }
    let edits = vec![
        Edit::SetColor {
            phase: p0.clone(),
            color: Color::rgb(1, 2, 3),
        },
        Edit::SetEmotion {
            touchpoint: tp.clone(),
            emotion: None,
        },
        Edit::SetEmotion {
            touchpoint: tp.clone(),
            emotion: Emotion::new(-2),
        },
        Edit::SetDirection {
            kpi: k.clone(),
            direction: Direction::Decrease,
        },
        Edit::SetNumber {
            field: NumberField::Baseline(k.clone()),
            value: None,
        },
        Edit::SetNumber {
            field: NumberField::Target(k.clone()),
            value: Some(-1.5e9),
        },
        Edit::InsertPhase {
            index: 2,
            phase: Phase::new("fresh", "Koester", PHASE_PALETTE[1]),
        },
        Edit::RemovePhase { phase: p3.clone() },
        Edit::MovePhase {
            phase: p0.clone(),
            to: 9,
        },
        Edit::MovePhase {
            phase: p3.clone(),
            to: 0,
        },
        Edit::InsertItem {
            phase: p3.clone(),
            index: 0,
            item: Item::Touchpoint(touchpoint("new-tp")),
        },
        Edit::InsertItem {
            phase: p3.clone(),
            index: 1,
            item: Item::Kpi(kpi("new-kpi")),
        },
        Edit::RemoveItem { id: tp.clone() },
        Edit::RemoveItem { id: k.clone() },
        Edit::MoveItem {
            id: tp.clone(),
            phase: p3.clone(),
            index: 0,
        },
        Edit::MoveItem {
            id: tp.clone(),
            phase: p0.clone(),
            index: 5,
        },
        Edit::MoveItem {
            id: k.clone(),
            phase: p0.clone(),
            index: 0,
        },
        Edit::InsertMeasurement {
            kpi: k.clone(),
            index: 0,
            measurement: Measurement::typed(Date::parse("2022-12-01").unwrap(), 3.0),
        },
        Edit::RemoveMeasurement {
            kpi: k.clone(),
            index: 11,
        },
        Edit::SetMeasurements {
            kpi: k.clone(),
            measurements: vec![],
        },
        Edit::SetMeasurement {
            kpi: k.clone(),
            index: 4,
            measurement: Measurement::typed(Date::parse("2023-05-02").unwrap(), 0.25),
        },
    ];
    for edit in edits {
        round_trip(&map, edit);
    }
}

#[test]
fn every_edit_of_personas_lanes_cards_and_the_plan_is_undone_by_its_inverse() {
    let map = sample();
    let p0 = map.phases[0].id.clone();
    let p3 = map.phases[3].id.clone();
    let tp = map.phases[0].touchpoints[1].id.clone();
    let persona = map.personas[1].id.clone();
    let [does, thinks, pains] = [0, 1, 2].map(|i| map.lanes[i].id.clone());
    let card = map.phases[0].lane_cards(&pains)[0].id.clone();
    let texts = [
        TextField::MapCurrency,
        TextField::TouchpointTrigger(tp.clone()),
        TextField::PersonaName(persona.clone()),
        TextField::PersonaDescription(persona.clone()),
        TextField::PersonaGoals(persona.clone()),
        TextField::PersonaFrustrations(persona.clone()),
        TextField::PersonaQuote(persona.clone()),
        TextField::LaneName(does.clone()),
        TextField::CardText(card.clone()),
    ];
    for field in texts {
        round_trip(
            &map,
            Edit::SetText {
                field,
                value: "€".into(),
            },
        );
    }
    let mut custom = Lane {
        id: "lane-own".into(),
        kind: LaneKind::Custom,
        name: "Feels".into(),
        shown: true,
    };
    let edits = [
        Edit::SetNumber {
            field: NumberField::Cost(tp.clone()),
            value: Some(0.0),
        },
        Edit::SetNumber {
            field: NumberField::Contacts(tp.clone()),
            value: None,
        },
        Edit::SetNumber {
            field: NumberField::ContactLimit(p0.clone()),
            value: Some(2.5),
        },
        Edit::SetReach {
            touchpoint: tp.clone(),
            reach: None,
        },
        Edit::SetPersonaEmotion {
            touchpoint: tp.clone(),
            persona: map.personas[0].id.clone(),
            emotion: Emotion::new(2),
        },
        Edit::SetPersonaColor {
            persona: persona.clone(),
            color: Color::rgb(9, 9, 9),
        },
        Edit::InsertPersona {
            index: 1,
            persona: Persona::new("p-new", "Eva", PHASE_PALETTE[0]),
            emotions: vec![(tp.clone(), Emotion::new(-1).unwrap())],
        },
        Edit::RemovePersona {
            persona: persona.clone(),
        },
        Edit::InsertLane {
            index: 0,
            lane: custom.clone(),
            cards: vec![(p3.clone(), vec![LaneCard::new("own-1", "Nervous")])],
        },
        Edit::RemoveLane {
            lane: pains.clone(),
        },
        Edit::MoveLane {
            lane: does.clone(),
            to: 4,
        },
        Edit::ShowLane {
            lane: thinks.clone(),
            shown: false,
        },
        Edit::InsertItem {
            phase: p3.clone(),
            index: 1,
            item: Item::Card {
                lane: thinks.clone(),
                card: LaneCard::new("c-new", "Is it safe?"),
            },
        },
        Edit::RemoveItem { id: card.clone() },
        Edit::MoveItem {
            id: card.clone(),
            phase: p3.clone(),
            index: 0,
        },
        Edit::MoveCard {
            id: card.clone(),
            phase: p0.clone(),
            lane: does.clone(),
            index: 1,
        },
        Edit::MoveCard {
            id: card.clone(),
            phase: p3.clone(),
            lane: thinks.clone(),
            index: 0,
        },
        Edit::SetSeverity {
            card: card.clone(),
            severity: None,
        },
        Edit::SetVotes {
            card: card.clone(),
            votes: limits::VOTES,
        },
    ];
    for edit in edits {
        round_trip(&map, edit);
    }

    // A persona's removal takes its own emotions along, and its undo brings them back.
    let removed = round_trip(
        &map,
        Edit::RemovePersona {
            persona: persona.clone(),
        },
    );
    assert!(removed
        .phases
        .iter()
        .flat_map(|p| &p.touchpoints)
        .all(|t| !t.emotions.contains_key(&persona)));
    // A lane's removal takes its cards along.
    let removed = round_trip(
        &map,
        Edit::RemoveLane {
            lane: pains.clone(),
        },
    );
    assert!(removed.card(&card).is_none());
    // A moved card lands where asked, in the lane asked.
    let moved = round_trip(
        &map,
        Edit::MoveCard {
            id: card.clone(),
            phase: p3.clone(),
            lane: does.clone(),
            index: 1,
        },
    );
    assert_eq!(moved.phases[3].lane_cards(&does)[1].id, card);
    assert_eq!(moved.card_count(), map.card_count());
    custom.id = does.clone();
    let mut refused = map.clone();
    for edit in [
        Edit::SetNumber {
            field: NumberField::Cost(tp.clone()),
            value: Some(-1.0),
        },
        Edit::SetNumber {
            field: NumberField::ContactLimit(p0.clone()),
            value: Some(2e12),
        },
        Edit::SetVotes {
            card: card.clone(),
            votes: limits::VOTES + 1,
        },
        Edit::SetPersonaEmotion {
            touchpoint: tp.clone(),
            persona: "nobody".into(),
            emotion: Emotion::new(1),
        },
        Edit::InsertLane {
            index: 0,
            lane: custom.clone(),
            cards: vec![],
        },
        Edit::InsertItem {
            phase: p0.clone(),
            index: 0,
            item: Item::Card {
                lane: "no-lane".into(),
                card: LaneCard::new("x", "x"),
            },
        },
        Edit::MoveCard {
            id: card.clone(),
            phase: p0.clone(),
            lane: "no-lane".into(),
            index: 0,
        },
        Edit::MoveCard {
            id: card.clone(),
            phase: p0.clone(),
            lane: pains.clone(),
            index: 99,
        },
        Edit::SetText {
            field: TextField::MapCurrency,
            value: "Dollars!!!".into(),
        },
        Edit::InsertItem {
            phase: p0.clone(),
            index: 0,
            item: Item::Touchpoint(Touchpoint {
                cost_per_month: Some(-5.0),
                ..touchpoint("bad")
            }),
        },
    ] {
        assert!(
            refused.apply(edit.clone()).is_err(),
            "{edit:?} was accepted"
        );
        assert_eq!(refused, map, "{edit:?} changed the map");
    }
}

#[test]
fn moving_a_touchpoint_to_another_phase_puts_it_where_asked() {
    let map = sample();
    let tp = map.phases[0].touchpoints[0].id.clone();
    let to = map.phases[4].id.clone();
    let moved = round_trip(
        &map,
        Edit::MoveItem {
            id: tp.clone(),
            phase: to,
            index: 2,
        },
    );
    assert_eq!(moved.phases[4].touchpoints[2].id, tp);
    assert_eq!(
        moved.phases[0].touchpoints.len(),
        map.phases[0].touchpoints.len() - 1
    );
    assert_eq!(moved.touchpoint_count(), map.touchpoint_count());
}

#[test]
fn refused_edits_leave_the_map_unchanged() {
    let map = sample();
    let p0 = map.phases[0].id.clone();
    let tp = map.phases[0].touchpoints[0].id.clone();
    let k = map.phases[0].kpis[0].id.clone();
    let cases = vec![
        (
            Edit::SetText {
                field: TextField::MapTitle,
                value: String::new(),
            },
            EditError::TitleLength(0),
        ),
        (
            Edit::SetText {
                field: TextField::MapTitle,
                value: "x".repeat(201),
            },
            EditError::TitleLength(201),
        ),
        (
            Edit::SetText {
                field: TextField::PhaseName("nope".into()),
                value: "x".into(),
            },
            EditError::NotFound("nope".into()),
        ),
        (
            Edit::SetText {
                field: TextField::KpiName(tp.clone()),
                value: "x".into(),
            },
            EditError::NotFound(tp.clone()),
        ),
        (
            Edit::SetNumber {
                field: NumberField::Target(k.clone()),
                value: Some(f64::NAN),
            },
            EditError::NotFinite,
        ),
        (
            Edit::InsertPhase {
                index: 11,
                phase: Phase::new("z", "Z", PHASE_PALETTE[0]),
            },
            EditError::IndexOutOfRange(11),
        ),
        (
            Edit::InsertPhase {
                index: 0,
                phase: Phase::new(tp.clone(), "Z", PHASE_PALETTE[0]),
            },
            EditError::DuplicateId(tp.clone()),
        ),
        (
            Edit::InsertItem {
                phase: p0.clone(),
                index: 0,
                item: Item::Kpi(kpi(&p0)),
            },
            EditError::DuplicateId(p0.clone()),
        ),
        (
            Edit::InsertItem {
                phase: p0.clone(),
                index: 0,
                item: Item::Touchpoint(touchpoint("")),
            },
            EditError::DuplicateId(String::new()),
        ),
        (
            Edit::InsertItem {
                phase: p0.clone(),
                index: 99,
                item: Item::Touchpoint(touchpoint("t")),
            },
            EditError::IndexOutOfRange(99),
        ),
        (
            Edit::MovePhase {
                phase: p0.clone(),
                to: 10,
            },
            EditError::IndexOutOfRange(10),
        ),
        (
            Edit::MoveItem {
                id: tp.clone(),
                phase: p0.clone(),
                index: 20,
            },
            EditError::IndexOutOfRange(20),
        ),
        (
            Edit::RemoveMeasurement {
                kpi: k.clone(),
                index: 12,
            },
            EditError::IndexOutOfRange(12),
        ),
        (
            Edit::InsertMeasurement {
                kpi: k.clone(),
                index: 0,
                measurement: Measurement::typed(Date::parse("2024-01-01").unwrap(), f64::INFINITY),
            },
            EditError::NotFinite,
        ),
    ];
    for (edit, expected) in cases {
        let mut edited = map.clone();
        assert_eq!(edited.apply(edit.clone()), Err(expected), "{edit:?}");
        assert_eq!(edited, map, "{edit:?} changed the map although refused");
    }
}

#[test]
fn limits_are_enforced_by_edits() {
    let mut map = JourneyMap::new("m", "Limits");
    for i in 0..limits::PHASES {
        map.apply(Edit::InsertPhase {
            index: i,
            phase: Phase::new(format!("p{i}"), "P", PHASE_PALETTE[0]),
        })
        .unwrap();
    }
    let one_more = Edit::InsertPhase {
        index: 0,
        phase: Phase::new("extra", "P", PHASE_PALETTE[0]),
    };
    assert_eq!(
        map.apply(one_more),
        Err(EditError::TooMany {
            what: "phases",
            max: limits::PHASES
        })
    );

    for i in 0..limits::TOUCHPOINTS_PER_PHASE {
        let item = Item::Touchpoint(touchpoint(&format!("t{i}")));
        map.apply(Edit::InsertItem {
            phase: "p0".into(),
            index: 0,
            item,
        })
        .unwrap();
    }
    let item = Item::Touchpoint(touchpoint("one-more"));
    assert!(matches!(
        map.apply(Edit::InsertItem {
            phase: "p0".into(),
            index: 0,
            item
        }),
        Err(EditError::TooMany { .. })
    ));
    // Moving into a full phase is refused too; moving within it is not.
    map.apply(Edit::InsertItem {
        phase: "p1".into(),
        index: 0,
        item: Item::Touchpoint(touchpoint("x")),
    })
    .unwrap();
    assert!(matches!(
        map.apply(Edit::MoveItem {
            id: "x".into(),
            phase: "p0".into(),
            index: 0
        }),
        Err(EditError::TooMany { .. })
    ));
    map.apply(Edit::MoveItem {
        id: "t3".into(),
        phase: "p0".into(),
        index: 0,
    })
    .unwrap();
}

#[test]
fn a_long_sequence_of_edits_undoes_back_to_the_start() {
    let start = generate::map(5, Size::LARGE);
    let mut map = start.clone();
    let undos: Vec<Edit> = generate::edits(&start, 9, 1000)
        .into_iter()
        .map(|e| map.apply(e).unwrap())
        .collect();
    assert_ne!(map, start);
    for undo in undos.into_iter().rev() {
        map.apply(undo).unwrap();
    }
    assert_eq!(map, start);
}

#[test]
fn library_edits_create_rename_and_delete_maps_with_inverses() {
    let mut library = Library::default();
    let undo_create = library
        .apply(LibraryEdit::InsertMap {
            index: 0,
            map: Box::new(JourneyMap::new("a", "Workshop")),
        })
        .unwrap();
    assert_eq!(undo_create.map_id(), "a");
    let rename = LibraryEdit::Map {
        id: "a".into(),
        edit: Edit::SetText {
            field: TextField::MapTitle,
            value: "Renamed".into(),
        },
    };
    let undo_rename = library.apply(rename).unwrap();
    assert_eq!(library.maps[0].title, "Renamed");
    library.apply(undo_rename).unwrap();
    assert_eq!(library.maps[0].title, "Workshop");

    let duplicate = LibraryEdit::InsertMap {
        index: 0,
        map: Box::new(JourneyMap::new("a", "Again")),
    };
    assert_eq!(
        library.apply(duplicate),
        Err(EditError::DuplicateId("a".into()))
    );
    let untitled = LibraryEdit::InsertMap {
        index: 0,
        map: Box::new(JourneyMap::new("b", "")),
    };
    assert_eq!(library.apply(untitled), Err(EditError::TitleLength(0)));

    let undo_delete = library
        .apply(LibraryEdit::RemoveMap { id: "a".into() })
        .unwrap();
    assert!(library.maps.is_empty());
    library.apply(undo_delete).unwrap();
    assert_eq!(library.maps[0].title, "Workshop");
    library.apply(undo_create).unwrap();
    assert!(library.maps.is_empty());
}

#[test]
fn replacing_a_map_is_one_undoable_edit() {
    let original = generate::map(1, Size::SMALL);
    let mut library = Library {
        maps: vec![JourneyMap::new("other", "Other"), original.clone()],
    };
    let mut replacement = generate::map(2, Size::WORKSHOP);
    replacement.id = original.id.clone();
    let undo = library
        .apply(LibraryEdit::ReplaceMap {
            map: Box::new(replacement.clone()),
        })
        .unwrap();
    assert_eq!(
        library.maps[1], replacement,
        "stays in its place in the library"
    );
    library.apply(undo).unwrap();
    assert_eq!(library.maps[1], original);

    let mut stranger = replacement.clone();
    stranger.id = "nope".into();
    assert_eq!(
        library.apply(LibraryEdit::ReplaceMap {
            map: Box::new(stranger)
        }),
        Err(EditError::NotFound("nope".into()))
    );
    let mut untitled = replacement;
    untitled.title = String::new();
    assert_eq!(
        library.apply(LibraryEdit::ReplaceMap {
            map: Box::new(untitled)
        }),
        Err(EditError::TitleLength(0))
    );
    assert_eq!(library.maps[1], original);
}

/// Measured from a survey: 30 promoters, 10 passives, 10 detractors in January.
fn nps_measured() -> (Vec<Measurement>, Mapping) {
    let mut answers = Answers::default();
    answers.answers[10] = 30;
    answers.answers[8] = 10;
    answers.answers[2] = 10;
    let counts = Counts::Answers(answers);
    let value = KpiKind::Nps.value(&counts).unwrap();
    let m = Measurement {
        date: Date::new(2026, 1, 1).unwrap(),
        value,
        counts: Some(counts),
    };
    let header = ["Datum".to_string(), "Score".to_string()];
    (vec![m], Mapping::guess(Source::Survey, &header))
}

#[test]
fn a_kpis_kind_mapping_and_measurements_change_together_and_undo_together() {
    let map = sample();
    let k = map.phases[2].kpis[0].id.clone();
    let (measurements, mapping) = nps_measured();
    let edited = round_trip(
        &map,
        Edit::SetKpiKind {
            kpi: k.clone(),
            kind: KpiKind::Nps,
            unit: Some(String::new()),
            mapping: Some(mapping),
            measurements: measurements.clone(),
        },
    );
    let kpi = &edited.phases[2].kpis[0];
    assert_eq!((kpi.kind, kpi.measurements.len()), (KpiKind::Nps, 1));
    assert_eq!(
        kpi.unit, "",
        "an NPS is no count: its unit went with the kind, in the same step"
    );
    assert_eq!(kpi.measurements[0].value, 40.0);
    // A computed KPI's measurements keep to its kind, whichever edit brings them.
    let typed = Measurement::typed(Date::new(2026, 2, 1).unwrap(), 99.0);
    let mut forged = measurements[0].clone();
    forged.value = 99.0;
    for edit in [
        Edit::InsertMeasurement {
            kpi: k.clone(),
            index: 1,
            measurement: typed.clone(),
        },
        Edit::InsertMeasurement {
            kpi: k.clone(),
            index: 1,
            measurement: forged.clone(),
        },
        Edit::SetMeasurement {
            kpi: k.clone(),
            index: 0,
            measurement: typed.clone(),
        },
        Edit::SetMeasurements {
            kpi: k.clone(),
            measurements: vec![forged.clone()],
        },
        Edit::SetKpiKind {
            kpi: k.clone(),
            kind: KpiKind::Number,
            unit: None,
            mapping: None,
            measurements: measurements.clone(),
        },
    ] {
        let mut attempt = edited.clone();
        assert_eq!(
            attempt.apply(edit.clone()),
            Err(EditError::NotOfKind),
            "{edit:?}"
        );
        assert_eq!(attempt, edited);
    }
    // And a typed KPI takes no counts.
    let mut attempt = map.clone();
    let edit = Edit::InsertMeasurement {
        kpi: k,
        index: 0,
        measurement: measurements[0].clone(),
    };
    assert_eq!(attempt.apply(edit), Err(EditError::NotOfKind));
}

#[test]
fn a_customer_base_is_set_and_cleared_in_undoable_steps_and_never_inconsistent() {
    let map = sample();
    let base = common::customer_base(common::SMALL_SHOP, Period::Month);
    let with = round_trip(
        &map,
        Edit::SetCustomerBase {
            base: Some(Box::new(base.clone())),
        },
    );
    assert_eq!(with.customer_base.as_deref(), Some(&base));
    assert_eq!(round_trip(&with, Edit::SetCustomerBase { base: None }), map);
    let mut broken = base;
    broken.cohorts.new[0] += 1;
    let mut edited = map.clone();
    assert_eq!(
        edited.apply(Edit::SetCustomerBase {
            base: Some(Box::new(broken))
        }),
        Err(EditError::NotConsistent)
    );
    assert_eq!(edited, map);
}

//! A live room's nodes (`model::nodes`): every key of the format is classified for the room,
//! and what an edit changed, sent as nodes and taken in by another browser, makes the same map
//! there; what no import would take is refused, what does not fit is read whole.

mod common;

use journey_mapper::model::exchange::{self, map_to_value, ProblemKind};
use journey_mapper::model::loyalty::Period;
use journey_mapper::model::nodes::{Node, Patch, Unfit, GROUPS, LISTS, STAMPS, TEXTS};
use journey_mapper::model::workshop::Refusal;
use journey_mapper::model::{
    generate, limits, Color, Edit, Item, JourneyMap, LaneCard, Part, TextField,
};
use serde_json::{json, Value};
use std::collections::HashSet;

/// A map with every field the format has: rounds, comments, scores, a customer base.
fn full() -> JourneyMap {
    let mut map = exchange::import(&common::decided().to_string())
        .unwrap()
        .maps
        .remove(0);
    map.customer_base = Some(Box::new(common::customer_base(
        common::SMALL_SHOP,
        Period::Month,
    )));
    map.updated_at = "2026-12-06T12:00:00Z".into();
    map.language = "nl".into();
    map.created_at = "2026-12-01T12:00:00Z".into();
    map
}

/// Set whole in the room: every key of the format that is neither a list, a group nor a text.
const VALUES: &[&str] = &[
    "id",
    "language",
    "created_at",
    "currency",
    "customer_base",
    "color",
    "contact_limit",
    "emotion",
    "emotions",
    "cost_per_month",
    "contacts_per_month",
    "reach",
    "direction",
    "baseline",
    "target",
    "measurements",
    "kind",
    "mapping",
    "severity",
    "votes",
    "score",
    "action",
    "shown",
    "started_at",
    "minutes",
    "ended_at",
    "voted_lanes",
    "dots",
    "per_card",
    "hidden",
    "named",
    "people",
    "on",
    "reply_to",
    "author",
    "by",
    "at",
    "edited_at",
    "resolved",
    "mentions",
];

/// Every key of the objects with ids in `value` (a map as the format writes it).
fn keys(value: &Value, seen: &mut Vec<(String, Value)>) {
    let Some(object) = value.as_object() else {
        return;
    };
    for (key, value) in object {
        seen.push((key.clone(), value.clone()));
        if LISTS.contains(&key.as_str()) {
            value.as_array().unwrap().iter().for_each(|v| keys(v, seen));
        } else if GROUPS.contains(&key.as_str()) {
            for list in value.as_object().unwrap().values() {
                list.as_array().unwrap().iter().for_each(|v| keys(v, seen));
            }
        }
    }
}

#[test]
fn every_key_of_the_format_is_a_list_a_group_a_text_or_a_value_set_whole() {
    let mut seen = Vec::new();
    keys(&map_to_value(&full()), &mut seen);
    let classes = [LISTS, GROUPS, TEXTS, STAMPS, VALUES];
    for (key, value) in &seen {
        let found = classes.iter().filter(|c| c.contains(&key.as_str())).count();
        assert_eq!(
            found, 1,
            "{key} must be in exactly one of the room's classes"
        );
        if TEXTS.contains(&key.as_str()) {
            assert!(value.is_string(), "{key} is typed text, so a string");
        }
    }
    // Nothing classified that the format no longer has.
    let names: HashSet<&str> = seen.iter().map(|(k, _)| k.as_str()).collect();
    for key in classes.concat() {
        assert!(names.contains(key), "{key} is classified but no map has it");
    }
}

/// Every id in `map`.
fn ids(map: &JourneyMap) -> HashSet<String> {
    let mut seen = Vec::new();
    keys(&map_to_value(map), &mut seen);
    seen.into_iter()
        .filter(|(k, _)| k == "id")
        .map(|(_, v)| v.as_str().unwrap().to_owned())
        .collect()
}

/// What `after` sends for `parts` as another browser receives it: the deletions the room
/// tells beside.
fn received(before: &JourneyMap, after: &JourneyMap, parts: &[Part]) -> Patch {
    let mut patch = Patch::of(after, parts);
    let now = ids(after);
    patch.gone = ids(before).difference(&now).cloned().collect();
    patch
}

/// Applies `edit` to `before`, sends what it changed, takes it in: the same map, and parts that
/// cover every view of what differs.
fn travels(before: &JourneyMap, edit: Edit) -> JourneyMap {
    let mut after = before.clone();
    let inverse = after.apply(edit.clone()).unwrap();
    let mut parts = edit.touches();
    parts.extend(inverse.touches());
    let (taken, reached) = received(before, &after, &parts)
        .apply(before)
        .unwrap_or_else(|e| panic!("{edit:?}: {e:?}"));
    assert_eq!(taken, after, "{edit:?}");
    for part in before.changed_parts(&after) {
        assert!(
            reached.contains(&part),
            "{edit:?} reached {reached:?}, not {part:?}"
        );
    }
    after
}

#[test]
fn what_each_kind_of_edit_changed_arrives_as_the_same_map() {
    let mut map = full();
    let p = |i: usize, map: &JourneyMap| map.phases[i].id.clone();
    let edits = [
        Edit::SetText {
            field: TextField::MapTitle,
            value: "Renamed".into(),
        },
        Edit::SetText {
            field: TextField::TouchpointName("t1".into()),
            value: "Banners".into(),
        },
        Edit::SetText {
            field: TextField::CardText("c1".into()),
            value: "Far too many mails".into(),
        },
        Edit::SetColor {
            phase: p(1, &map),
            color: Color::parse("#000000").unwrap(),
        },
        Edit::MoveItem {
            id: "t1".into(),
            phase: p(2, &map),
            index: 0,
        },
        Edit::MoveCard {
            id: "c1".into(),
            phase: p(1, &map),
            lane: "ideas".into(),
            index: 0,
        },
        Edit::MovePhase {
            phase: p(0, &map),
            to: 2,
        },
        Edit::InsertItem {
            phase: p(0, &map),
            index: 0,
            item: Item::Card {
                lane: "pains".into(),
                card: LaneCard::new("new-card", "Slow site"),
            },
        },
        Edit::RemoveItem { id: "c2".into() },
        Edit::RemovePersona {
            persona: "bram".into(),
        },
        Edit::RemoveLane {
            lane: "pains".into(),
        },
        Edit::RemovePhase { phase: p(2, &map) },
        Edit::SetCustomerBase { base: None },
    ];
    for edit in edits {
        map = travels(&map, edit);
    }
}

#[test]
fn a_generated_maps_whole_patch_arrives_over_another_map_with_its_id() {
    for size in [generate::Size::SMALL, generate::Size::WORKSHOP] {
        let room = generate::map(7, size);
        let mut mine = full();
        mine.id = room.id.clone();
        let mut whole = Patch::whole(&room);
        whole.gone = ids(&mine).difference(&ids(&room)).cloned().collect();
        let (taken, _) = whole.apply(&mine).unwrap();
        assert_eq!(taken, room);
    }
    let decided = full();
    assert_eq!(Patch::whole(&decided).apply(&decided).unwrap().0, decided);
}

fn refusal(patch: &Patch, map: &JourneyMap) -> Vec<ProblemKind> {
    match patch.apply(map) {
        Err(Unfit::Refused(problems)) => problems.into_iter().map(|p| p.kind).collect(),
        other => panic!("not refused: {other:?}"),
    }
}

trait Moved {
    fn with_parent(self, parent: &str) -> Self;
}

impl Moved for Node {
    fn with_parent(mut self, parent: &str) -> Self {
        self.parent = parent.into();
        self
    }
}

fn node(id: &str, parent: &str, list: &str, fields: Value) -> Node {
    Node {
        id: id.into(),
        parent: parent.into(),
        list: list.into(),
        fields: fields.as_object().unwrap().clone(),
    }
}

#[test]
fn what_no_import_would_take_is_refused_and_what_does_not_fit_is_read_whole() {
    let map = full();
    let phase = map.phases[0].id.clone();
    let one = |node: Node| Patch {
        nodes: vec![node],
        ..Patch::default()
    };
    // A number where a text belongs; a text over the limit.
    let number = one(node("t1", &phase, "touchpoints", json!({ "name": 5 })));
    assert!(matches!(
        refusal(&number, &map)[..],
        [ProblemKind::Expected { .. }]
    ));
    let long = "x".repeat(limits::TEXT_MAX_CHARS + 1);
    let long = one(node("c1", &phase, "cards.pains", json!({ "text": long })));
    assert!(matches!(
        refusal(&long, &map)[..],
        [ProblemKind::TextLength { .. }]
    ));
    // A node that is its own parent, a touchpoint made a card, a lane the map lacks.
    let own = one(node("t1", "t1", "touchpoints", json!({ "name": "Loop" })));
    assert_eq!(refusal(&own, &map), [ProblemKind::NoPlace]);
    // A card written over with a comment: refused by the session's rules, as in a map read whole.
    let fields = json!({ "on": "c1", "author": "Eve", "by": "e", "at": "2026-12-06T10:00:00Z", "text": "mine" });
    let comment = one(node("c1", "m1", "comments", fields));
    assert_eq!(comment.apply(&map), Err(Unfit::Rule(Refusal::Replaced)));
    // The same change read whole.
    let mut whole = map.clone();
    let mut written = comment.nodes[0].fields.clone();
    written.insert("id".into(), json!("c1"));
    whole
        .comments
        .push(serde_json::from_value(written.into()).unwrap());
    whole.phases[0]
        .cards
        .get_mut("pains")
        .unwrap()
        .retain(|c| c.id != "c1");
    assert_eq!(map.check_update(&whole, &[]), Err(Refusal::Replaced));
    let lane = one(node("c9", &phase, "cards.nowhere", json!({ "text": "x" })));
    assert!(matches!(
        refusal(&lane, &map)[..],
        [ProblemKind::UnknownLane { .. }]
    ));
    // More cards than a phase holds.
    let many = Patch {
        nodes: (0..=limits::CARDS_PER_PHASE)
            .map(|i| {
                node(
                    &format!("n{i}"),
                    &phase,
                    "cards.ideas",
                    json!({ "text": "" }),
                )
            })
            .collect(),
        ..Patch::default()
    };
    assert!(matches!(
        refusal(&many, &map)[..],
        [ProblemKind::TooMany { .. }]
    ));
    // A list naming what this browser does not have there: its map is not the room's.
    let mut order = Patch::of(&map, &[Part::PhaseOrder]);
    order.lists[0].ids.push("somewhere-else".into());
    assert_eq!(order.apply(&map), Err(Unfit::Whole));
    // Another map's root.
    let other = one(node("other-map", "", "", json!({ "title": "Other" })));
    assert_eq!(other.apply(&map), Err(Unfit::Whole));
    // A card whose phase is gone went with it.
    let orphan = one(node(
        "c7",
        "no-such-phase",
        "cards.pains",
        json!({ "text": "x" }),
    ));
    assert_eq!(orphan.apply(&map).unwrap(), (map.clone(), Vec::new()));
    // What this browser has already reaches nothing.
    assert_eq!(Patch::whole(&map).apply(&map).unwrap().1, []);
}

#[test]
fn a_refused_patchs_culprits_are_the_nodes_refused_on_their_own_never_a_participants() {
    let map = full();
    let (root, phase) = (map.id.clone(), map.phases[0].id.clone());
    let card = |id: &str, lane: &str, text: Value| {
        node(
            id,
            &phase,
            &format!("cards.{lane}"),
            json!({ "text": text }),
        )
    };
    let lane = json!({ "kind": "opportunities", "name": "Bob's lane", "shown": true });
    let patch = Patch {
        nodes: vec![
            // A participant's card in a lane of his own, new in the same patch, and a card.
            card("bobs-card", "bobs-lane", json!("In Bob's lane")),
            node("bobs-lane", &root, "lanes", lane),
            card("bobs-other", "pains", json!("Fine")),
            // What no browser of the app writes: a number for a text, a card in a lane no one
            // has, a touchpoint in a list a phase does not have, a card written over with a
            // comment, and a node under nothing (stray, not refused).
            card("flood-1", "pains", json!(5)),
            card("flood-2", "nowhere", json!("x")),
            node("flood-3", &phase, "nonsense", json!({ "name": "x" })),
            node(
                "c1",
                &root,
                "comments",
                json!({ "on": "x", "author": "E", "by": "e", "at": "2026-12-06T10:00:00Z", "text": "y" }),
            ),
            card("stray", "pains", json!(7)).with_parent("no-such-phase"),
        ],
        ..Patch::default()
    };
    assert!(patch.apply(&map).is_err());
    let mut culprits = patch.culprits(&map, 100);
    culprits.sort();
    assert_eq!(culprits, ["c1", "flood-1", "flood-2", "flood-3"]);
    assert_eq!(patch.culprits(&map, 2).len(), 2, "capped where made");
    // Without them, what is left is taken in.
    let kept = Patch {
        nodes: patch
            .nodes
            .iter()
            .filter(|n| !culprits.contains(&n.id))
            .cloned()
            .collect(),
        ..Patch::default()
    };
    assert!(kept.apply(&map).is_ok());
}

#[test]
fn a_keystroke_in_the_large_map_sends_one_small_node_and_reaches_one_part() {
    let map = generate::map(3, generate::Size::LARGE);
    let mut typed = map.clone();
    typed.title.push('x');
    let patch = Patch::of(&typed, &[Part::MapTexts]);
    assert_eq!(patch.nodes.len(), 1);
    assert!(patch.lists.is_empty());
    let sent = serde_json::to_string(&patch).unwrap();
    assert!(sent.len() < 1_000, "{} bytes", sent.len());
    let (taken, parts) = patch.apply(&map).unwrap();
    assert_eq!(taken, typed);
    assert_eq!(parts, [Part::MapTexts]);
}

/// A mending writes the whole map back: what arrives as this browser has it is no change, so
/// only the views of what did change run again.
#[test]
fn a_whole_map_written_back_reaches_only_what_differs() {
    let map = full();
    let mut after = map.clone();
    let phase = after
        .phases
        .iter_mut()
        .find(|p| !p.touchpoints.is_empty())
        .unwrap();
    phase.touchpoints[0].name = "Typed meanwhile".into();
    let id = phase.touchpoints[0].id.clone();
    let (taken, reached) = Patch::whole(&after).apply(&map).unwrap();
    assert_eq!(taken, after);
    assert_eq!(reached, [Part::Item(id)]);
    let mut language = map.clone();
    language.language = "en".into();
    let (_, reached) = Patch::whole(&language).apply(&map).unwrap();
    for part in [Part::MapTexts, Part::Personas, Part::Lanes] {
        assert!(reached.contains(&part), "{reached:?}");
    }
}

//! How a live room's document keeps a map: every object with an id is a node of one flat map,
//! with its parent, the list it is in and its own fields, so that two people changing two
//! objects, or two fields of one, write different parts of the document.
//!
//! What an edit changed ([`Part`]) becomes the nodes to write ([`Patch::of`]); the nodes that
//! arrive from the room become the map's next state, each read as an import reads its object,
//! with the parts they reach ([`Patch::apply`]). `js/live-worker.js` keeps no list of fields: what it
//! must know of them ([`layout`]) it is given when it joins.

mod apply;

use super::exchange::Problem;
use super::workshop::{Refusal, Round};
use super::{Id, JourneyMap, Part, Phase};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// The keys of the exchange format whose values are lists of objects with ids, each a node.
pub const LISTS: &[&str] = &[
    "phases",
    "touchpoints",
    "kpis",
    "personas",
    "lanes",
    "rounds",
    "ballots",
    "comments",
];
/// The keys whose values are objects of such lists by name: a phase's lane cards, by lane.
pub const GROUPS: &[&str] = &["cards"];
/// The texts people type, which merge when two type in one at once. Every other value
/// (colours, dates, ids, numbers, measurements) is set whole: merging two would make neither.
pub const TEXTS: &[&str] = &[
    "title",
    "description",
    "name",
    "goal",
    "text",
    "quote",
    "goals",
    "frustrations",
    "channel",
    "owner",
    "unit",
    "trigger",
];
/// What every edit sets, whatever it changed: no one's change of a node.
pub const STAMPS: &[&str] = &["updated_at"];

/// What `js/live-worker.js` is told of the fields when it joins, as JSON: with the longest a
/// typed text may be, so that a node holding a longer one is named as refused without the
/// room being read to say so.
pub fn layout() -> String {
    json!({ "texts": TEXTS, "stamps": STAMPS, "longest": super::limits::TEXT_MAX_CHARS })
        .to_string()
}

/// What a node is, by the list that holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Map,
    Phase,
    Touchpoint,
    Kpi,
    Card,
    Persona,
    Lane,
    Round,
    Ballot,
    Comment,
}

impl Kind {
    /// What a node in list `list` of a parent of kind `parent` (none: the map itself) is;
    /// none where a map holds nothing there.
    fn in_list(parent: Option<Kind>, list: &str) -> Option<Kind> {
        Some(match (parent, list) {
            (None, "") => Kind::Map,
            (Some(Kind::Map), "phases") => Kind::Phase,
            (Some(Kind::Map), "personas") => Kind::Persona,
            (Some(Kind::Map), "lanes") => Kind::Lane,
            (Some(Kind::Map), "rounds") => Kind::Round,
            (Some(Kind::Map), "comments") => Kind::Comment,
            (Some(Kind::Phase), "touchpoints") => Kind::Touchpoint,
            (Some(Kind::Phase), "kpis") => Kind::Kpi,
            (Some(Kind::Phase), list) if lane_of(list).is_some() => Kind::Card,
            (Some(Kind::Round), "ballots") => Kind::Ballot,
            _ => return None,
        })
    }

    /// What an id names, as `JourneyMap::check_update` tells: the grid's objects are one.
    fn names(self) -> Kind {
        match self {
            Kind::Phase | Kind::Touchpoint | Kind::Kpi | Kind::Card => Kind::Phase,
            kind => kind,
        }
    }
}

/// The lane of a phase's list of lane cards (`cards.<lane>`).
fn lane_of(list: &str) -> Option<&str> {
    list.strip_prefix("cards.").filter(|lane| !lane.is_empty())
}

/// How deep a list's nodes lie: a parent is read before what it holds.
fn depth(list: &str) -> u8 {
    match list {
        "" => 0,
        "phases" | "personas" | "lanes" | "rounds" | "comments" => 1,
        _ => 2,
    }
}

/// One object of the map: its own fields, each list of children in them only marked
/// (`{"list": true}`, `{"group": true}`), as the room's document keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: Id,
    /// Empty for the map itself.
    pub parent: Id,
    pub list: String,
    pub fields: Map<String, Value>,
}

/// Which nodes one list holds, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub parent: Id,
    pub list: String,
    pub ids: Vec<Id>,
}

/// Nodes of one map that changed: their own fields, the lists whose members or order changed,
/// and the nodes deleted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Patch {
    pub nodes: Vec<Node>,
    /// Every member of these lists, in order: a member of one before that is in none now is
    /// gone, with what it held.
    pub lists: Vec<Order>,
    /// Parents, each with a group whose every list is in `lists`: a list of the group not
    /// there is empty now.
    #[serde(default)]
    pub groups: Vec<(Id, String)>,
    /// Nodes deleted, as the room tells them.
    #[serde(default)]
    pub gone: Vec<Id>,
}

/// Why a patch from the room was not taken in.
#[derive(Debug, PartialEq)]
pub enum Unfit {
    /// What arrived is not what an import would take.
    Refused(Vec<Problem>),
    /// It breaks a rule of the session (a card written over with a comment).
    Rule(Refusal),
    /// It does not fit this browser's map (which has changed meanwhile, or was never the
    /// room's): the room's whole map is read instead.
    Whole,
}

impl Patch {
    /// Every node of `map`.
    pub fn whole(map: &JourneyMap) -> Patch {
        let mut parts = vec![
            Part::MapTexts,
            Part::PhaseOrder,
            Part::Personas,
            Part::Lanes,
            Part::Rounds,
            Part::Comments,
        ];
        for phase in &map.phases {
            parts.push(Part::Phase(phase.id.clone()));
            parts.extend(items(phase).map(|id| Part::Item(id.clone())));
        }
        Patch::of(map, &parts)
    }

    /// The nodes of `map` that `parts` name, as they are now.
    pub fn of(map: &JourneyMap, parts: &[Part]) -> Patch {
        let mut out = Out {
            patch: Patch::default(),
            sent: HashSet::new(),
        };
        let root = map.id.as_str();
        let mut whole_root = false;
        for part in parts {
            match part {
                Part::MapTexts | Part::CustomerBase => whole_root = true,
                Part::PhaseOrder => out.list(root, "phases", &map.phases, |p| &p.id),
                Part::Personas => {
                    whole_root = true;
                    out.members(root, "personas", &map.personas, |p| &p.id);
                }
                Part::Lanes => {
                    whole_root = true;
                    out.members(root, "lanes", &map.lanes, |l| &l.id);
                }
                Part::Comments => {
                    whole_root = true;
                    out.members(root, "comments", &map.comments, |c| &c.id);
                }
                Part::Rounds => {
                    whole_root = true;
                    out.list(root, "rounds", &map.rounds, |r| &r.id);
                    for round in &map.rounds {
                        let shallow = Round {
                            ballots: round.ballots.iter().take(1).cloned().collect(),
                            ..round.clone()
                        };
                        out.node(root, "rounds", &round.id, &shallow);
                        out.members(&round.id, "ballots", &round.ballots, |b| &b.id);
                    }
                }
                Part::Phase(id) => {
                    let Some(phase) = map.phases.iter().find(|p| p.id == *id) else {
                        continue;
                    };
                    out.node(root, "phases", id, &shallow_phase(phase));
                    out.list(id, "touchpoints", &phase.touchpoints, |t| &t.id);
                    out.list(id, "kpis", &phase.kpis, |k| &k.id);
                    for (lane, cards) in &phase.cards {
                        out.list(id, &format!("cards.{lane}"), cards, |c| &c.id);
                    }
                    out.patch.groups.push((id.clone(), "cards".into()));
                }
                Part::Item(id) => {
                    for phase in &map.phases {
                        let parent = phase.id.as_str();
                        if let Some(t) = phase.touchpoints.iter().find(|t| t.id == *id) {
                            out.node(parent, "touchpoints", id, t);
                        } else if let Some(k) = phase.kpis.iter().find(|k| k.id == *id) {
                            out.node(parent, "kpis", id, k);
                        } else {
                            for (lane, cards) in &phase.cards {
                                if let Some(c) = cards.iter().find(|c| c.id == *id) {
                                    out.node(parent, &format!("cards.{lane}"), id, c);
                                }
                            }
                        }
                    }
                }
            }
        }
        if whole_root {
            out.node("", "", root, &shallow_map(map));
        }
        out.patch
    }
}

/// The ids of a phase's touchpoints, KPIs and lane cards.
fn items(phase: &Phase) -> impl Iterator<Item = &Id> {
    let touchpoints = phase.touchpoints.iter().map(|t| &t.id);
    let kpis = phase.kpis.iter().map(|k| &k.id);
    touchpoints
        .chain(kpis)
        .chain(phase.cards.values().flatten().map(|c| &c.id))
}

/// A patch being made, and the ids of the nodes in it.
struct Out {
    patch: Patch,
    sent: HashSet<Id>,
}

impl Out {
    fn node(&mut self, parent: &str, list: &str, id: &str, object: &impl Serialize) {
        if !self.sent.insert(id.into()) {
            return;
        }
        let value = serde_json::to_value(object).expect("the model holds only finite numbers");
        let Value::Object(mut fields) = value else {
            unreachable!("every node is an object")
        };
        fields.remove("id");
        for (key, value) in fields.iter_mut() {
            if LISTS.contains(&key.as_str()) && value.is_array() {
                *value = json!({ "list": true });
            } else if GROUPS.contains(&key.as_str()) && value.is_object() {
                *value = json!({ "group": true });
            }
        }
        self.patch.nodes.push(Node {
            id: id.into(),
            parent: parent.into(),
            list: list.into(),
            fields,
        });
    }

    fn list<T>(&mut self, parent: &str, list: &str, members: &[T], id: fn(&T) -> &Id) {
        self.patch.lists.push(Order {
            parent: parent.into(),
            list: list.into(),
            ids: members.iter().map(|m| id(m).clone()).collect(),
        });
    }

    /// A list and every member of it.
    fn members<T: Serialize>(
        &mut self,
        parent: &str,
        list: &str,
        members: &[T],
        id: fn(&T) -> &Id,
    ) {
        self.list(parent, list, members, id);
        for member in members {
            self.node(parent, list, id(member), member);
        }
    }
}

/// `phase` with at most one child in each list: its fields as they serialise, children and all,
/// at a fraction of the cost (what its lists hold are nodes of their own).
fn shallow_phase(phase: &Phase) -> Phase {
    Phase {
        id: phase.id.clone(),
        name: phase.name.clone(),
        description: phase.description.clone(),
        goal: phase.goal.clone(),
        color: phase.color,
        contact_limit: phase.contact_limit,
        touchpoints: phase.touchpoints.iter().take(1).cloned().collect(),
        kpis: phase.kpis.iter().take(1).cloned().collect(),
        cards: phase
            .cards
            .iter()
            .take(1)
            .map(|(lane, cards)| (lane.clone(), cards.iter().take(1).cloned().collect()))
            .collect(),
    }
}

/// `map` with at most one child in each list, as [`shallow_phase`].
fn shallow_map(map: &JourneyMap) -> JourneyMap {
    JourneyMap {
        id: map.id.clone(),
        title: map.title.clone(),
        description: map.description.clone(),
        language: map.language.clone(),
        created_at: map.created_at.clone(),
        updated_at: map.updated_at.clone(),
        currency: map.currency.clone(),
        personas: map.personas.iter().take(1).cloned().collect(),
        lanes: map.lanes.iter().take(1).cloned().collect(),
        customer_base: map.customer_base.clone(),
        rounds: map.rounds.iter().take(1).cloned().collect(),
        comments: map.comments.iter().take(1).cloned().collect(),
        phases: map.phases.iter().take(1).map(shallow_phase).collect(),
    }
}

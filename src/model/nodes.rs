//! How a live room's document keeps a map: every object with an id is a node of one flat map,
//! with its parent, the list it is in and its own fields, so that two people changing two
//! objects, or two fields of one, write different parts of the document.
//!
//! What an edit changed ([`Part`]) becomes the nodes to write ([`Patch::of`]); the nodes that
//! arrive from the room become the map's next state, each read as an import reads its object,
//! with the parts they reach ([`Patch::apply`]). `js/live.js` keeps no list of fields: what it
//! must know of them ([`layout`]) it is given when it joins.

use super::exchange::{object_from_value, Problem, ProblemKind, Read as Object};
use super::workshop::{Ballot, Refusal, Round};
use super::{comments::Comment, limits, Id, JourneyMap, Part, Phase};
use super::{Kpi, Lane, LaneCard, Persona, Touchpoint};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

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

/// What `js/live.js` is told of the fields when it joins, as JSON.
pub fn layout() -> String {
    json!({ "texts": TEXTS, "stamps": STAMPS }).to_string()
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
}

impl Kind {
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

    /// The next state of `map`, this patch from the room taken in, and the parts it reached.
    /// Each node that arrived is read as an import reads its object; the whole is then held
    /// to the limits of a map.
    pub fn apply(&self, map: &JourneyMap) -> Result<(JourneyMap, Vec<Part>), Unfit> {
        let places = Places::of(map, self.nodes.len() + self.gone.len());
        let mut next = map.clone();
        let mut reached = Reached::default();
        for id in &self.gone {
            if let Some(place) = &places.get(id) {
                if let Some((_, taken)) = take(&mut next, id, place) {
                    reached.own(place.kind, id);
                    reached.place(place, id);
                    // What it held went with it.
                    if let Object::Phase(phase) = taken {
                        items(&phase).for_each(|id| reached.own(Kind::Card, id));
                    }
                }
            }
        }
        let mut nodes: Vec<&Node> = self.nodes.iter().collect();
        nodes.sort_by_key(|n| depth(&n.list));
        // The kinds of the nodes new here, which later nodes may name as their parent.
        let mut fresh: HashMap<&str, Kind> = HashMap::new();
        for node in nodes {
            let path = path(node);
            let parent = match node.parent.as_str() {
                "" => None,
                id => match fresh.get(id).copied().or(places.get(id).map(|p| p.kind)) {
                    Some(kind) => Some(kind),
                    // Its parent is gone: so is it, as the room's map holds it.
                    None => continue,
                },
            };
            let Some(kind) = Kind::in_list(parent, &node.list) else {
                return Err(refused(path, ProblemKind::UnknownField));
            };
            // An object written over with another kind of thing: refused by the session's
            // rules, as `JourneyMap::check_update` refuses it in a map read whole.
            let was = places.get(&node.id);
            let was = was.as_ref();
            if was.is_some_and(|was| was.kind.names() != kind.names()) {
                return Err(Unfit::Rule(Refusal::Replaced));
            }
            if kind == Kind::Map && node.id != map.id {
                return Err(Unfit::Whole);
            }
            let personas = next.personas.iter().map(|p| p.id.clone()).collect();
            let lanes = next.lanes.iter().map(|l| l.id.clone()).collect();
            let object = object_from_value(kind, &node.object(), &path, personas, lanes)
                .map_err(Unfit::Refused)?;
            let (index, held) = match was {
                Some(was) => match take(&mut next, &node.id, was) {
                    Some((index, held)) => (
                        was.is_in(&node.parent, &node.list).then_some(index),
                        Some(held),
                    ),
                    None if kind == Kind::Map => (None, None),
                    None => continue,
                },
                None => {
                    fresh.insert(node.id.as_str(), kind);
                    (None, None)
                }
            };
            if !put(&mut next, node, with_children(object, held), index) {
                continue;
            }
            reached.own(kind, &node.id);
            let moved = was.is_none_or(|w| !w.is_in(&node.parent, &node.list));
            if moved {
                if let Some(was) = was {
                    reached.place(was, &node.id);
                }
                reached.list(&node.parent, &node.list, Some(&node.id));
            }
        }
        for order in &self.lists {
            if !arrange(&mut next, order) {
                return Err(Unfit::Whole);
            }
            reached.list(&order.parent, &order.list, None);
        }
        check(&next).map_err(Unfit::Refused)?;
        // What arrived may be what this browser has (a mend of the room, a list in its order).
        if next == *map {
            return Ok((next, Vec::new()));
        }
        let parts = reached.root(map, &next);
        Ok((next, parts))
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

impl Node {
    /// The node as the object an import reads: its lists empty.
    fn object(&self) -> Value {
        let mut object = Map::with_capacity(self.fields.len() + 1);
        object.insert("id".into(), Value::String(self.id.clone()));
        for (key, value) in &self.fields {
            let marked = |mark: &str| value.get(mark) == Some(&Value::Bool(true));
            let value = if LISTS.contains(&key.as_str()) && marked("list") {
                json!([])
            } else if GROUPS.contains(&key.as_str()) && marked("group") {
                json!({})
            } else {
                value.clone()
            };
            object.insert(key.clone(), value);
        }
        Value::Object(object)
    }
}

/// Where a problem of `node` is said to be.
fn path(node: &Node) -> String {
    if node.list.is_empty() {
        String::new()
    } else {
        format!("{}[{}]", node.list, node.id)
    }
}

fn refused(path: String, kind: ProblemKind) -> Unfit {
    Unfit::Refused(vec![Problem { path, kind }])
}

/// Where an object of the map is.
#[derive(Clone, Copy)]
struct Place<'m> {
    kind: Kind,
    parent: &'m str,
    /// A lane card's lane.
    lane: &'m str,
}

impl Place<'_> {
    /// The list it is in, as the room names it.
    fn list(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self.kind {
            Kind::Map => "",
            Kind::Phase => "phases",
            Kind::Persona => "personas",
            Kind::Lane => "lanes",
            Kind::Round => "rounds",
            Kind::Comment => "comments",
            Kind::Touchpoint => "touchpoints",
            Kind::Kpi => "kpis",
            Kind::Ballot => "ballots",
            Kind::Card => return Cow::Owned(format!("cards.{}", self.lane)),
        })
    }

    /// Whether it is in list `list` of `parent`.
    fn is_in(&self, parent: &str, list: &str) -> bool {
        self.parent == parent
            && match self.kind {
                Kind::Card => lane_of(list) == Some(self.lane),
                _ => self.list() == list,
            }
    }
}

/// Calls `at` with every object of `map` and where it is, until it says to stop (true).
fn each_place<'m>(map: &'m JourneyMap, mut at: impl FnMut(&'m str, Place<'m>) -> bool) {
    let place = |kind, parent| Place {
        kind,
        parent,
        lane: "",
    };
    let root = map.id.as_str();
    let map_level = std::iter::once((root, Kind::Map))
        .chain(map.personas.iter().map(|p| (p.id.as_str(), Kind::Persona)))
        .chain(map.lanes.iter().map(|l| (l.id.as_str(), Kind::Lane)))
        .chain(map.comments.iter().map(|c| (c.id.as_str(), Kind::Comment)))
        .chain(map.rounds.iter().map(|r| (r.id.as_str(), Kind::Round)))
        .chain(map.phases.iter().map(|p| (p.id.as_str(), Kind::Phase)));
    for (id, kind) in map_level {
        let parent = if kind == Kind::Map { "" } else { root };
        if at(id, place(kind, parent)) {
            return;
        }
    }
    for r in &map.rounds {
        for b in &r.ballots {
            if at(&b.id, place(Kind::Ballot, &r.id)) {
                return;
            }
        }
    }
    for phase in &map.phases {
        let touchpoints = phase
            .touchpoints
            .iter()
            .map(|t| (&t.id, Kind::Touchpoint, ""));
        let kpis = phase.kpis.iter().map(|k| (&k.id, Kind::Kpi, ""));
        let cards = phase.cards.iter().flat_map(|(lane, cards)| {
            cards
                .iter()
                .map(move |c| (&c.id, Kind::Card, lane.as_str()))
        });
        for (id, kind, lane) in touchpoints.chain(kpis).chain(cards) {
            let parent = &phase.id;
            if at(id, Place { kind, parent, lane }) {
                return;
            }
        }
    }
}

/// Where the objects of a map are: looked up one by one for a patch of a few nodes, else
/// indexed once.
enum Places<'m> {
    Few(&'m JourneyMap),
    All(HashMap<&'m str, Place<'m>>),
}

impl<'m> Places<'m> {
    fn of(map: &'m JourneyMap, lookups: usize) -> Self {
        if lookups <= 16 {
            return Places::Few(map);
        }
        let mut all = HashMap::new();
        each_place(map, |id, place| {
            all.insert(id, place);
            false
        });
        Places::All(all)
    }

    fn get(&self, id: &str) -> Option<Place<'m>> {
        match self {
            Places::All(all) => all.get(id).copied(),
            Places::Few(map) => {
                let mut found = None;
                each_place(map, |at, place| {
                    let hit = at == id;
                    if hit {
                        found = Some(place);
                    }
                    hit
                });
                found
            }
        }
    }
}

/// What has an id in a list.
trait Member {
    fn id(&self) -> &str;
}

macro_rules! member {
    ($($t:ty),*) => {$(impl Member for $t {
        fn id(&self) -> &str {
            &self.id
        }
    })*};
}
member!(Phase, Touchpoint, Kpi, LaneCard, Persona, Lane, Round, Ballot, Comment);

fn remove<T: Member>(list: &mut Vec<T>, id: &str) -> Option<(usize, T)> {
    let index = list.iter().position(|m| m.id() == id)?;
    Some((index, list.remove(index)))
}

fn insert<T>(list: &mut Vec<T>, index: Option<usize>, member: T) {
    match index {
        Some(i) if i <= list.len() => list.insert(i, member),
        _ => list.push(member),
    }
}

/// Lists members of `list` in the order of `ids`, which must name each once; false where
/// they do not.
fn reorder<T: Member>(list: &mut Vec<T>, ids: &[Id]) -> bool {
    if list.len() != ids.len() {
        return false;
    }
    let mut by_id: HashMap<String, T> = list.drain(..).map(|m| (m.id().into(), m)).collect();
    for id in ids {
        match by_id.remove(id) {
            Some(member) => list.push(member),
            None => return false,
        }
    }
    true
}

fn phase_mut<'m>(map: &'m mut JourneyMap, id: &str) -> Option<&'m mut Phase> {
    map.phases.iter_mut().find(|p| p.id == id)
}

fn round_mut<'m>(map: &'m mut JourneyMap, id: &str) -> Option<&'m mut Round> {
    map.rounds.iter_mut().find(|r| r.id == id)
}

/// Takes object `id` out of `map` from `place`, with what it holds and where it was in its
/// list; none where it is not there (it went with its parent), and never the map.
fn take(map: &mut JourneyMap, id: &str, place: &Place) -> Option<(usize, Object)> {
    let parent = place.parent;
    let taken = match place.kind {
        Kind::Map => return None,
        Kind::Phase => remove(&mut map.phases, id).map(|(i, o)| (i, Object::Phase(o))),
        Kind::Persona => remove(&mut map.personas, id).map(|(i, o)| (i, Object::Persona(o))),
        Kind::Lane => remove(&mut map.lanes, id).map(|(i, o)| (i, Object::Lane(o))),
        Kind::Round => remove(&mut map.rounds, id).map(|(i, o)| (i, Object::Round(o))),
        Kind::Comment => remove(&mut map.comments, id).map(|(i, o)| (i, Object::Comment(o))),
        Kind::Ballot => {
            let ballots = &mut round_mut(map, parent)?.ballots;
            remove(ballots, id).map(|(i, o)| (i, Object::Ballot(o)))
        }
        Kind::Touchpoint => {
            let list = &mut phase_mut(map, parent)?.touchpoints;
            remove(list, id).map(|(i, o)| (i, Object::Touchpoint(o)))
        }
        Kind::Kpi => {
            let list = &mut phase_mut(map, parent)?.kpis;
            remove(list, id).map(|(i, o)| (i, Object::Kpi(o)))
        }
        Kind::Card => {
            let lane = place.lane;
            let phase = phase_mut(map, parent)?;
            let cards = phase.cards.get_mut(lane)?;
            let taken = remove(cards, id);
            if cards.is_empty() {
                phase.cards.remove(lane);
            }
            taken.map(|(i, o)| (i, Object::Card(o)))
        }
    };
    taken
}

/// `object` as read (its lists empty) with the children `held` had.
fn with_children(object: Object, held: Option<Object>) -> Object {
    match (object, held) {
        (Object::Phase(phase), Some(Object::Phase(held))) => Object::Phase(Phase {
            touchpoints: held.touchpoints,
            kpis: held.kpis,
            cards: held.cards,
            ..phase
        }),
        (Object::Round(round), Some(Object::Round(held))) => Object::Round(Round {
            ballots: held.ballots,
            ..round
        }),
        (object, _) => object,
    }
}

/// Puts `object` into `map` where `node` says, at `index` of its list or last; false where
/// its parent is not in the map.
fn put(map: &mut JourneyMap, node: &Node, object: Object, index: Option<usize>) -> bool {
    let parent = node.parent.as_str();
    match object {
        Object::Map(read) => {
            *map = JourneyMap {
                personas: std::mem::take(&mut map.personas),
                lanes: std::mem::take(&mut map.lanes),
                rounds: std::mem::take(&mut map.rounds),
                comments: std::mem::take(&mut map.comments),
                phases: std::mem::take(&mut map.phases),
                ..read
            };
        }
        Object::Phase(o) => insert(&mut map.phases, index, o),
        Object::Persona(o) => insert(&mut map.personas, index, o),
        Object::Lane(o) => insert(&mut map.lanes, index, o),
        Object::Round(o) => insert(&mut map.rounds, index, o),
        Object::Comment(o) => insert(&mut map.comments, index, o),
        Object::Ballot(o) => match round_mut(map, parent) {
            Some(round) => insert(&mut round.ballots, index, o),
            None => return false,
        },
        Object::Touchpoint(o) => match phase_mut(map, parent) {
            Some(phase) => insert(&mut phase.touchpoints, index, o),
            None => return false,
        },
        Object::Kpi(o) => match phase_mut(map, parent) {
            Some(phase) => insert(&mut phase.kpis, index, o),
            None => return false,
        },
        Object::Card(o) => match (phase_mut(map, parent), lane_of(&node.list)) {
            (Some(phase), Some(lane)) => {
                insert(phase.cards.entry(lane.into()).or_default(), index, o);
            }
            _ => return false,
        },
    }
    true
}

/// Puts the members of `order`'s list in its order; false where the list holds others than it
/// names (this browser's map is not the room's).
fn arrange(map: &mut JourneyMap, order: &Order) -> bool {
    let ids = &order.ids;
    if order.parent == map.id {
        return match order.list.as_str() {
            "phases" => reorder(&mut map.phases, ids),
            "personas" => reorder(&mut map.personas, ids),
            "lanes" => reorder(&mut map.lanes, ids),
            "rounds" => reorder(&mut map.rounds, ids),
            "comments" => reorder(&mut map.comments, ids),
            _ => false,
        };
    }
    if let Some(round) = round_mut(map, &order.parent) {
        return order.list == "ballots" && reorder(&mut round.ballots, ids);
    }
    // A list of a phase that is gone went with it.
    let Some(phase) = phase_mut(map, &order.parent) else {
        return true;
    };
    match order.list.as_str() {
        "touchpoints" => reorder(&mut phase.touchpoints, ids),
        "kpis" => reorder(&mut phase.kpis, ids),
        list => match lane_of(list) {
            Some(lane) if ids.is_empty() => phase.cards.get(lane).is_none_or(Vec::is_empty),
            Some(lane) => phase
                .cards
                .get_mut(lane)
                .is_some_and(|cards| reorder(cards, ids)),
            None => false,
        },
    }
}

/// What an import checks across a map's objects: how many each list holds, and that lane
/// cards and emotions name lanes and personas the map has.
fn check(map: &JourneyMap) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let mut most = |path: String, count: usize, max: usize| {
        if count > max {
            let kind = ProblemKind::TooMany { count, max };
            problems.push(Problem { path, kind });
        }
    };
    most("phases".into(), map.phases.len(), limits::PHASES);
    most("personas".into(), map.personas.len(), limits::PERSONAS);
    most("lanes".into(), map.lanes.len(), limits::LANES);
    for phase in &map.phases {
        let at = |list: &str| format!("phases[{}].{list}", phase.id);
        let cards = phase.cards.values().map(Vec::len).sum();
        most(
            at("touchpoints"),
            phase.touchpoints.len(),
            limits::TOUCHPOINTS_PER_PHASE,
        );
        most(at("kpis"), phase.kpis.len(), limits::KPIS_PER_PHASE);
        most(at("cards"), cards, limits::CARDS_PER_PHASE);
    }
    let lanes: HashSet<&str> = map.lanes.iter().map(|l| l.id.as_str()).collect();
    let personas: HashSet<&str> = map.personas.iter().map(|p| p.id.as_str()).collect();
    for phase in &map.phases {
        for lane in phase.cards.keys().filter(|l| !lanes.contains(l.as_str())) {
            let path = format!("phases[{}].cards.{lane}", phase.id);
            let kind = ProblemKind::UnknownLane { id: lane.clone() };
            problems.push(Problem { path, kind });
        }
        for t in &phase.touchpoints {
            for persona in t.emotions.keys().filter(|p| !personas.contains(p.as_str())) {
                let path = format!("touchpoints[{}].emotions", t.id);
                let kind = ProblemKind::UnknownPersona {
                    id: persona.clone(),
                };
                problems.push(Problem { path, kind });
            }
        }
    }
    if JourneyMap::check_rounds(&map.rounds).is_err() {
        let kind = ProblemKind::RoundsOpen;
        problems.push(Problem {
            path: "rounds".into(),
            kind,
        });
    }
    if JourneyMap::check_comments(&map.comments).is_err() {
        let kind = ProblemKind::CommentThreads;
        problems.push(Problem {
            path: "comments".into(),
            kind,
        });
    }
    problems.truncate(limits::PROBLEMS_LISTED);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The parts a patch reaches, each once.
#[derive(Default)]
struct Reached {
    parts: Vec<Part>,
    root: bool,
}

impl Reached {
    fn push(&mut self, part: Part) {
        if !self.parts.contains(&part) {
            self.parts.push(part);
        }
    }

    /// What showed an object where it was.
    fn place(&mut self, place: &Place, id: &str) {
        self.list(place.parent, &place.list(), Some(id));
    }

    /// What shows list `list` of `parent`, and the phase `id` of it.
    fn list(&mut self, parent: &str, list: &str, id: Option<&str>) {
        let part = match list {
            "" => return,
            "phases" => Part::PhaseOrder,
            "personas" => Part::Personas,
            "lanes" => Part::Lanes,
            "rounds" | "ballots" => Part::Rounds,
            "comments" => Part::Comments,
            _ => Part::Phase(parent.into()),
        };
        self.push(part);
        if let (Some(id), "phases") = (id, list) {
            self.push(Part::Phase(id.into()));
        }
    }

    /// What shows object `id`, of kind `kind`, itself.
    fn own(&mut self, kind: Kind, id: &str) {
        let part = match kind {
            Kind::Map => {
                self.root = true;
                return;
            }
            Kind::Phase => Part::Phase(id.into()),
            Kind::Touchpoint | Kind::Kpi | Kind::Card => Part::Item(id.into()),
            Kind::Persona => Part::Personas,
            Kind::Lane => Part::Lanes,
            Kind::Round | Kind::Ballot => Part::Rounds,
            Kind::Comment => Part::Comments,
        };
        self.push(part);
    }

    /// The parts reached, the map's own fields among them where `was` and `is` differ in
    /// them (as [`JourneyMap::changed_parts`] tells).
    fn root(mut self, was: &JourneyMap, is: &JourneyMap) -> Vec<Part> {
        if self.root {
            for part in empty_of(was).changed_parts(&empty_of(is)) {
                self.push(part);
            }
        }
        self.parts
    }
}

/// `map`'s own fields, without anything in its lists.
fn empty_of(map: &JourneyMap) -> JourneyMap {
    let mut bare = shallow_map(map);
    bare.personas.clear();
    bare.lanes.clear();
    bare.rounds.clear();
    bare.comments.clear();
    bare.phases.clear();
    bare
}

//! What arrives from the room becomes the map's next state: each node's object read as an
//! import reads it, put where the room has it, the whole held to a map's limits.

use super::{depth, items, lane_of, shallow_map, Kind, Node, Order, Patch, Unfit, GROUPS, LISTS};
use crate::model::exchange::{object_from_value, Problem, ProblemKind, Read as Object};
use crate::model::workshop::{Ballot, Refusal, Round};
use crate::model::{comments::Comment, limits, Id, JourneyMap, Part, Phase};
use crate::model::{Kpi, Lane, LaneCard, Persona, Touchpoint};
use serde_json::{json, Map, Value};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

impl Patch {
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
            // Its parent is gone: so is it, as the room's map holds it.
            let Some(parent) = parent_kind(node, &fresh, &places) else {
                continue;
            };
            let Some(kind) = Kind::in_list(parent, &node.list) else {
                return Err(refused(path, ProblemKind::NoPlace));
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
        let parts = map.still_changed(&next, reached.root(map, &next));
        Ok((next, parts))
    }
}

impl Patch {
    /// The ids of the nodes of this patch that are refused on their own — in no list a map
    /// has, of another kind than the object they write over, or not read as an import reads
    /// their object — at most `max` of them. What a participant's browser writes is never
    /// among them, whatever else arrived with it: a room that held them is mended by taking
    /// out what their writers added, not by guessing who wrote the worst.
    pub fn culprits(&self, map: &JourneyMap, max: usize) -> Vec<Id> {
        let places = Places::of(map, self.nodes.len());
        let mut nodes: Vec<&Node> = self.nodes.iter().collect();
        nodes.sort_by_key(|n| depth(&n.list));
        let mut kinds: HashMap<&str, Kind> = HashMap::new();
        let mut found = Vec::new();
        let (mut personas, mut lanes): (HashSet<String>, HashSet<String>) = (
            map.personas.iter().map(|p| p.id.clone()).collect(),
            map.lanes.iter().map(|l| l.id.clone()).collect(),
        );
        // The kinds of the nodes new here first, and the personas and lanes they add, which
        // others may name.
        for node in &nodes {
            let parent = parent_kind(node, &kinds, &places);
            let Some(kind) = parent.and_then(|parent| Kind::in_list(parent, &node.list)) else {
                continue;
            };
            kinds.insert(&node.id, kind);
            match kind {
                Kind::Persona => personas.insert(node.id.clone()),
                Kind::Lane => lanes.insert(node.id.clone()),
                _ => false,
            };
        }
        for node in nodes {
            if found.len() >= max {
                break;
            }
            // A node whose parent is in neither is stray, not refused: taken out as such.
            let Some(parent) = parent_kind(node, &kinds, &places) else {
                continue;
            };
            let refused = match Kind::in_list(parent, &node.list) {
                None => true,
                // A card in a lane the map does not have, which only the whole map's check
                // would find.
                Some(Kind::Card) if !lane_of(&node.list).is_some_and(|l| lanes.contains(l)) => true,
                Some(kind) => {
                    places
                        .get(&node.id)
                        .is_some_and(|was| was.kind.names() != kind.names())
                        || object_from_value(
                            kind,
                            &node.object(),
                            &path(node),
                            personas.clone(),
                            lanes.clone(),
                        )
                        .is_err()
                }
            };
            if refused {
                found.push(node.id.clone());
            }
        }
        found
    }
}

/// The kind of `node`'s parent: `Some(None)` for the map itself, which has none; `None` where
/// the parent is neither new here (`fresh`) nor in the map (`places`).
fn parent_kind(node: &Node, fresh: &HashMap<&str, Kind>, places: &Places) -> Option<Option<Kind>> {
    match node.parent.as_str() {
        "" => Some(None),
        id => fresh
            .get(id)
            .copied()
            .or(places.get(id).map(|p| p.kind))
            .map(Some),
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

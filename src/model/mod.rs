//! The journey model: plain data and pure functions, no web types.
//!
//! Field names here are the exchange format's (version 4): the types serialize straight into it.

pub mod backup;
pub mod comments;
pub mod csv;
mod edit;
pub mod exchange;
pub mod facilitation;
pub mod generate;
mod grid;
mod history;
pub mod loyalty;
pub mod mermaid;
mod moves;
pub mod nodes;
pub mod numbers;
pub mod outside;
mod parts;
mod progress;
pub mod share;
pub mod templates;
pub mod timer;
mod values;
pub mod versions;
mod votes;
pub mod workshop;

use loyalty::CustomerBase;
use serde::Serialize;
use std::collections::BTreeMap;
use workshop::{Action, Round, Score};

pub use edit::{
    CommentEdit, Edit, EditError, Item, LibraryEdit, NumberField, Part, TextField, WorkshopEdit,
};
pub use grid::Row;
pub use history::{Change, History};
pub use moves::Step;
pub use progress::{Progress, Status};
pub use values::{is_rfc3339, mixed, Color, Date, Direction, Emotion, Reach, Severity};
pub use votes::Voted;

pub type Id = String;

/// Limits a map may reach; import and edits refuse anything beyond them.
pub mod limits {
    pub const TITLE_MAX_CHARS: usize = 200;
    pub const PHASES: usize = 50;
    pub const TOUCHPOINTS_PER_PHASE: usize = 500;
    pub const KPIS_PER_PHASE: usize = 100;
    pub const MEASUREMENTS_PER_KPI: usize = 1000;
    pub const PERSONAS: usize = 20;
    pub const LANES: usize = 30;
    /// Lane cards in one phase, all its lanes together.
    pub const CARDS_PER_PHASE: usize = 1000;
    /// Votes on one card: more dots than any workshop room hands out.
    pub const VOTES: u32 = 9999;
    /// Voting rounds a map keeps.
    pub const ROUNDS: usize = 100;
    /// Dots one person has in a round.
    pub const DOTS: u32 = 99;
    /// Ballots in one round: voters, or tables whose dots are clicked in.
    pub const BALLOTS: usize = 500;
    /// People one ballot's dots are from (a room's).
    pub const PEOPLE_PER_BALLOT: u32 = 500;
    /// Comments a map keeps, threads and replies together.
    pub const COMMENTS: usize = 2000;
    /// People one comment mentions.
    pub const MENTIONS: usize = 20;
    /// A writer's name and a name mentioned.
    pub const NAME_CHARS: usize = 100;
    /// A cost per month, or contacts per customer per month: beyond any real plan, so a typing
    /// slip (an extra row of zeros) is caught.
    pub const PLAN_NUMBER: f64 = 1e12;
    /// A currency code's characters (`EUR`, `USD`, or a symbol).
    pub const CURRENCY_CHARS: usize = 8;
    /// Any other text: a name, a goal, a description (a long page of text fits).
    pub const TEXT_MAX_CHARS: usize = 20_000;
    pub const MAPS_PER_BUNDLE: usize = 1000;
    /// Problems a refused file lists one by one; the rest are counted.
    pub const PROBLEMS_LISTED: usize = 100;
    /// Rows of a measurements file read; a KPI keeps at most [`MEASUREMENTS_PER_KPI`] anyway.
    pub const CSV_ROWS: usize = 10_000;

    /// The length of `text` in characters where it has more than [`TEXT_MAX_CHARS`].
    pub fn text_over(text: &str) -> Option<usize> {
        // Counted only when its bytes could hold too many characters.
        (text.len() > TEXT_MAX_CHARS)
            .then(|| text.chars().count())
            .filter(|&chars| chars > TEXT_MAX_CHARS)
    }

    /// `title` cut to the longest title allowed, for titles made from another (a copy's).
    pub fn fit_title(title: String) -> String {
        if title.chars().count() <= TITLE_MAX_CHARS {
            title
        } else {
            title.chars().take(TITLE_MAX_CHARS).collect()
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    pub maps: Vec<JourneyMap>,
}

/// What the library lists of a map: enough to find it, without the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapSummary {
    pub id: Id,
    pub title: String,
    pub phases: usize,
    pub touchpoints: usize,
    pub kpis: usize,
    /// RFC 3339 in UTC, empty when never edited: sorts as text.
    pub updated_at: String,
}

impl MapSummary {
    pub fn of(map: &JourneyMap) -> Self {
        MapSummary {
            id: map.id.clone(),
            title: map.title.clone(),
            phases: map.phases.len(),
            touchpoints: map.touchpoint_count(),
            kpis: map.kpi_count(),
            updated_at: map.updated_at.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JourneyMap {
    pub id: Id,
    pub title: String,
    pub description: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub language: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub created_at: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub updated_at: String,
    /// The currency of every cost in the map (`EUR`); empty where none is named.
    pub currency: String,
    pub personas: Vec<Persona>,
    /// The lanes of cards under every phase, in the order they are shown.
    pub lanes: Vec<Lane>,
    /// What the shop's last order export said about its customers, in counts and fitted
    /// parameters: the cohorts, the customer base and its forecast. Before the phases, which
    /// storage keeps last.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_base: Option<Box<CustomerBase>>,
    /// The workshop's voting rounds, oldest first; at most one is open.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<Round>,
    /// Comments on cards and phases, in the order they were written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<comments::Comment>,
    pub phases: Vec<Phase>,
}

/// Someone the journey is drawn for.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Persona {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub goals: String,
    pub frustrations: String,
    pub quote: String,
    pub color: Color,
}

/// What a lane holds; a user's own lane is `Custom` and says so by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LaneKind {
    Does,
    Thinks,
    PainPoints,
    Opportunities,
    Backstage,
    Custom,
}

/// A row of cards under every phase.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lane {
    pub id: Id,
    pub kind: LaneKind,
    /// The user's name for it; empty for a standard lane, which is named in the user's language.
    pub name: String,
    pub shown: bool,
}

/// A card in one of the lanes, in one phase.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LaneCard {
    pub id: Id,
    pub text: String,
    /// How much it hurts, for a pain point.
    pub severity: Option<Severity>,
    /// Dots from a workshop's voting, for pain points and opportunities, given without a
    /// round (a round keeps its own).
    pub votes: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Score>,
    /// Chosen to be done, by whom and when.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Phase {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub goal: String,
    pub color: Color,
    /// The most contacts per customer per month the team accepts in this phase.
    pub contact_limit: Option<f64>,
    pub touchpoints: Vec<Touchpoint>,
    pub kpis: Vec<Kpi>,
    /// The cards of each lane in this phase, by lane id, in the order they are shown. A lane
    /// with no cards here has no entry.
    pub cards: BTreeMap<Id, Vec<LaneCard>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Touchpoint {
    pub id: Id,
    pub name: String,
    pub channel: String,
    pub description: String,
    pub emotion: Option<Emotion>,
    /// Where a persona feels otherwise than `emotion` says, by persona id.
    pub emotions: BTreeMap<Id, Emotion>,
    pub owner: String,
    pub cost_per_month: Option<f64>,
    /// How often a customer meets it per month.
    pub contacts_per_month: Option<f64>,
    pub reach: Option<Reach>,
    /// The moment in the customer's life that sets it off ("7 days after delivery").
    pub trigger: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Kpi {
    pub id: Id,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub measurements: Vec<Measurement>,
    /// Typed by hand, or computed from data by a formula (version 3).
    pub kind: loyalty::KpiKind,
    /// The columns of the last file it was measured from, so that the next is one drop.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mapping: Option<loyalty::Mapping>,
}

#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Measurement {
    pub date: Date,
    /// Typed, or for a computed KPI derived from `counts`.
    pub value: f64,
    /// What a computed KPI's value rests on (version 3); absent for a typed number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<loyalty::Counts>,
}

impl JourneyMap {
    /// A map with a title and nothing else yet; `title` must already be valid.
    pub fn new(id: impl Into<Id>, title: impl Into<String>) -> Self {
        JourneyMap {
            id: id.into(),
            title: title.into(),
            description: String::new(),
            language: String::new(),
            created_at: String::new(),
            updated_at: String::new(),
            currency: String::new(),
            personas: Vec::new(),
            lanes: Lane::standard(),
            customer_base: None,
            rounds: Vec::new(),
            comments: Vec::new(),
            phases: Vec::new(),
        }
    }

    pub fn touchpoint_count(&self) -> usize {
        self.phases.iter().map(|p| p.touchpoints.len()).sum()
    }

    pub fn kpi_count(&self) -> usize {
        self.phases.iter().map(|p| p.kpis.len()).sum()
    }

    pub fn card_count(&self) -> usize {
        self.phases
            .iter()
            .flat_map(|p| p.cards.values())
            .map(Vec::len)
            .sum()
    }

    /// Every id in the map: personas, lanes, phases and everything in them share one namespace.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let personas = self.personas.iter().map(|p| p.id.as_str());
        let lanes = self.lanes.iter().map(|l| l.id.as_str());
        // Rounds and ballots are nodes of a live room beside the rest, so their ids are
        // the map's too.
        let rounds = self.rounds.iter().flat_map(|r| {
            std::iter::once(r.id.as_str()).chain(r.ballots.iter().map(|b| b.id.as_str()))
        });
        let comments = self.comments.iter().map(|c| c.id.as_str());
        personas
            .chain(lanes)
            .chain(rounds)
            .chain(comments)
            .chain(self.phases.iter().flat_map(|p| p.ids()))
    }

    /// An id not yet used in this map, such as `phase-4`.
    pub fn fresh_id(&self, prefix: &str) -> Id {
        let used: std::collections::HashSet<&str> = self.ids().collect();
        (1..)
            .map(|n| format!("{prefix}-{n}"))
            .find(|id| !used.contains(id.as_str()))
            .expect("an unbounded range always yields a free id")
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    pub fn touchpoint(&self, id: &str) -> Option<&Touchpoint> {
        self.phases
            .iter()
            .flat_map(|p| &p.touchpoints)
            .find(|t| t.id == id)
    }

    pub fn kpi(&self, id: &str) -> Option<&Kpi> {
        self.phases
            .iter()
            .flat_map(|p| &p.kpis)
            .find(|k| k.id == id)
    }

    pub fn card(&self, id: &str) -> Option<&LaneCard> {
        let (p, lane, i) = self.find_card(id)?;
        Some(&self.phases[p].cards[lane][i])
    }

    /// Where lane card `id` is: its phase's index, its lane, and its index in that lane there.
    pub fn find_card(&self, id: &str) -> Option<(usize, &Id, usize)> {
        self.phases.iter().enumerate().find_map(|(p, phase)| {
            phase.cards.iter().find_map(|(lane, cards)| {
                let i = cards.iter().position(|c| c.id == id)?;
                Some((p, lane, i))
            })
        })
    }

    pub fn persona(&self, id: &str) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    pub fn lane(&self, id: &str) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id == id)
    }

    /// Where a touchpoint, KPI or lane card sits: its phase's index and its own index in that
    /// phase's list of its kind (for a lane card, among the cards of its lane).
    pub fn position_of(&self, id: &str) -> Option<(usize, usize)> {
        self.phases
            .iter()
            .enumerate()
            .find_map(|(p, phase)| {
                let t = phase.touchpoints.iter().position(|t| t.id == id);
                t.or_else(|| phase.kpis.iter().position(|k| k.id == id))
                    .map(|i| (p, i))
            })
            .or_else(|| self.find_card(id).map(|(p, _, i)| (p, i)))
    }
}

impl Lane {
    /// The five lanes every new map has, shown, in the order a journey is read: what the
    /// customer does, thinks, where it hurts, what could be better, and who works behind it.
    pub fn standard() -> Vec<Lane> {
        use LaneKind::*;
        [
            ("lane-does", Does),
            ("lane-thinks", Thinks),
            ("lane-pain-points", PainPoints),
            ("lane-opportunities", Opportunities),
            ("lane-backstage", Backstage),
        ]
        .into_iter()
        .map(|(id, kind)| Lane {
            id: id.into(),
            kind,
            name: String::new(),
            shown: true,
        })
        .collect()
    }
}

impl Lane {
    /// Its name: the user's for their own lane, else the standard one in `lang` (so a map's
    /// standard lanes follow the interface's language).
    pub fn name_in(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Text;
        let text = match self.kind {
            _ if !self.name.is_empty() => return self.name.clone(),
            LaneKind::Does => Text::LaneDoes,
            LaneKind::Thinks => Text::LaneThinks,
            LaneKind::PainPoints => Text::LanePainPoints,
            LaneKind::Opportunities => Text::LaneOpportunities,
            LaneKind::Backstage => Text::LaneBackstage,
            LaneKind::Custom => Text::LaneUnnamed,
        };
        lang.t(text).into()
    }
}

impl LaneKind {
    pub const ALL: [LaneKind; 6] = [
        LaneKind::Does,
        LaneKind::Thinks,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::Backstage,
        LaneKind::Custom,
    ];

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == text)
    }

    /// Its name in the exchange format.
    pub fn name(self) -> &'static str {
        use LaneKind::*;
        match self {
            Does => "does",
            Thinks => "thinks",
            PainPoints => "pain_points",
            Opportunities => "opportunities",
            Backstage => "backstage",
            Custom => "custom",
        }
    }

    /// Whether its cards are voted on in a workshop.
    pub fn has_votes(self) -> bool {
        matches!(self, LaneKind::PainPoints | LaneKind::Opportunities)
    }
}

impl LaneCard {
    pub fn new(id: impl Into<Id>, text: impl Into<String>) -> Self {
        LaneCard {
            id: id.into(),
            text: text.into(),
            severity: None,
            votes: 0,
            score: None,
            action: None,
        }
    }
}

impl Persona {
    pub fn new(id: impl Into<Id>, name: impl Into<String>, color: Color) -> Self {
        Persona {
            id: id.into(),
            name: name.into(),
            description: String::new(),
            goals: String::new(),
            frustrations: String::new(),
            quote: String::new(),
            color,
        }
    }

    /// The badge: the first letters of the name's first two words.
    pub fn initials(&self) -> String {
        self.name
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .take(2)
            .flat_map(char::to_uppercase)
            .collect()
    }
}

impl Touchpoint {
    /// A touchpoint with a name and nothing else yet, as the user adds one.
    pub fn new(id: impl Into<Id>, name: impl Into<String>) -> Self {
        Touchpoint {
            id: id.into(),
            name: name.into(),
            channel: String::new(),
            description: String::new(),
            emotion: None,
            emotions: BTreeMap::new(),
            owner: String::new(),
            cost_per_month: None,
            contacts_per_month: None,
            reach: None,
            trigger: String::new(),
        }
    }

    /// How `persona` feels here: its own emotion where it has one, else the touchpoint's.
    pub fn emotion_of(&self, persona: &str) -> Option<Emotion> {
        self.emotions.get(persona).copied().or(self.emotion)
    }
}

impl Measurement {
    /// A number typed by hand on `date`.
    pub fn typed(date: Date, value: f64) -> Self {
        Measurement {
            date,
            value,
            counts: None,
        }
    }
}

impl Kpi {
    /// A KPI with a name and nothing else yet, as the user adds one: higher is better.
    pub fn new(id: impl Into<Id>, name: impl Into<String>) -> Self {
        Kpi {
            id: id.into(),
            name: name.into(),
            unit: String::new(),
            direction: Direction::Increase,
            baseline: None,
            target: None,
            measurements: Vec::new(),
            kind: loyalty::KpiKind::Number,
            mapping: None,
        }
    }
}

impl Phase {
    pub fn new(id: impl Into<Id>, name: impl Into<String>, color: Color) -> Self {
        Phase {
            id: id.into(),
            name: name.into(),
            description: String::new(),
            goal: String::new(),
            color,
            contact_limit: None,
            touchpoints: Vec::new(),
            kpis: Vec::new(),
            cards: BTreeMap::new(),
        }
    }

    /// This phase's id followed by the ids of everything in it.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str())
            .chain(self.touchpoints.iter().map(|t| t.id.as_str()))
            .chain(self.kpis.iter().map(|k| k.id.as_str()))
            .chain(self.cards.values().flatten().map(|c| c.id.as_str()))
    }

    /// The cards of lane `lane` in this phase, in order.
    pub fn lane_cards(&self, lane: &str) -> &[LaneCard] {
        self.cards.get(lane).map_or(&[], Vec::as_slice)
    }

    pub fn card_count(&self) -> usize {
        self.cards.values().map(Vec::len).sum()
    }

    /// Contacts per customer per month of all its touchpoints together.
    pub fn contacts_per_month(&self) -> f64 {
        self.touchpoints
            .iter()
            .filter_map(|t| t.contacts_per_month)
            .sum()
    }

    /// Whether its touchpoints together contact customers more often than its limit allows.
    pub fn over_contact_limit(&self) -> bool {
        self.contact_limit
            .is_some_and(|limit| self.contacts_per_month() > limit)
    }

    pub fn cost_per_month(&self) -> f64 {
        self.touchpoints
            .iter()
            .filter_map(|t| t.cost_per_month)
            .sum()
    }
}

impl Library {
    pub fn map(&self, id: &str) -> Option<&JourneyMap> {
        self.maps.iter().find(|m| m.id == id)
    }

    pub fn map_mut(&mut self, id: &str) -> Option<&mut JourneyMap> {
        self.maps.iter_mut().find(|m| m.id == id)
    }
}

/// Colours given to new phases in turn, chosen to stay distinguishable for colour-blind viewers.
pub const PHASE_PALETTE: [Color; 6] = [
    Color::rgb(0x1f, 0x77, 0xb4),
    Color::rgb(0xff, 0x7f, 0x0e),
    Color::rgb(0x2c, 0xa0, 0x2c),
    Color::rgb(0x94, 0x67, 0xbd),
    Color::rgb(0x8c, 0x56, 0x4b),
    Color::rgb(0x17, 0xbe, 0xcf),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_id_skips_ids_in_use_anywhere_in_the_map() {
        let mut map = JourneyMap::new("m", "Map");
        map.phases
            .push(Phase::new("phase-1", "See", PHASE_PALETTE[0]));
        map.phases[0].kpis.push(Kpi::new("phase-2", "Reach"));
        map.phases[0].cards.insert(
            "lane-does".into(),
            vec![LaneCard::new("phase-3", "Searches")],
        );
        map.personas
            .push(Persona::new("phase-4", "Anna", PHASE_PALETTE[1]));
        assert_eq!(map.fresh_id("phase"), "phase-5");
        assert_eq!(map.fresh_id("kpi"), "kpi-1");
        assert_eq!(map.fresh_id("lane-does"), "lane-does-1");
    }

    #[test]
    fn a_lane_card_is_placed_among_the_cards_of_its_lane() {
        let mut map = JourneyMap::new("m", "Map");
        let mut phase = Phase::new("p", "See", PHASE_PALETTE[0]);
        phase.cards = BTreeMap::from([
            (
                "lane-does".into(),
                vec![LaneCard::new("a", "a"), LaneCard::new("c", "c")],
            ),
            ("lane-thinks".into(), vec![LaneCard::new("b", "b")]),
        ]);
        map.phases.push(phase);
        assert_eq!(map.position_of("c"), Some((0, 1)));
        assert_eq!(map.position_of("b"), Some((0, 0)));
    }

    #[test]
    fn initials_come_from_the_first_two_words() {
        let color = PHASE_PALETTE[0];
        assert_eq!(Persona::new("p", "anna de vries", color).initials(), "AD");
        assert_eq!(Persona::new("p", "Ömer", color).initials(), "Ö");
        assert_eq!(Persona::new("p", "  ", color).initials(), "");
    }

    #[test]
    fn a_phase_over_its_contact_limit_says_so() {
        let mut phase = Phase::new("p", "Care", PHASE_PALETTE[0]);
        for (id, contacts) in [("t1", Some(2.0)), ("t2", Some(1.5)), ("t3", None)] {
            let mut t = Touchpoint::new(id, id);
            t.contacts_per_month = contacts;
            phase.touchpoints.push(t);
        }
        assert!(!phase.over_contact_limit(), "no limit set");
        phase.contact_limit = Some(3.5);
        assert!(!phase.over_contact_limit(), "at the limit is allowed");
        phase.contact_limit = Some(3.0);
        assert!(phase.over_contact_limit());
    }

    #[test]
    fn counts_cover_all_phases() {
        let map = generate::map(7, generate::Size::SMALL);
        assert_eq!(map.touchpoint_count(), 40);
        assert_eq!(map.phases.len(), 5);
    }
}

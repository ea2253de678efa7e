//! Every change a user can make is one [`Edit`]; [`JourneyMap::apply`] performs it and returns
//! the edit that undoes it. A refused edit leaves the map exactly as it was.

mod comments;
mod journey;
mod workshop;

pub use comments::CommentEdit;
pub use workshop::WorkshopEdit;

use super::loyalty::{CustomerBase, KpiKind, Mapping};
use super::{
    limits, Color, Direction, Emotion, Id, JourneyMap, Kpi, Lane, LaneCard, Library, Measurement,
    Persona, Phase, Reach, Severity, Touchpoint,
};
use std::collections::HashSet;
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum TextField {
    MapTitle,
    MapDescription,
    PhaseName(Id),
    PhaseDescription(Id),
    PhaseGoal(Id),
    TouchpointName(Id),
    TouchpointChannel(Id),
    TouchpointDescription(Id),
    TouchpointOwner(Id),
    KpiName(Id),
    KpiUnit(Id),
    MapCurrency,
    TouchpointTrigger(Id),
    PersonaName(Id),
    PersonaDescription(Id),
    PersonaGoals(Id),
    PersonaFrustrations(Id),
    PersonaQuote(Id),
    LaneName(Id),
    CardText(Id),
}

#[derive(Clone, Debug, PartialEq)]
pub enum NumberField {
    Baseline(Id),
    Target(Id),
    /// A touchpoint's cost per month.
    Cost(Id),
    /// A touchpoint's contacts per customer per month.
    Contacts(Id),
    /// A phase's most contacts per customer per month.
    ContactLimit(Id),
}

/// What a phase holds besides its own texts.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Touchpoint(Touchpoint),
    Kpi(Kpi),
    /// A card of lane `lane`.
    Card {
        lane: Id,
        card: LaneCard,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetText {
        field: TextField,
        value: String,
    },
    SetColor {
        phase: Id,
        color: Color,
    },
    SetEmotion {
        touchpoint: Id,
        emotion: Option<Emotion>,
    },
    SetDirection {
        kpi: Id,
        direction: Direction,
    },
    SetNumber {
        field: NumberField,
        value: Option<f64>,
    },
    InsertPhase {
        index: usize,
        phase: Phase,
    },
    RemovePhase {
        phase: Id,
    },
    /// `to` is the phase's index once the move is done.
    MovePhase {
        phase: Id,
        to: usize,
    },
    InsertItem {
        phase: Id,
        index: usize,
        item: Item,
    },
    RemoveItem {
        id: Id,
    },
    /// Moves a touchpoint or KPI to `index` in `phase` (which may be the phase it is in).
    MoveItem {
        id: Id,
        phase: Id,
        index: usize,
    },
    InsertMeasurement {
        kpi: Id,
        index: usize,
        measurement: Measurement,
    },
    RemoveMeasurement {
        kpi: Id,
        index: usize,
    },
    SetMeasurement {
        kpi: Id,
        index: usize,
        measurement: Measurement,
    },
    /// All of a KPI's measurements at once (an import of a measurements file).
    SetMeasurements {
        kpi: Id,
        measurements: Vec<Measurement>,
    },
    /// How a KPI is measured, with the columns of the file it was last measured from and its
    /// measurements, which must be of that kind: changing the kind changes what a measurement
    /// is, and a file measured adds counts and remembers its columns, in one step to undo.
    /// `unit`, where given, becomes the KPI's unit in the same step (an NPS is no "count").
    SetKpiKind {
        kpi: Id,
        kind: KpiKind,
        unit: Option<String>,
        mapping: Option<Mapping>,
        measurements: Vec<Measurement>,
    },
    /// The shop's customer base as its latest order export gave it (its cohorts and forecast),
    /// or none.
    SetCustomerBase {
        base: Option<Box<CustomerBase>>,
    },
    SetReach {
        touchpoint: Id,
        reach: Option<Reach>,
    },
    /// How one persona feels at a touchpoint; `None`: as the touchpoint's emotion says.
    SetPersonaEmotion {
        touchpoint: Id,
        persona: Id,
        emotion: Option<Emotion>,
    },
    SetPersonaColor {
        persona: Id,
        color: Color,
    },
    /// `emotions` are the persona's own at touchpoints (touchpoint id, emotion): what its
    /// removal took away, given back by its undo.
    InsertPersona {
        index: usize,
        persona: Persona,
        emotions: Vec<(Id, Emotion)>,
    },
    RemovePersona {
        persona: Id,
    },
    /// `cards` are the lane's cards by phase id: what its removal took away.
    InsertLane {
        index: usize,
        lane: Lane,
        cards: Vec<(Id, Vec<LaneCard>)>,
    },
    RemoveLane {
        lane: Id,
    },
    /// `to` is the lane's index once the move is done.
    MoveLane {
        lane: Id,
        to: usize,
    },
    ShowLane {
        lane: Id,
        shown: bool,
    },
    /// Moves lane card `id` to `index` among the cards of `lane` in `phase`.
    MoveCard {
        id: Id,
        phase: Id,
        lane: Id,
        index: usize,
    },
    SetSeverity {
        card: Id,
        severity: Option<Severity>,
    },
    SetVotes {
        card: Id,
        votes: u32,
    },
    /// Voting rounds, scores and actions.
    Workshop(WorkshopEdit),
    /// Comments on cards and phases.
    Comment(CommentEdit),
}

/// An edit on the library as a whole; edits inside one map are wrapped in [`LibraryEdit::Map`].
// Nearly every edit is a `Map` one, so boxing it would cost an allocation per keystroke to
// save a few hundred bytes on the rare others (the undo stack holds at most 500).
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryEdit {
    InsertMap {
        index: usize,
        map: Box<JourneyMap>,
    },
    RemoveMap {
        id: Id,
    },
    /// Puts `map` in the place of the map with the same id (an import that replaces it).
    ReplaceMap {
        map: Box<JourneyMap>,
    },
    /// The same map as changed elsewhere (a live session), taking the place of this one:
    /// `parts` are where the two differ ([`JourneyMap::changed_parts`]), so only the views of
    /// those run again, and this user's undo steps on the map stay.
    UpdateMap {
        map: Box<JourneyMap>,
        parts: Vec<Part>,
    },
    Map {
        id: Id,
        edit: Edit,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    NotFound(Id),
    IndexOutOfRange(usize),
    TooMany {
        what: &'static str,
        max: usize,
    },
    DuplicateId(Id),
    TitleLength(usize),
    TextLength(usize),
    NotFinite,
    /// A cost or a number of contacts below zero or beyond [`limits::PLAN_NUMBER`].
    OutOfRange,
    CurrencyLength(usize),
    /// More votes than [`limits::VOTES`].
    TooManyVotes,
    /// A measurement that is not of its KPI's kind: a typed value on a computed KPI, or counts
    /// that do not give the value it holds.
    NotOfKind,
    /// A customer base whose figures no order export could give.
    NotConsistent,
    /// A round, vote, score or action the workshop's rules do not allow.
    Workshop(super::workshop::Refusal),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NotFound(id) => write!(f, "nothing with id {id:?} in this map"),
            EditError::IndexOutOfRange(i) => write!(f, "position {i} is out of range"),
            EditError::TooMany { what, max } => write!(f, "at most {max} {what} are allowed"),
            EditError::DuplicateId(id) => write!(f, "the id {id:?} is already used"),
            EditError::TitleLength(n) => write!(
                f,
                "a title needs 1 to {} characters, this one has {n}",
                limits::TITLE_MAX_CHARS
            ),
            EditError::TextLength(n) => write!(
                f,
                "a text may have at most {} characters, this one has {n}",
                limits::TEXT_MAX_CHARS
            ),
            EditError::NotFinite => write!(f, "numbers must be finite"),
            EditError::NotOfKind => write!(f, "this measurement is not of its KPI's kind"),
            EditError::NotConsistent => {
                write!(
                    f,
                    "these customer figures could not come from one order export"
                )
            }
            EditError::CurrencyLength(n) => write!(
                f,
                "a currency has at most {} characters, this one has {n}",
                limits::CURRENCY_CHARS
            ),
            EditError::OutOfRange => {
                write!(f, "this number must be from 0 to {}", limits::PLAN_NUMBER)
            }
            EditError::TooManyVotes => write!(f, "a card has at most {} votes", limits::VOTES),
            EditError::Workshop(refusal) => refusal.fmt(f),
        }
    }
}

impl std::error::Error for EditError {}

type Result<T> = std::result::Result<T, EditError>;

pub fn check_title(title: &str) -> Result<()> {
    let n = title.chars().count();
    if (1..=limits::TITLE_MAX_CHARS).contains(&n) {
        Ok(())
    } else {
        Err(EditError::TitleLength(n))
    }
}

fn check_currency(currency: &str) -> Result<()> {
    let n = currency.chars().count();
    if n <= limits::CURRENCY_CHARS {
        Ok(())
    } else {
        Err(EditError::CurrencyLength(n))
    }
}

/// A cost or a number of contacts: none, or from 0 to [`limits::PLAN_NUMBER`].
fn check_plan_number(value: Option<f64>) -> Result<()> {
    match value {
        Some(v) if !(0.0..=limits::PLAN_NUMBER).contains(&v) => Err(EditError::OutOfRange),
        _ => Ok(()),
    }
}

fn check_finite(value: Option<f64>) -> Result<()> {
    match value {
        Some(v) if !v.is_finite() => Err(EditError::NotFinite),
        _ => Ok(()),
    }
}

/// A measurement of a KPI of `kind`: finite, and for a computed kind, with counts that give
/// its value.
fn check_measurement(kind: KpiKind, m: &Measurement) -> Result<()> {
    check_finite(Some(m.value))?;
    if kind.fits(m) {
        Ok(())
    } else {
        Err(EditError::NotOfKind)
    }
}

fn check_measurements(kind: KpiKind, list: &[Measurement]) -> Result<()> {
    if list.len() > limits::MEASUREMENTS_PER_KPI {
        return Err(EditError::TooMany {
            what: "measurements per KPI",
            max: limits::MEASUREMENTS_PER_KPI,
        });
    }
    list.iter().try_for_each(|m| check_measurement(kind, m))
}

fn check_room<T>(list: &[T], index: usize, what: &'static str, max: usize) -> Result<()> {
    if list.len() >= max {
        Err(EditError::TooMany { what, max })
    } else if index > list.len() {
        Err(EditError::IndexOutOfRange(index))
    } else {
        Ok(())
    }
}

fn check_phase_contents(phase: &Phase) -> Result<()> {
    let too_many = |what, max| Err(EditError::TooMany { what, max });
    if phase.touchpoints.len() > limits::TOUCHPOINTS_PER_PHASE {
        return too_many("touchpoints per phase", limits::TOUCHPOINTS_PER_PHASE);
    }
    if phase.kpis.len() > limits::KPIS_PER_PHASE {
        return too_many("KPIs per phase", limits::KPIS_PER_PHASE);
    }
    if phase.card_count() > limits::CARDS_PER_PHASE {
        return too_many("lane cards per phase", limits::CARDS_PER_PHASE);
    }
    check_plan_number(phase.contact_limit)?;
    for t in &phase.touchpoints {
        check_plan_number(t.cost_per_month)?;
        check_plan_number(t.contacts_per_month)?;
    }
    phase.kpis.iter().try_for_each(check_kpi)
}

fn check_kpi(kpi: &Kpi) -> Result<()> {
    if kpi.measurements.len() > limits::MEASUREMENTS_PER_KPI {
        return Err(EditError::TooMany {
            what: "measurements per KPI",
            max: limits::MEASUREMENTS_PER_KPI,
        });
    }
    check_finite(kpi.baseline)?;
    check_finite(kpi.target)?;
    kpi.measurements
        .iter()
        .try_for_each(|m| check_finite(Some(m.value)))
}

impl Item {
    pub fn id(&self) -> &str {
        match self {
            Item::Touchpoint(t) => &t.id,
            Item::Kpi(k) => &k.id,
            Item::Card { card, .. } => &card.id,
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Touchpoint,
    Kpi,
}

impl JourneyMap {
    /// Applies `edit` and returns the edit that undoes it.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit> {
        match edit {
            Edit::SetText { field, value } => {
                if field == TextField::MapTitle {
                    check_title(&value)?;
                } else if field == TextField::MapCurrency {
                    check_currency(&value)?;
                } else if let Some(chars) = limits::text_over(&value) {
                    return Err(EditError::TextLength(chars));
                }
                let old = std::mem::replace(self.text_mut(&field)?, value);
                Ok(Edit::SetText { field, value: old })
            }
            Edit::SetColor { phase, color } => {
                let i = self.phase_index(&phase)?;
                let old = std::mem::replace(&mut self.phases[i].color, color);
                Ok(Edit::SetColor { phase, color: old })
            }
            Edit::SetEmotion {
                touchpoint,
                emotion,
            } => {
                let (p, i) = self.locate(&touchpoint, Kind::Touchpoint)?;
                let old = std::mem::replace(&mut self.phases[p].touchpoints[i].emotion, emotion);
                Ok(Edit::SetEmotion {
                    touchpoint,
                    emotion: old,
                })
            }
            Edit::SetDirection { kpi, direction } => {
                let (p, i) = self.locate(&kpi, Kind::Kpi)?;
                let old = std::mem::replace(&mut self.phases[p].kpis[i].direction, direction);
                Ok(Edit::SetDirection {
                    kpi,
                    direction: old,
                })
            }
            Edit::SetNumber { field, value } => {
                check_finite(value)?;
                let slot = match &field {
                    NumberField::Baseline(id) | NumberField::Target(id) => {
                        let (p, i) = self.locate(id, Kind::Kpi)?;
                        let kpi = &mut self.phases[p].kpis[i];
                        match field {
                            NumberField::Baseline(_) => &mut kpi.baseline,
                            _ => &mut kpi.target,
                        }
                    }
                    NumberField::Cost(id) | NumberField::Contacts(id) => {
                        check_plan_number(value)?;
                        let (p, i) = self.locate(id, Kind::Touchpoint)?;
                        let t = &mut self.phases[p].touchpoints[i];
                        match field {
                            NumberField::Cost(_) => &mut t.cost_per_month,
                            _ => &mut t.contacts_per_month,
                        }
                    }
                    NumberField::ContactLimit(id) => {
                        check_plan_number(value)?;
                        let p = self.phase_index(id)?;
                        &mut self.phases[p].contact_limit
                    }
                };
                let old = std::mem::replace(slot, value);
                Ok(Edit::SetNumber { field, value: old })
            }
            Edit::InsertPhase { index, phase } => {
                check_room(&self.phases, index, "phases", limits::PHASES)?;
                check_phase_contents(&phase)?;
                self.check_references(&phase)?;
                self.check_new_ids(phase.ids())?;
                let id = phase.id.clone();
                self.phases.insert(index, phase);
                Ok(Edit::RemovePhase { phase: id })
            }
            Edit::RemovePhase { phase } => {
                let index = self.phase_index(&phase)?;
                Ok(Edit::InsertPhase {
                    index,
                    phase: self.phases.remove(index),
                })
            }
            Edit::MovePhase { phase, to } => {
                let from = self.phase_index(&phase)?;
                if to >= self.phases.len() {
                    return Err(EditError::IndexOutOfRange(to));
                }
                let moved = self.phases.remove(from);
                self.phases.insert(to, moved);
                Ok(Edit::MovePhase { phase, to: from })
            }
            Edit::InsertItem { phase, index, item } => {
                let p = self.phase_index(&phase)?;
                self.check_new_ids(std::iter::once(item.id()))?;
                let id = item.id().to_owned();
                if let Item::Touchpoint(t) = &item {
                    check_plan_number(t.cost_per_month)?;
                    check_plan_number(t.contacts_per_month)?;
                    self.check_persona_emotions(t)?;
                }
                let lanes = &self.lanes;
                let target = &mut self.phases[p];
                match item {
                    Item::Touchpoint(t) => {
                        check_room(
                            &target.touchpoints,
                            index,
                            "touchpoints per phase",
                            limits::TOUCHPOINTS_PER_PHASE,
                        )?;
                        target.touchpoints.insert(index, t);
                    }
                    Item::Kpi(k) => {
                        check_room(
                            &target.kpis,
                            index,
                            "KPIs per phase",
                            limits::KPIS_PER_PHASE,
                        )?;
                        check_kpi(&k)?;
                        target.kpis.insert(index, k);
                    }
                    Item::Card { lane, card } => {
                        journey::insert_card(lanes, target, &lane, index, card)?
                    }
                }
                Ok(Edit::RemoveItem { id })
            }
            Edit::RemoveItem { id } => {
                if let Some((p, lane, index)) = self.find_card(&id) {
                    let lane = lane.clone();
                    let phase = &mut self.phases[p];
                    let card = journey::take_card(phase, &lane, index);
                    return Ok(Edit::InsertItem {
                        phase: phase.id.clone(),
                        index,
                        item: Item::Card { lane, card },
                    });
                }
                let (kind, p, index) = self.find_item(&id)?;
                let phase = &mut self.phases[p];
                let item = match kind {
                    Kind::Touchpoint => Item::Touchpoint(phase.touchpoints.remove(index)),
                    Kind::Kpi => Item::Kpi(phase.kpis.remove(index)),
                };
                Ok(Edit::InsertItem {
                    phase: phase.id.clone(),
                    index,
                    item,
                })
            }
            Edit::MoveItem { id, phase, index } => {
                if let Some((_, lane, _)) = self.find_card(&id) {
                    let lane = lane.clone();
                    return self.apply(Edit::MoveCard {
                        id,
                        phase,
                        lane,
                        index,
                    });
                }
                let (kind, from_p, from_i) = self.find_item(&id)?;
                let to_p = self.phase_index(&phase)?;
                let (len, what, max) = match kind {
                    Kind::Touchpoint => (
                        self.phases[to_p].touchpoints.len(),
                        "touchpoints per phase",
                        limits::TOUCHPOINTS_PER_PHASE,
                    ),
                    Kind::Kpi => (
                        self.phases[to_p].kpis.len(),
                        "KPIs per phase",
                        limits::KPIS_PER_PHASE,
                    ),
                };
                let room = if to_p == from_p { len - 1 } else { len };
                if room >= max {
                    return Err(EditError::TooMany { what, max });
                }
                if index > room {
                    return Err(EditError::IndexOutOfRange(index));
                }
                match kind {
                    Kind::Touchpoint => {
                        let t = self.phases[from_p].touchpoints.remove(from_i);
                        self.phases[to_p].touchpoints.insert(index, t);
                    }
                    Kind::Kpi => {
                        let k = self.phases[from_p].kpis.remove(from_i);
                        self.phases[to_p].kpis.insert(index, k);
                    }
                }
                Ok(Edit::MoveItem {
                    id,
                    phase: self.phases[from_p].id.clone(),
                    index: from_i,
                })
            }
            Edit::InsertMeasurement {
                kpi,
                index,
                measurement,
            } => {
                check_measurement(self.kpi_kind(&kpi)?, &measurement)?;
                let list = self.measurements_mut(&kpi)?;
                check_room(
                    list,
                    index,
                    "measurements per KPI",
                    limits::MEASUREMENTS_PER_KPI,
                )?;
                list.insert(index, measurement);
                Ok(Edit::RemoveMeasurement { kpi, index })
            }
            Edit::RemoveMeasurement { kpi, index } => {
                let list = self.measurements_mut(&kpi)?;
                if index >= list.len() {
                    return Err(EditError::IndexOutOfRange(index));
                }
                let measurement = list.remove(index);
                Ok(Edit::InsertMeasurement {
                    kpi,
                    index,
                    measurement,
                })
            }
            Edit::SetMeasurements { kpi, measurements } => {
                let kind = self.kpi_kind(&kpi)?;
                check_measurements(kind, &measurements)?;
                let old = std::mem::replace(self.measurements_mut(&kpi)?, measurements);
                Ok(Edit::SetMeasurements {
                    kpi,
                    measurements: old,
                })
            }
            Edit::SetKpiKind {
                kpi,
                kind,
                unit,
                mapping,
                measurements,
            } => {
                check_measurements(kind, &measurements)?;
                if let Some(chars) = unit.as_deref().and_then(limits::text_over) {
                    return Err(EditError::TextLength(chars));
                }
                let (p, i) = self.locate(&kpi, Kind::Kpi)?;
                let k = &mut self.phases[p].kpis[i];
                Ok(Edit::SetKpiKind {
                    kpi,
                    kind: std::mem::replace(&mut k.kind, kind),
                    unit: unit.map(|unit| std::mem::replace(&mut k.unit, unit)),
                    mapping: std::mem::replace(&mut k.mapping, mapping),
                    measurements: std::mem::replace(&mut k.measurements, measurements),
                })
            }
            Edit::SetMeasurement {
                kpi,
                index,
                measurement,
            } => {
                check_measurement(self.kpi_kind(&kpi)?, &measurement)?;
                let slot = self
                    .measurements_mut(&kpi)?
                    .get_mut(index)
                    .ok_or(EditError::IndexOutOfRange(index))?;
                let old = std::mem::replace(slot, measurement);
                Ok(Edit::SetMeasurement {
                    kpi,
                    index,
                    measurement: old,
                })
            }
            Edit::SetCustomerBase { base } => {
                if base.as_ref().is_some_and(|b| !b.is_consistent()) {
                    return Err(EditError::NotConsistent);
                }
                Ok(Edit::SetCustomerBase {
                    base: std::mem::replace(&mut self.customer_base, base),
                })
            }
            Edit::Workshop(edit) => self.apply_to_workshop(edit).map(Edit::Workshop),
            Edit::Comment(edit) => self.apply_to_comments(edit).map(Edit::Comment),
            Edit::SetReach { touchpoint, reach } => self.set_reach(touchpoint, reach),
            Edit::SetPersonaEmotion {
                touchpoint,
                persona,
                emotion,
            } => self.set_persona_emotion(touchpoint, persona, emotion),
            Edit::SetPersonaColor { persona, color } => self.set_persona_color(persona, color),
            Edit::InsertPersona {
                index,
                persona,
                emotions,
            } => self.insert_persona(index, persona, emotions),
            Edit::RemovePersona { persona } => self.remove_persona(persona),
            Edit::InsertLane { index, lane, cards } => self.insert_lane(index, lane, cards),
            Edit::RemoveLane { lane } => self.remove_lane(lane),
            Edit::MoveLane { lane, to } => self.move_lane(lane, to),
            Edit::ShowLane { lane, shown } => self.show_lane(lane, shown),
            Edit::MoveCard {
                id,
                phase,
                lane,
                index,
            } => self.move_card(id, phase, lane, index),
            Edit::SetSeverity { card, severity } => self.set_severity(card, severity),
            Edit::SetVotes { card, votes } => self.set_votes(card, votes),
        }
    }

    fn phase_index(&self, id: &str) -> Result<usize> {
        self.phases
            .iter()
            .position(|p| p.id == id)
            .ok_or_else(|| EditError::NotFound(id.into()))
    }

    fn find_item(&self, id: &str) -> Result<(Kind, usize, usize)> {
        self.locate(id, Kind::Touchpoint)
            .map(|(p, i)| (Kind::Touchpoint, p, i))
            .or_else(|_| self.locate(id, Kind::Kpi).map(|(p, i)| (Kind::Kpi, p, i)))
    }

    fn locate(&self, id: &str, kind: Kind) -> Result<(usize, usize)> {
        self.phases
            .iter()
            .enumerate()
            .find_map(|(p, phase)| {
                let i = match kind {
                    Kind::Touchpoint => phase.touchpoints.iter().position(|t| t.id == id),
                    Kind::Kpi => phase.kpis.iter().position(|k| k.id == id),
                };
                i.map(|i| (p, i))
            })
            .ok_or_else(|| EditError::NotFound(id.into()))
    }

    fn text_mut(&mut self, field: &TextField) -> Result<&mut String> {
        use TextField as F;
        Ok(match field {
            F::MapTitle => &mut self.title,
            F::MapDescription => &mut self.description,
            F::PhaseName(id) | F::PhaseDescription(id) | F::PhaseGoal(id) => {
                let i = self.phase_index(id)?;
                let phase = &mut self.phases[i];
                match field {
                    F::PhaseName(_) => &mut phase.name,
                    F::PhaseDescription(_) => &mut phase.description,
                    _ => &mut phase.goal,
                }
            }
            F::TouchpointName(id)
            | F::TouchpointChannel(id)
            | F::TouchpointDescription(id)
            | F::TouchpointOwner(id) => {
                let (p, i) = self.locate(id, Kind::Touchpoint)?;
                let t = &mut self.phases[p].touchpoints[i];
                match field {
                    F::TouchpointName(_) => &mut t.name,
                    F::TouchpointChannel(_) => &mut t.channel,
                    F::TouchpointDescription(_) => &mut t.description,
                    _ => &mut t.owner,
                }
            }
            F::KpiName(id) | F::KpiUnit(id) => {
                let (p, i) = self.locate(id, Kind::Kpi)?;
                let k = &mut self.phases[p].kpis[i];
                match field {
                    F::KpiName(_) => &mut k.name,
                    _ => &mut k.unit,
                }
            }
            F::MapCurrency => &mut self.currency,
            F::TouchpointTrigger(id) => {
                let (p, i) = self.locate(id, Kind::Touchpoint)?;
                &mut self.phases[p].touchpoints[i].trigger
            }
            F::PersonaName(id)
            | F::PersonaDescription(id)
            | F::PersonaGoals(id)
            | F::PersonaFrustrations(id)
            | F::PersonaQuote(id) => {
                let persona = self.persona_mut(id)?;
                match field {
                    F::PersonaName(_) => &mut persona.name,
                    F::PersonaDescription(_) => &mut persona.description,
                    F::PersonaGoals(_) => &mut persona.goals,
                    F::PersonaFrustrations(_) => &mut persona.frustrations,
                    _ => &mut persona.quote,
                }
            }
            F::LaneName(id) => &mut self.lane_mut(id)?.name,
            F::CardText(id) => &mut self.card_mut(id)?.text,
        })
    }

    fn kpi_kind(&self, kpi: &str) -> Result<KpiKind> {
        let (p, i) = self.locate(kpi, Kind::Kpi)?;
        Ok(self.phases[p].kpis[i].kind)
    }

    fn measurements_mut(&mut self, kpi: &str) -> Result<&mut Vec<Measurement>> {
        let (p, i) = self.locate(kpi, Kind::Kpi)?;
        Ok(&mut self.phases[p].kpis[i].measurements)
    }

    /// Refuses ids that are empty, repeated among themselves, or already used in this map.
    fn check_new_ids<'a>(&self, new: impl Iterator<Item = &'a str>) -> Result<()> {
        let mut seen: HashSet<&str> = self.ids().collect();
        for id in new {
            if id.is_empty() || !seen.insert(id) {
                return Err(EditError::DuplicateId(id.into()));
            }
        }
        Ok(())
    }
}

/// A part of a map that a view can follow: an edit names the parts it changes
/// ([`Edit::touches`]), so only the views of those parts run again, however large the map.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The map's title and description.
    MapTexts,
    /// Which phases the map has, and in which order.
    PhaseOrder,
    /// One phase: its texts, colour and contact limit, and which touchpoints, KPIs and lane
    /// cards it holds, in order.
    Phase(Id),
    /// One touchpoint, KPI or lane card, every field of it.
    Item(Id),
    /// The personas: which there are, and everything about each.
    Personas,
    /// The shop's customer base: its cohorts and forecast.
    CustomerBase,
    /// The lanes: which there are, their order, names, and whether they are shown.
    Lanes,
    /// The voting rounds: their settings, who voted, and the dots.
    Rounds,
    /// The comments: every thread, on every card and phase.
    Comments,
}

impl Edit {
    /// The parts of the map this edit changes. With the same of the edit's inverse it covers
    /// everything that changed, including the phase an item left.
    pub fn touches(&self) -> Vec<Part> {
        use TextField as F;
        let item = |id: &Id| Part::Item(id.clone());
        let phase = |id: &Id| Part::Phase(id.clone());
        match self {
            Edit::SetText {
                field: F::MapTitle | F::MapDescription,
                ..
            } => vec![Part::MapTexts],
            Edit::SetText {
                field: F::PhaseName(id) | F::PhaseDescription(id) | F::PhaseGoal(id),
                ..
            }
            | Edit::SetColor { phase: id, .. } => vec![phase(id)],
            Edit::SetText {
                field:
                    F::TouchpointName(id)
                    | F::TouchpointChannel(id)
                    | F::TouchpointDescription(id)
                    | F::TouchpointOwner(id)
                    | F::KpiName(id)
                    | F::KpiUnit(id),
                ..
            }
            | Edit::SetEmotion { touchpoint: id, .. }
            | Edit::SetDirection { kpi: id, .. }
            | Edit::SetNumber {
                field: NumberField::Baseline(id) | NumberField::Target(id),
                ..
            }
            | Edit::InsertMeasurement { kpi: id, .. }
            | Edit::RemoveMeasurement { kpi: id, .. }
            | Edit::SetMeasurement { kpi: id, .. }
            | Edit::SetMeasurements { kpi: id, .. }
            | Edit::SetKpiKind { kpi: id, .. }
            | Edit::RemoveItem { id } => vec![item(id)],
            Edit::InsertPhase { phase: p, .. } => vec![Part::PhaseOrder, phase(&p.id)],
            Edit::RemovePhase { phase: id } => vec![Part::PhaseOrder, phase(id)],
            Edit::MovePhase { .. } => vec![Part::PhaseOrder],
            Edit::InsertItem {
                phase: p, item: i, ..
            } => vec![phase(p), Part::Item(i.id().into())],
            Edit::MoveItem { id, phase: p, .. } | Edit::MoveCard { id, phase: p, .. } => {
                vec![item(id), phase(p)]
            }
            Edit::SetText {
                field: F::MapCurrency,
                ..
            } => vec![Part::MapTexts],
            Edit::SetText {
                field: F::TouchpointTrigger(id) | F::CardText(id),
                ..
            }
            | Edit::SetNumber {
                field: NumberField::Cost(id) | NumberField::Contacts(id),
                ..
            }
            | Edit::SetReach { touchpoint: id, .. }
            | Edit::SetPersonaEmotion { touchpoint: id, .. }
            | Edit::SetSeverity { card: id, .. }
            | Edit::SetVotes { card: id, .. } => vec![item(id)],
            Edit::SetNumber {
                field: NumberField::ContactLimit(id),
                ..
            } => vec![phase(id)],
            Edit::SetText {
                field:
                    F::PersonaName(_)
                    | F::PersonaDescription(_)
                    | F::PersonaGoals(_)
                    | F::PersonaFrustrations(_)
                    | F::PersonaQuote(_),
                ..
            }
            | Edit::SetPersonaColor { .. }
            | Edit::RemovePersona { .. } => vec![Part::Personas],
            Edit::InsertPersona { emotions, .. } => std::iter::once(Part::Personas)
                .chain(emotions.iter().map(|(t, _)| item(t)))
                .collect(),
            Edit::SetCustomerBase { .. } => vec![Part::CustomerBase],
            Edit::Workshop(edit) => edit.touches(),
            Edit::Comment(_) => vec![Part::Comments],
            Edit::SetText {
                field: F::LaneName(_),
                ..
            }
            | Edit::RemoveLane { .. }
            | Edit::MoveLane { .. }
            | Edit::ShowLane { .. } => vec![Part::Lanes],
            Edit::InsertLane { cards, .. } => std::iter::once(Part::Lanes)
                .chain(cards.iter().map(|(p, _)| phase(p)))
                .collect(),
        }
    }
}

impl Edit {
    /// This edit with the place it inserts or moves to brought within `map` as it is now: an
    /// undo step remembers a place, and edits from elsewhere may since have removed what stood
    /// before it. Everything else about the edit stays.
    fn fitted(self, map: &JourneyMap) -> Edit {
        let list_len = |phase: &str, kind: Kind| {
            map.phase(phase).map_or(0, |p| match kind {
                Kind::Touchpoint => p.touchpoints.len(),
                Kind::Kpi => p.kpis.len(),
            })
        };
        let lane_len =
            |phase: &str, lane: &str| map.phase(phase).map_or(0, |p| p.lane_cards(lane).len());
        // The places lane card `id` can move to in `lane` of `phase`: one fewer where it is
        // already in that list.
        let card_room = |id: &str, phase: &str, lane: &str| {
            let same_list = map
                .find_card(id)
                .is_some_and(|(p, l, _)| map.phases[p].id == phase && l == lane);
            lane_len(phase, lane).saturating_sub(usize::from(same_list))
        };
        match self {
            Edit::InsertPhase { index, phase } => Edit::InsertPhase {
                index: index.min(map.phases.len()),
                phase,
            },
            Edit::MovePhase { phase, to } => Edit::MovePhase {
                phase,
                to: to.min(map.phases.len().saturating_sub(1)),
            },
            Edit::InsertItem { phase, index, item } => {
                let len = match &item {
                    Item::Touchpoint(_) => list_len(&phase, Kind::Touchpoint),
                    Item::Kpi(_) => list_len(&phase, Kind::Kpi),
                    Item::Card { lane, .. } => lane_len(&phase, lane),
                };
                Edit::InsertItem {
                    index: index.min(len),
                    phase,
                    item,
                }
            }
            Edit::MoveCard {
                id,
                phase,
                lane,
                index,
            } => Edit::MoveCard {
                index: index.min(card_room(&id, &phase, &lane)),
                id,
                phase,
                lane,
            },
            Edit::InsertPersona {
                index,
                persona,
                emotions,
            } => Edit::InsertPersona {
                index: index.min(map.personas.len()),
                persona,
                emotions,
            },
            Edit::InsertLane { index, lane, cards } => Edit::InsertLane {
                index: index.min(map.lanes.len()),
                lane,
                cards,
            },
            Edit::MoveLane { lane, to } => Edit::MoveLane {
                lane,
                to: to.min(map.lanes.len().saturating_sub(1)),
            },
            Edit::MoveItem { id, phase, index } => {
                let room = match (map.find_card(&id), map.find_item(&id)) {
                    // A lane card, moved within its lane.
                    (Some((_, lane, _)), _) => card_room(&id, &phase, lane),
                    (None, Ok((kind, from, _))) => {
                        let len = list_len(&phase, kind);
                        if map.phases[from].id == phase {
                            len.saturating_sub(1)
                        } else {
                            len
                        }
                    }
                    (None, Err(_)) => index,
                };
                Edit::MoveItem {
                    index: index.min(room),
                    id,
                    phase,
                }
            }
            Edit::InsertMeasurement {
                kpi,
                index,
                measurement,
            } => Edit::InsertMeasurement {
                index: index.min(map.kpi(&kpi).map_or(0, |k| k.measurements.len())),
                kpi,
                measurement,
            },
            Edit::Workshop(edit) => Edit::Workshop(edit.fitted(map)),
            Edit::Comment(edit) => Edit::Comment(edit.fitted(map)),
            other => other,
        }
    }
}

impl LibraryEdit {
    /// The parts of its map this edit changes (see [`Edit::touches`]); none where it adds,
    /// removes or replaces a whole map, which every view of that map has to follow.
    pub fn touches(&self) -> Vec<Part> {
        match self {
            LibraryEdit::Map { edit, .. } => edit.touches(),
            LibraryEdit::UpdateMap { parts, .. } => parts.clone(),
            LibraryEdit::InsertMap { .. }
            | LibraryEdit::RemoveMap { .. }
            | LibraryEdit::ReplaceMap { .. } => Vec::new(),
        }
    }

    /// Map `map` as changed elsewhere (another tab, a live session), taken in: where the library
    /// has it, an update of the `parts` in which it differs ([`JourneyMap::changed_parts`]), or
    /// nothing where it differs in none; where it has not (`parts` is `None`), added first.
    pub fn taking_in(map: JourneyMap, parts: Option<Vec<Part>>) -> Option<LibraryEdit> {
        match parts {
            Some(parts) if parts.is_empty() => None,
            Some(parts) => Some(LibraryEdit::UpdateMap {
                map: Box::new(map),
                parts,
            }),
            None => Some(LibraryEdit::InsertMap {
                index: 0,
                map: Box::new(map),
            }),
        }
    }

    /// This edit with the place it inserts or moves to brought within `library` as it is now
    /// (see [`Edit::fitted`]).
    pub fn fitted(self, library: &Library) -> LibraryEdit {
        match self {
            LibraryEdit::InsertMap { index, map } => LibraryEdit::InsertMap {
                index: index.min(library.maps.len()),
                map,
            },
            LibraryEdit::Map { id, edit } => {
                let edit = match library.map(&id) {
                    Some(map) => edit.fitted(map),
                    None => edit,
                };
                LibraryEdit::Map { id, edit }
            }
            other => other,
        }
    }

    /// The map this edit changes, which is the map autosave has to write (or delete).
    pub fn map_id(&self) -> &str {
        match self {
            LibraryEdit::InsertMap { map, .. }
            | LibraryEdit::ReplaceMap { map }
            | LibraryEdit::UpdateMap { map, .. } => &map.id,
            LibraryEdit::RemoveMap { id } | LibraryEdit::Map { id, .. } => id,
        }
    }
}

impl Library {
    /// Applies `edit` and returns the edit that undoes it.
    pub fn apply(&mut self, edit: LibraryEdit) -> Result<LibraryEdit> {
        match edit {
            LibraryEdit::InsertMap { index, map } => {
                if index > self.maps.len() {
                    return Err(EditError::IndexOutOfRange(index));
                }
                if self.map(&map.id).is_some() || map.id.is_empty() {
                    return Err(EditError::DuplicateId(map.id));
                }
                check_title(&map.title)?;
                let id = map.id.clone();
                self.maps.insert(index, *map);
                Ok(LibraryEdit::RemoveMap { id })
            }
            LibraryEdit::RemoveMap { id } => {
                let index = self
                    .maps
                    .iter()
                    .position(|m| m.id == id)
                    .ok_or_else(|| EditError::NotFound(id.clone()))?;
                Ok(LibraryEdit::InsertMap {
                    index,
                    map: Box::new(self.maps.remove(index)),
                })
            }
            LibraryEdit::ReplaceMap { map } => {
                check_title(&map.title)?;
                let slot = self
                    .map_mut(&map.id)
                    .ok_or_else(|| EditError::NotFound(map.id.clone()))?;
                let old = std::mem::replace(slot, *map);
                Ok(LibraryEdit::ReplaceMap { map: Box::new(old) })
            }
            LibraryEdit::UpdateMap { map, parts } => {
                check_title(&map.title)?;
                let slot = self
                    .map_mut(&map.id)
                    .ok_or_else(|| EditError::NotFound(map.id.clone()))?;
                let old = std::mem::replace(slot, *map);
                Ok(LibraryEdit::UpdateMap {
                    map: Box::new(old),
                    parts,
                })
            }
            LibraryEdit::Map { id, edit } => {
                let map = self
                    .map_mut(&id)
                    .ok_or_else(|| EditError::NotFound(id.clone()))?;
                let edit = map.apply(edit)?;
                Ok(LibraryEdit::Map { id, edit })
            }
        }
    }
}

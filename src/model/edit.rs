//! Every change a user can make is one [`Edit`]; [`JourneyMap::apply`] performs it and returns
//! the edit that undoes it. A refused edit leaves the map exactly as it was.

use super::{
    limits, Color, Direction, Emotion, Id, JourneyMap, Kpi, Library, Measurement, Phase, Touchpoint,
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
}

#[derive(Clone, Debug, PartialEq)]
pub enum NumberField {
    Baseline(Id),
    Target(Id),
}

/// What a phase holds besides its own texts.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Touchpoint(Touchpoint),
    Kpi(Kpi),
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
}

/// An edit on the library as a whole; edits inside one map are wrapped in [`LibraryEdit::Map`].
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
    Map {
        id: Id,
        edit: Edit,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    NotFound(Id),
    IndexOutOfRange(usize),
    TooMany { what: &'static str, max: usize },
    DuplicateId(Id),
    TitleLength(usize),
    TextLength(usize),
    NotFinite,
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

fn check_finite(value: Option<f64>) -> Result<()> {
    match value {
        Some(v) if !v.is_finite() => Err(EditError::NotFinite),
        _ => Ok(()),
    }
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
                let (NumberField::Baseline(id) | NumberField::Target(id)) = &field;
                let (p, i) = self.locate(id, Kind::Kpi)?;
                let kpi = &mut self.phases[p].kpis[i];
                let slot = match field {
                    NumberField::Baseline(_) => &mut kpi.baseline,
                    NumberField::Target(_) => &mut kpi.target,
                };
                let old = std::mem::replace(slot, value);
                Ok(Edit::SetNumber { field, value: old })
            }
            Edit::InsertPhase { index, phase } => {
                check_room(&self.phases, index, "phases", limits::PHASES)?;
                check_phase_contents(&phase)?;
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
                }
                Ok(Edit::RemoveItem { id })
            }
            Edit::RemoveItem { id } => {
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
                check_finite(Some(measurement.value))?;
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
                if measurements.len() > limits::MEASUREMENTS_PER_KPI {
                    return Err(EditError::TooMany {
                        what: "measurements per KPI",
                        max: limits::MEASUREMENTS_PER_KPI,
                    });
                }
                measurements
                    .iter()
                    .try_for_each(|m| check_finite(Some(m.value)))?;
                let old = std::mem::replace(self.measurements_mut(&kpi)?, measurements);
                Ok(Edit::SetMeasurements {
                    kpi,
                    measurements: old,
                })
            }
            Edit::SetMeasurement {
                kpi,
                index,
                measurement,
            } => {
                check_finite(Some(measurement.value))?;
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
        })
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
    /// One phase: its texts and colour, and which touchpoints and KPIs it holds, in order.
    Phase(Id),
    /// One touchpoint or KPI, every field of it.
    Item(Id),
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
            | Edit::RemoveItem { id } => vec![item(id)],
            Edit::InsertPhase { phase: p, .. } => vec![Part::PhaseOrder, phase(&p.id)],
            Edit::RemovePhase { phase: id } => vec![Part::PhaseOrder, phase(id)],
            Edit::MovePhase { .. } => vec![Part::PhaseOrder],
            Edit::InsertItem {
                phase: p, item: i, ..
            } => vec![phase(p), Part::Item(i.id().into())],
            Edit::MoveItem { id, phase: p, .. } => vec![item(id), phase(p)],
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
                let kind = match item {
                    Item::Touchpoint(_) => Kind::Touchpoint,
                    Item::Kpi(_) => Kind::Kpi,
                };
                Edit::InsertItem {
                    index: index.min(list_len(&phase, kind)),
                    phase,
                    item,
                }
            }
            Edit::MoveItem { id, phase, index } => {
                let room = match map.find_item(&id) {
                    Ok((kind, from, _)) => {
                        let len = list_len(&phase, kind);
                        if map.phases[from].id == phase {
                            len.saturating_sub(1)
                        } else {
                            len
                        }
                    }
                    Err(_) => index,
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
            LibraryEdit::InsertMap { .. }
            | LibraryEdit::RemoveMap { .. }
            | LibraryEdit::ReplaceMap { .. } => Vec::new(),
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
            LibraryEdit::InsertMap { map, .. } | LibraryEdit::ReplaceMap { map } => &map.id,
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

//! The journey model: plain data and pure functions, no web types.
//!
//! Field names here are the exchange format's (version 1): the types serialize straight into it.

pub mod backup;
pub mod csv;
mod edit;
pub mod exchange;
pub mod generate;
mod grid;
mod history;
pub mod mermaid;
mod moves;
pub mod numbers;
mod progress;
pub mod share;
pub mod templates;
pub mod timer;
mod values;
pub mod versions;

use serde::Serialize;

pub use edit::{Edit, EditError, Item, LibraryEdit, NumberField, Part, TextField};
pub use grid::Lane;
pub use history::{Change, History};
pub use moves::Step;
pub use progress::{Progress, Status};
pub use values::{Color, Date, Direction, Emotion};

pub type Id = String;

/// Limits a map may reach; import and edits refuse anything beyond them.
pub mod limits {
    pub const TITLE_MAX_CHARS: usize = 200;
    pub const PHASES: usize = 50;
    pub const TOUCHPOINTS_PER_PHASE: usize = 500;
    pub const KPIS_PER_PHASE: usize = 100;
    pub const MEASUREMENTS_PER_KPI: usize = 1000;
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
    pub phases: Vec<Phase>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Phase {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub goal: String,
    pub color: Color,
    pub touchpoints: Vec<Touchpoint>,
    pub kpis: Vec<Kpi>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Touchpoint {
    pub id: Id,
    pub name: String,
    pub channel: String,
    pub description: String,
    pub emotion: Option<Emotion>,
    pub owner: String,
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
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Measurement {
    pub date: Date,
    pub value: f64,
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
            phases: Vec::new(),
        }
    }

    pub fn touchpoint_count(&self) -> usize {
        self.phases.iter().map(|p| p.touchpoints.len()).sum()
    }

    pub fn kpi_count(&self) -> usize {
        self.phases.iter().map(|p| p.kpis.len()).sum()
    }

    /// Every id in the map: phases, touchpoints and KPIs share one namespace.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.phases.iter().flat_map(|p| p.ids())
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

    /// Where a touchpoint or KPI sits: its phase's index and its own index in that phase.
    pub fn position_of(&self, id: &str) -> Option<(usize, usize)> {
        self.phases.iter().enumerate().find_map(|(p, phase)| {
            let t = phase.touchpoints.iter().position(|t| t.id == id);
            t.or_else(|| phase.kpis.iter().position(|k| k.id == id))
                .map(|i| (p, i))
        })
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
            owner: String::new(),
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
            touchpoints: Vec::new(),
            kpis: Vec::new(),
        }
    }

    /// This phase's id followed by the ids of everything in it.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str())
            .chain(self.touchpoints.iter().map(|t| t.id.as_str()))
            .chain(self.kpis.iter().map(|k| k.id.as_str()))
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
        map.phases[0].kpis.push(Kpi {
            id: "phase-2".into(),
            name: "Reach".into(),
            unit: String::new(),
            direction: Direction::Increase,
            baseline: None,
            target: None,
            measurements: vec![],
        });
        assert_eq!(map.fresh_id("phase"), "phase-3");
        assert_eq!(map.fresh_id("kpi"), "kpi-1");
    }

    #[test]
    fn counts_cover_all_phases() {
        let map = generate::map(7, generate::Size::SMALL);
        assert_eq!(map.touchpoint_count(), 40);
        assert_eq!(map.phases.len(), 5);
    }
}

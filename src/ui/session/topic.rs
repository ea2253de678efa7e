//! What a view follows in the library, typed: an edit reaches exactly the topics of what it
//! changed ([`reached`]), so the compiler, not string keys, decides which views run again.

use crate::charts::Chart;
use crate::model::{Change, Edit, Id, LibraryEdit, Part, TextField};

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// Which maps there are, in which order, and their titles: the library's list.
    Maps,
    /// Any change to any map, as each is stamped with the time of its last edit: the backup
    /// reminder.
    AnyMap,
    /// Anything in one map: its row in the library (title, counts, last edit).
    Map(Id),
    /// One part of one map.
    Part(Id, Part),
    /// What one chart of one map shows.
    Chart(Id, Chart),
}

impl Topic {
    /// The map this topic belongs to, if any.
    fn map(&self) -> Option<&str> {
        match self {
            Topic::Maps | Topic::AnyMap => None,
            Topic::Map(id) | Topic::Part(id, _) | Topic::Chart(id, _) => Some(id),
        }
    }
}

/// Which topics a change reaches.
#[derive(Debug, PartialEq)]
pub struct Reach {
    pub topics: Vec<Topic>,
    /// A whole map came, went or was replaced: every topic of that map is reached.
    pub whole_map: Option<Id>,
}

impl Reach {
    /// Whether a view following `topic` has to run again.
    pub fn includes(&self, topic: &Topic) -> bool {
        self.topics.contains(topic)
            || self
                .whole_map
                .as_deref()
                .is_some_and(|id| topic.map() == Some(id))
    }
}

pub fn reached(change: &Change) -> Reach {
    let map = &change.map;
    // A title typed here, or come from a live session (whose update names the map's texts).
    let renamed = match &change.done {
        LibraryEdit::Map {
            edit:
                Edit::SetText {
                    field: TextField::MapTitle,
                    ..
                },
            ..
        } => true,
        LibraryEdit::UpdateMap { parts, .. } => parts.contains(&Part::MapTexts),
        _ => false,
    };
    let whole = change.touched.is_empty();
    let mut topics = vec![Topic::AnyMap, Topic::Map(map.clone())];
    if whole || renamed {
        topics.push(Topic::Maps);
    }
    topics.extend(
        change
            .touched
            .iter()
            .map(|part| Topic::Part(map.clone(), part.clone())),
    );
    topics.extend(
        Chart::ALL
            .into_iter()
            .filter(|chart| chart.follows(&change.done))
            .map(|chart| Topic::Chart(map.clone(), chart)),
    );
    Reach {
        topics,
        whole_map: whole.then(|| map.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{generate, History, Library};

    fn library() -> Library {
        Library {
            maps: vec![generate::map(1, generate::Size::SMALL)],
        }
    }

    fn edit(edit: Edit) -> LibraryEdit {
        LibraryEdit::Map {
            id: "generated-1".into(),
            edit,
        }
    }

    fn reach(edit: LibraryEdit) -> Reach {
        let mut lib = library();
        reached(&History::default().apply(&mut lib, edit).unwrap())
    }

    #[test]
    fn a_title_from_a_live_session_reaches_the_librarys_list() {
        let mut map = library().maps[0].clone();
        map.title = "Renamed in the room".into();
        let parts = vec![Part::MapTexts];
        let mut lib = library();
        let update = LibraryEdit::UpdateMap {
            map: Box::new(map),
            parts,
        };
        let reach = reached(&History::default().receive(&mut lib, update).unwrap());
        assert!(reach.includes(&Topic::Maps));
        assert!(reach.whole_map.is_none());
    }

    #[test]
    fn typing_a_description_reaches_its_card_and_no_chart() {
        let id = library().maps[0].phases[0].touchpoints[0].id.clone();
        let reach = reach(edit(Edit::SetText {
            field: TextField::TouchpointDescription(id.clone()),
            value: "why".into(),
        }));
        let map = "generated-1".to_string();
        assert!(reach.includes(&Topic::Part(map.clone(), Part::Item(id))));
        assert!(reach.includes(&Topic::Map(map.clone())));
        assert!(!reach.includes(&Topic::Maps));
        assert!(Chart::ALL
            .into_iter()
            .all(|c| !reach.includes(&Topic::Chart(map.clone(), c))));
        assert!(!reach.includes(&Topic::Part(map, Part::MapTexts)));
    }

    #[test]
    fn an_emotion_reaches_the_curve_only() {
        let id = library().maps[0].phases[0].touchpoints[0].id.clone();
        let reach = reach(edit(Edit::SetEmotion {
            touchpoint: id,
            emotion: crate::model::Emotion::new(-2),
        }));
        let charts: Vec<Chart> = Chart::ALL
            .into_iter()
            .filter(|&c| reach.includes(&Topic::Chart("generated-1".into(), c)))
            .collect();
        assert_eq!(charts, [Chart::Experience]);
    }

    #[test]
    fn renaming_a_map_reaches_the_list_and_a_whole_map_reaches_all_of_it() {
        let renamed = reach(edit(Edit::SetText {
            field: TextField::MapTitle,
            value: "New".into(),
        }));
        assert!(renamed.includes(&Topic::Maps));
        assert_eq!(renamed.whole_map, None);
        let removed = reach(LibraryEdit::RemoveMap {
            id: "generated-1".into(),
        });
        assert!(removed.includes(&Topic::Maps));
        let phase = Topic::Part("generated-1".into(), Part::Phase("phase-0".into()));
        assert!(removed.includes(&phase));
        assert!(!removed.includes(&Topic::Part("other".into(), Part::PhaseOrder)));
    }
}

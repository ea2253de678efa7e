//! Reading a journey-map file the user picked or dropped, up to the moment they confirm.
//! Nothing in the library changes before [`Importer::confirm`].

use crate::i18n::Text;
use crate::model::exchange::{self, Problem};
use crate::model::outside::{Job, Outcome};
use crate::model::versions::Occasion;
use crate::model::JourneyMap;
use crate::ui::browser::reader;
use crate::ui::session::Joining;
use crate::ui::votes;
use crate::ui::Session;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Files above this are refused before they are read.
pub const MAX_BYTES: f64 = 10.0 * 1024.0 * 1024.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub map: JourneyMap,
    /// A map with this id is already in the library.
    pub exists: bool,
    /// Replace that map rather than add a copy.
    pub replace: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportState {
    Idle,
    Reading {
        file: String,
    },
    Preview {
        file: String,
        maps: Vec<Candidate>,
        warnings: Vec<Problem>,
    },
    /// Why the file was refused: a reason of its own, or what the validator found.
    Failed {
        file: String,
        reason: Option<Text>,
        problems: Vec<Problem>,
    },
    /// Added: `count` maps; not added, each map's title with why (a watcher's session, a full
    /// library).
    Done {
        count: usize,
        refused: Vec<(String, String)>,
    },
}

#[derive(Clone, Copy)]
pub struct Importer {
    pub state: RwSignal<ImportState>,
    session: Session,
}

fn refused(file: String, reason: Text) -> ImportState {
    ImportState::Failed {
        file,
        reason: Some(reason),
        problems: Vec::new(),
    }
}

impl Importer {
    /// Whether there is an import to show: its panel is built only then.
    pub fn is_active(&self) -> bool {
        !matches!(self.state.get(), ImportState::Idle)
    }

    pub fn new(session: Session) -> Self {
        Importer {
            state: RwSignal::new(ImportState::Idle),
            session,
        }
    }

    pub fn read(&self, file: web_sys::File) {
        let name = file.name();
        if file.size() > MAX_BYTES {
            self.state.set(refused(name, Text::FileTooLarge));
            return;
        }
        self.state.set(ImportState::Reading { file: name.clone() });
        let importer = *self;
        spawn_local(async move {
            let state = match reader::read(Job::MapFile, &file.into()).await {
                Ok(Outcome::Maps { bundle, warnings }) => {
                    let maps = Outcome::maps(&bundle);
                    importer.preview(name, exchange::Imported { maps, warnings })
                }
                Ok(Outcome::Refused(problems)) => ImportState::Failed {
                    file: name,
                    reason: None,
                    problems,
                },
                Ok(_) => refused(name, Text::NotText),
                Err(error) => refused(name, error.reason()),
            };
            importer.state.set(state);
        });
    }

    fn preview(&self, file: String, imported: exchange::Imported) -> ImportState {
        let maps = self.session.library.read_untracked(|library| {
            imported
                .maps
                .into_iter()
                .map(|map| Candidate {
                    exists: library.map(&map.id).is_some(),
                    map,
                    replace: false,
                })
                .collect()
        });
        ImportState::Preview {
            file,
            maps,
            warnings: imported.warnings,
        }
    }

    pub fn choose_replace(&self, index: usize, replace: bool) {
        self.state.update(|state| {
            if let ImportState::Preview { maps, .. } = state {
                if let Some(candidate) = maps.get_mut(index) {
                    candidate.replace = replace && candidate.exists;
                }
            }
        });
    }

    /// Adds the previewed maps: new ones as they are, known ones as copies with a new id unless
    /// the user chose to replace them. Each is one undoable step.
    pub fn confirm(&self) {
        let ImportState::Preview { maps, .. } = self.state.get_untracked() else {
            return;
        };
        let lang = self.session.settings.lang_untracked();
        let mut count = 0;
        let mut refused = Vec::new();
        for Candidate {
            map,
            exists,
            replace,
        } in maps
        {
            let title = map.title.clone();
            let added = if exists && replace {
                self.session.replace_map(map, Occasion::BeforeImport)
            } else {
                // A copy of a map the library holds gets its own id.
                self.session.add_map(map, Joining::Imported).map(drop)
            };
            match added {
                Ok(()) => count += 1,
                Err(error) => refused.push((title, votes::refusal(&error, lang))),
            }
        }
        self.state.set(ImportState::Done { count, refused });
    }

    pub fn close(&self) {
        self.state.set(ImportState::Idle);
    }
}

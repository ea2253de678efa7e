//! What the first screen asks of the session ([`Request`]), done in the session's part of the
//! wasm.

use super::Request;
use crate::i18n::Text;
use crate::model::templates::Template;
use crate::model::{exchange, Edit, LibraryEdit, TextField};
use crate::ui::browser::download::{download, file_name};
use crate::ui::browser::route::Route;
use crate::ui::import::importer::Importer;
use crate::ui::session::clock::now;
use crate::ui::session::{Joining, Session};
use leptos::prelude::*;

impl Session {
    /// Runs within the app's owner (the importer is found there).
    pub fn serve(&self, request: Request) {
        match request {
            Request::Create { template, title } => {
                let lang = self.settings.lang_untracked();
                let title = match (title.trim(), template) {
                    ("", Template::Blank) => lang.t(Text::UntitledMap).to_owned(),
                    ("", template) => template.name(lang).to_owned(),
                    (typed, _) => typed.to_owned(),
                };
                let map = template.build(lang, String::new(), title);
                if let Ok(id) = self.add_map(map, Joining::Created) {
                    let _ = window().location().set_hash(&Route::Map(id).href());
                }
            }
            Request::Rename { id, title } => {
                let edit = Edit::SetText {
                    field: TextField::MapTitle,
                    value: title.trim().to_owned(),
                };
                // An empty or over-long title is refused and the old one kept.
                let _ = self.apply(LibraryEdit::Map { id, edit });
            }
            Request::Duplicate { id } => {
                if let Some(map) = self.library.read_untracked(|l| l.map(&id).cloned()) {
                    let _ = self.add_map(map, Joining::Duplicated);
                }
            }
            Request::Delete { id } => {
                let title = self
                    .library
                    .read_untracked(|l| l.map(&id).map(|m| m.title.clone()));
                if let Some(title) = title {
                    let _ = self.delete(LibraryEdit::RemoveMap { id }, title);
                }
            }
            Request::Undo => self.undo(),
            Request::Redo => self.redo(),
            Request::Import(file) => expect_context::<Importer>().read(file),
            Request::ExportAll => {
                let (text, ids) = self.library.read_untracked(|l| {
                    (
                        exchange::export_bundle(&l.maps, Some(&now())),
                        l.maps.iter().map(|m| m.id.clone()).collect::<Vec<_>>(),
                    )
                });
                let name = file_name("journey-maps", "json");
                if download(&name, &text, "application/json").is_ok() {
                    self.mark_exported(ids);
                }
            }
            Request::Reload { reload, refused } => {
                self.autosave.flush();
                let at_risk = self.autosave.at_risk();
                refused.set(at_risk);
                if !at_risk {
                    reload.run(());
                }
            }
        }
    }
}

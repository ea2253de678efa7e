//! The versions of one map as the versions page works on them: the list as stored, the one
//! opened for reading, and what the last action said; how a version is named to the user.
//! Storage is reached through the session's parts only.

use super::clock::{local_time, now, stamp};
use super::Session;
use crate::i18n::{Lang, Text};
use crate::model::versions::{Occasion, Version};
use crate::model::{exchange, Id, JourneyMap};
use crate::ui::browser::download::{download, file_name_dated};
use crate::ui::{use_lang, use_session};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// One map's versions as this page works on them: the list as stored, the one opened for
/// reading, and what the last action said. Storage is reached through the session only.
#[derive(Clone, Copy)]
pub struct MapVersions {
    session: Session,
    pub id: StoredValue<Id>,
    pub list: RwSignal<Vec<Version>>,
    /// How many stored versions of the map cannot be read (left as they are).
    pub unreadable: RwSignal<usize>,
    /// The version opened for reading, with the map it holds.
    pub shown: RwSignal<Option<(Version, JourneyMap)>>,
    /// What the last action said, for the status line.
    pub said: RwSignal<Option<Text>>,
}

impl MapVersions {
    pub fn provide(id: Id) -> Self {
        let versions = MapVersions {
            session: use_session(),
            id: StoredValue::new(id),
            list: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(0),
            shown: RwSignal::new(None),
            said: RwSignal::new(None),
        };
        versions.refresh();
        provide_context(versions);
        versions
    }

    fn refresh(&self) {
        let id = self.id.get_value();
        // The day's version a save held for later is listed too.
        let found = self.session.stored.with(|s| {
            s.keep_held(stamp());
            s.versions_read(&id)
        });
        let (list, unreadable) = found.unwrap_or_default();
        self.list.set(list);
        self.unreadable.set(unreadable);
    }

    pub fn keep(&self, name: &str) -> bool {
        let kept = self
            .session
            .keep_version(&self.id.get_value(), Occasion::Named, name)
            .is_some();
        self.said.set(Some(if kept {
            Text::VersionKept
        } else {
            Text::VersionNotKept
        }));
        self.refresh();
        kept
    }

    /// The map version `v` holds; `None` when it cannot be read.
    pub fn map_of(&self, v: &Version) -> Option<JourneyMap> {
        self.session.stored.with(|s| s.version(&v.key)).flatten()
    }

    /// [`MapVersions::map_of`] for an action the user took: says so when it cannot be read.
    fn map_for_action(&self, v: &Version) -> Option<JourneyMap> {
        let map = self.map_of(v);
        if map.is_none() {
            self.said.set(Some(Text::VersionUnreadable));
        }
        map
    }

    pub fn open(&self, v: &Version) {
        if let Some(map) = self.map_for_action(v) {
            self.shown.set(Some((v.clone(), map)));
        }
    }

    /// Puts the version in the map's place, as one step undo takes back; the map as it was is
    /// kept as a version first.
    pub fn restore(&self, v: &Version) {
        let Some(mut map) = self.map_for_action(v) else {
            return;
        };
        // A version of a map is that map: its id, whatever the file it was packed as says.
        map.id = self.id.get_value();
        if self
            .session
            .replace_map(map, Occasion::BeforeRestore)
            .is_ok()
        {
            self.said.set(Some(Text::VersionRestored));
        }
        self.refresh();
    }

    pub fn download(&self, v: &Version) {
        let Some(map) = self.map_for_action(v) else {
            return;
        };
        let lang = self.session.settings.lang_untracked();
        let name = format!("{} {}", map.title, lang.t(Text::VersionFile));
        let taken = v.taken_at.get(..10).unwrap_or_default();
        let _ = download(
            &file_name_dated(&name, taken, "json"),
            &exchange::export_map(&map, Some(&now())),
            "application/json",
        );
    }

    pub fn delete(&self, v: &Version) {
        let lang = self.session.settings.lang_untracked();
        let sure = window()
            .confirm_with_message(lang.t(Text::DeleteVersionConfirm))
            .unwrap_or(false);
        if !sure {
            return;
        }
        let _ = self.session.stored.with(|s| s.delete_version(&v.key));
        if self
            .shown
            .with_untracked(|s| s.as_ref().is_some_and(|(s, _)| s.key == v.key))
        {
            self.shown.set(None);
        }
        self.refresh();
    }
}

pub fn use_map_versions() -> MapVersions {
    expect_context::<MapVersions>()
}

/// Why a version was taken: the name the user gave it, or the occasion.
pub fn why(v: &Version, lang: Lang) -> String {
    match v.name.is_empty() {
        true => lang.t(v.occasion.text()).to_owned(),
        false => format!("“{}”", v.name),
    }
}

/// When a version was taken, as people read it in `lang`.
pub fn taken_in(v: &Version, lang: Lang) -> String {
    local_time(&JsValue::from_str(&v.taken_at), lang)
}

/// When a version was taken, following the interface language.
pub fn taken(v: &Version) -> Signal<String> {
    let lang = use_lang();
    let v = v.clone();
    Signal::derive(move || taken_in(&v, lang.get()))
}

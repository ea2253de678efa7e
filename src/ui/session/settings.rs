//! The user's preferences: interface language, larger type, fitting the map to the screen,
//! when each map was last exported, the backup reminder's snooze, and this browser's mark on
//! its ballots. Each is a typed [`Setting`] in storage. Opened by the first screen, before the
//! session: the library is drawn in the user's language.

use super::clock::{now, tomorrow};
use crate::i18n::Lang;
use crate::model::{Id, MapSummary};
use crate::storage::{Backend, Browser, Memory, Preferences, Setting};
use leptos::prelude::*;
use std::collections::{BTreeMap, HashSet};

#[derive(Clone, Copy)]
pub struct Settings {
    lang: RwSignal<Lang>,
    /// The larger-type view for reading at a distance.
    large_type: RwSignal<bool>,
    /// The map scaled to fit the window, for showing it whole on a projector.
    fit_to_screen: RwSignal<bool>,
    /// When each map was last exported as JSON (RFC 3339), for the backup reminder. Read from
    /// its stored JSON when first needed, by the session's part: reading JSON in the first
    /// screen would bring serde_json into it.
    exported: RwSignal<BTreeMap<Id, String>>,
    exported_read: StoredValue<bool>,
    /// The backup reminder stays away until this time (RFC 3339; empty: not snoozed).
    backup_snoozed_until: RwSignal<String>,
    preferences: StoredValue<Preferences, LocalStorage>,
}

impl Settings {
    /// Where the browser refuses storage, preferences last as long as the tab.
    pub fn open() -> Self {
        let backend = Browser::open()
            .map(|b| Box::new(b) as Box<dyn Backend>)
            .unwrap_or_else(|| Box::new(Memory::default()));
        let preferences = Preferences::open(backend);
        let read = |setting| preferences.get(setting);
        let lang = read(Setting::Language)
            .map(|code| Lang::from_tag(&code))
            .or_else(|| {
                web_sys::window()?
                    .navigator()
                    .language()
                    .map(|tag| Lang::from_tag(&tag))
            })
            .unwrap_or(Lang::En);
        Settings {
            lang: RwSignal::new(lang),
            large_type: RwSignal::new(read(Setting::LargeType).as_deref() == Some("on")),
            fit_to_screen: RwSignal::new(read(Setting::FitToScreen).as_deref() == Some("on")),
            exported: RwSignal::new(BTreeMap::new()),
            exported_read: StoredValue::new(false),
            backup_snoozed_until: RwSignal::new(
                read(Setting::BackupSnoozedUntil).unwrap_or_default(),
            ),
            preferences: StoredValue::new_local(preferences),
        }
    }

    /// The stored maps as the index lists them, for the first screen; `None` where it cannot
    /// say, until the session has read the maps themselves.
    pub fn listed_maps(&self) -> Option<Vec<MapSummary>> {
        self.preferences.with_value(Preferences::listed_maps)
    }

    /// The interface language, followed where read in a view.
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.remember(Setting::Language, lang.code());
    }

    pub fn large_type(&self) -> bool {
        self.large_type.get()
    }

    pub fn large_type_untracked(&self) -> bool {
        self.large_type.get_untracked()
    }

    pub fn set_large_type(&self, on: bool) {
        self.switch(self.large_type, Setting::LargeType, on);
    }

    pub fn fit_to_screen(&self) -> bool {
        self.fit_to_screen.get()
    }

    pub fn fit_to_screen_untracked(&self) -> bool {
        self.fit_to_screen.get_untracked()
    }

    pub fn set_fit_to_screen(&self, on: bool) {
        self.switch(self.fit_to_screen, Setting::FitToScreen, on);
    }

    fn switch(&self, switch: RwSignal<bool>, setting: Setting, on: bool) {
        switch.set(on);
        self.remember(setting, if on { "on" } else { "off" });
    }

    /// Reads when each map was last exported, and follows it.
    pub fn with_exported<R>(&self, f: impl FnOnce(&BTreeMap<Id, String>) -> R) -> R {
        self.read_exported();
        self.exported.with(f)
    }

    fn read_exported(&self) {
        if !self.exported_read.get_value() {
            self.exported_read.set_value(true);
            let stored = self.preferences.with_value(|p| p.get(Setting::Exported));
            let exported = stored.and_then(|text| serde_json::from_str(&text).ok());
            self.exported
                .update_untracked(|e| *e = exported.unwrap_or_default());
        }
    }

    /// Notes that these maps were just downloaded as JSON: the user has a copy outside the
    /// browser. Maps no longer in `known` are forgotten, so the setting does not grow forever.
    pub fn mark_exported(&self, ids: impl IntoIterator<Item = Id>, known: HashSet<Id>) {
        self.read_exported();
        let at = now();
        self.exported.update(|exported| {
            exported.extend(ids.into_iter().map(|id| (id, at.clone())));
            exported.retain(|id, _| known.contains(id));
        });
        let text = self
            .exported
            .with_untracked(|e| serde_json::to_string(e).unwrap_or_default());
        self.remember(Setting::Exported, &text);
    }

    pub fn backup_snoozed_until(&self) -> String {
        self.backup_snoozed_until.get()
    }

    /// Keeps the backup reminder away for a day.
    pub fn snooze_backup(&self) {
        let until = tomorrow();
        self.remember(Setting::BackupSnoozedUntil, &until);
        self.backup_snoozed_until.set(until);
    }

    /// This browser's mark in the ids of its ballots: drawn once and kept, so that a reload
    /// (or another tab) votes on the same ballot, not on a new one with a new budget.
    pub fn voter(&self) -> String {
        let kept = self
            .preferences
            .with_value(|p| p.get(Setting::Voter))
            .filter(|v| !v.is_empty() && v.len() <= 16 && v.bytes().all(|b| b.is_ascii_hexdigit()));
        kept.unwrap_or_else(|| {
            let drawn = super::clock::random_mark();
            self.remember(Setting::Voter, &drawn);
            drawn
        })
    }

    /// The name this browser signs its comments with; empty until one is given.
    pub fn writer(&self) -> String {
        self.preferences
            .with_value(|p| p.get(Setting::Writer))
            .unwrap_or_default()
    }

    pub fn set_writer(&self, name: &str) {
        self.remember(Setting::Writer, name);
    }

    /// The live session this browser is in (its JSON), to join again after a reload; empty
    /// when in none.
    pub fn live(&self) -> String {
        self.preferences
            .with_value(|p| p.get(Setting::Live))
            .unwrap_or_default()
    }

    pub fn set_live(&self, json: &str) {
        self.remember(Setting::Live, json);
    }

    fn remember(&self, setting: Setting, value: &str) {
        // Not being able to remember a preference is no reason to bother the user.
        let _ = self.preferences.try_update_value(|p| p.set(setting, value));
    }
}

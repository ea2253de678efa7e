//! Versions of maps in storage: each under `journey-mapper/version/<stamp>/<map id>` as
//! `{"taken", "occasion", "name", "map"}`, where `map` is the map's exchange-format file packed
//! as a share link packs it (deflated, base64url), so a version costs a fraction of the map's
//! own entry. Which versions are pruned and when the day's one is due is the model's rule
//! (`model::versions`); this file only keeps them.

use super::{entry, map_key, units, SaveError, Store};
use crate::model::exchange;
use crate::model::share::{self, Packing};
use crate::model::versions::{self, Occasion, Version};
use crate::model::{is_rfc3339, Date, JourneyMap};
use serde::{Deserialize, Serialize};

pub(super) const VERSION_PREFIX: &str = "journey-mapper/version/";

#[derive(Serialize, Deserialize)]
struct Stored {
    taken: String,
    occasion: String,
    #[serde(default)]
    name: String,
    map: String,
}

/// `ms` milliseconds since 1970 as an RFC 3339 time in UTC, to the second.
fn rfc3339(ms: u64) -> String {
    let (days, rest) = ((ms / 86_400_000) as i64, ms % 86_400_000 / 1000);
    let date = Date::from_days(days)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let (h, m, s) = (rest / 3600, rest % 3600 / 60, rest % 60);
    format!("{date}T{h:02}:{m:02}:{s:02}Z")
}

/// A map's stored text from before its first save of a day, for the day's version.
pub(super) struct Held {
    id: String,
    taken_at: String,
    raw: String,
}

/// The map a version's key belongs to.
pub(super) fn map_of(key: &str) -> Option<&str> {
    key.strip_prefix(VERSION_PREFIX)?
        .split_once('/')
        .map(|(_, id)| id)
}

impl Store {
    /// The versions of map `id`, newest first. Text under a version's key that cannot be read
    /// is left as it is and not listed.
    pub fn versions(&self, id: &str) -> Vec<Version> {
        self.versions_read(id).0
    }

    /// [`Store::versions`], and how many of the texts under map `id`'s version keys cannot be
    /// read as versions (damaged between visits, or not written by this app): left as they
    /// are, unlisted, but told. Each text is read once.
    pub fn versions_read(&self, id: &str) -> (Vec<Version>, usize) {
        let (found, unreadable): (Vec<_>, Vec<_>) = self
            .stored_versions(|map| map == id)
            .partition(Option::is_some);
        let mut found: Vec<Version> = found.into_iter().flatten().collect();
        found.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.key.cmp(&a.key)));
        (found, unreadable.len())
    }

    /// Under each version key of the maps `of` picks, the version, or `None` where its text
    /// cannot be read; only those keys' text is read.
    fn stored_versions<'a>(
        &'a self,
        of: impl Fn(&str) -> bool + 'a,
    ) -> impl Iterator<Item = Option<Version>> + 'a {
        let keys = self.backend.keys().unwrap_or_default();
        keys.into_iter()
            .filter(move |key| map_of(key).is_some_and(&of))
            .map(|key| self.read_version(key))
    }

    /// The version stored under `key`, when its text reads as one this app writes: a name
    /// longer than the app writes, or a time that is none, is damage, which the list would
    /// carry to every view.
    fn read_version(&self, key: String) -> Option<Version> {
        let raw = self.backend.get(&key).ok()??;
        let stored: Stored = serde_json::from_str(&raw).ok()?;
        let fits = stored.name.chars().count() <= versions::MAX_NAME && is_rfc3339(&stored.taken);
        fits.then_some(())?;
        Some(Version {
            bytes: 2 * units(&key, &raw),
            map: map_of(&key)?.to_owned(),
            taken_at: stored.taken,
            occasion: Occasion::from_code(&stored.occasion)?,
            name: stored.name,
            key,
        })
    }

    /// Keeps `map` as it is now as a version, taken at `taken_at` (RFC 3339); `stamp` (the time
    /// in milliseconds) keeps its key apart from others. Then prunes the map's automatic
    /// versions past the limit.
    pub fn keep_version(
        &mut self,
        map: &JourneyMap,
        occasion: Occasion,
        name: &str,
        taken_at: &str,
        stamp: u64,
    ) -> Result<Version, SaveError> {
        let file = exchange::export_map(map, None);
        let packed = share::pack_file(&file, Packing::Quick);
        self.keep_packed(&map.id, packed, occasion, name, taken_at, stamp)
    }

    /// Keeps `packed` (an exchange file packed by `share`) as a version of map `id`.
    fn keep_packed(
        &mut self,
        id: &str,
        packed: String,
        occasion: Occasion,
        name: &str,
        taken_at: &str,
        stamp: u64,
    ) -> Result<Version, SaveError> {
        if self.newer_app() {
            return Err(SaveError::NewerApp);
        }
        let key = (stamp..)
            .map(|stamp| format!("{VERSION_PREFIX}{stamp}/{id}"))
            .find(|key| !matches!(self.backend.get_start(key, 1), Ok(Some(_))))
            .expect("some stamp is free");
        let name: String = name.chars().take(versions::MAX_NAME).collect();
        let text = serde_json::to_string(&Stored {
            taken: taken_at.to_owned(),
            occasion: occasion.code().to_owned(),
            name: name.clone(),
            map: packed,
        })
        .expect("versions always serialize");
        self.backend.set(&key, &text)?;
        self.sizes.insert(key.clone(), units(&key, &text));
        let all = self.versions(id);
        for old in versions::to_prune(&all) {
            // One left behind is pruned by the next.
            let _ = self.delete_version(&old.key);
        }
        Ok(Version {
            bytes: 2 * units(&key, &text),
            map: id.to_owned(),
            taken_at: taken_at.to_owned(),
            occasion,
            name,
            key,
        })
    }

    /// Keeps the map of an entry from before a migration (`file`, as [`entry::before_migration`]
    /// gives it) as a version of map `id`, then writes the `migrated` entry in its place.
    /// Without room for the version the entry stays as it was, migrated again on the next start.
    pub(super) fn migrate(&mut self, key: &str, id: &str, file: &str, migrated: &str, stamp: u64) {
        let taken_at = rfc3339(stamp);
        let kept = self.keep_packed(
            id,
            share::pack_file(file, Packing::Quick),
            Occasion::BeforeMigration,
            "",
            &taken_at,
            stamp,
        );
        if kept.is_ok() && self.backend.set(key, migrated).is_ok() {
            self.sizes.insert(key.to_owned(), units(key, migrated));
        }
    }

    /// The map a version holds; `None` when its text cannot be read, or holds another map than
    /// the one its key names (text copied between keys would otherwise open, and be restored,
    /// as this map's past).
    pub fn version(&self, key: &str) -> Option<JourneyMap> {
        let id = map_of(key)?;
        let raw = self.backend.get(key).ok()??;
        let stored: Stored = serde_json::from_str(&raw).ok()?;
        share::decode(&stored.map).ok().filter(|map| map.id == id)
    }

    pub fn delete_version(&mut self, key: &str) -> Result<(), SaveError> {
        if map_of(key).is_none() {
            return Err(SaveError::Blocked);
        }
        if self.newer_app() {
            return Err(SaveError::NewerApp);
        }
        self.backend.remove(key)?;
        self.sizes.remove(key);
        Ok(())
    }

    /// Before map `id` is first saved on a day (`now`, RFC 3339), holds the map as stored until
    /// then for [`Store::keep_held`] to keep as the day's version: packing a large map takes tens
    /// of milliseconds, more than a save may (the issue on speed: a save within a frame). Asked
    /// on every save, so it reads storage once a day per map; true when it held something.
    pub fn hold_daily(&mut self, id: &str, now: &str) -> bool {
        let Some(today) = now.get(..10) else {
            return false;
        };
        if !self.daily.insert((id.to_owned(), today.to_owned())) {
            return false;
        }
        let Ok(Some(raw)) = self.backend.get(&map_key(id)) else {
            return false;
        };
        self.held.push(Held {
            id: id.to_owned(),
            taken_at: now.to_owned(),
            raw,
        });
        true
    }

    /// Whether [`Store::hold_daily`] holds anything not yet kept.
    pub fn holds_daily(&self) -> bool {
        !self.held.is_empty()
    }

    /// Keeps what [`Store::hold_daily`] held as the days' versions, where one is still due
    /// (another tab may have kept it meanwhile); `stamp` (the time in milliseconds) keeps their
    /// keys apart. Best effort: a version that cannot be kept never stands in the way of saving.
    pub fn keep_held(&mut self, stamp: u64) {
        for held in std::mem::take(&mut self.held) {
            let today = held.taken_at.get(..10).unwrap_or_default();
            if !versions::daily_due(&self.versions(&held.id), today) {
                continue;
            }
            if let Some((_, file)) = entry::exchange_file(&held.raw) {
                let packed = share::pack_file(&file, Packing::Quick);
                let _ =
                    self.keep_packed(&held.id, packed, Occasion::Daily, "", &held.taken_at, stamp);
            }
        }
    }

    /// Makes room for a map by pruning the oldest automatic version of any map; false when
    /// there is none left to prune.
    pub(super) fn prune_oldest_automatic(&mut self) -> bool {
        let oldest = self
            .stored_versions(|_| true)
            .flatten()
            .filter(|v| v.occasion.is_automatic())
            .map(|v| (v.taken_at, v.key))
            .min();
        match oldest {
            Some((_, key)) => self.delete_version(&key).is_ok(),
            None => false,
        }
    }
}

use crate::i18n::{Lang, Text};
use crate::model::versions::{Occasion, Version};
use crate::model::{exchange, numbers, Id, JourneyMap};
use crate::ui::browser::download::{download, file_name_dated};
use crate::ui::browser::route::Route;
use crate::ui::session::clock::{local_time, now};
use crate::ui::session::Topic;
use crate::ui::versions::compare_panel::ComparePanel;
use crate::ui::versions::keep_version_form::KeepVersionForm;
use crate::ui::versions::shown_version::ShownVersion;
use crate::ui::versions::version_row::VersionRow;
use crate::ui::{tr, use_lang, use_session, Session};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// One map's versions as this page works on them: the list as stored, the one opened for
/// reading, and what the last action said. Storage is reached through the session only.
#[derive(Clone, Copy)]
pub struct MapVersions {
    session: Session,
    pub id: StoredValue<Id>,
    pub list: RwSignal<Vec<Version>>,
    /// The version opened for reading, with the map it holds.
    pub shown: RwSignal<Option<(Version, JourneyMap)>>,
    /// What the last action said, for the status line.
    pub said: RwSignal<Option<Text>>,
}

impl MapVersions {
    fn provide(id: Id) -> Self {
        let versions = MapVersions {
            session: use_session(),
            id: StoredValue::new(id),
            list: RwSignal::new(Vec::new()),
            shown: RwSignal::new(None),
            said: RwSignal::new(None),
        };
        versions.refresh();
        provide_context(versions);
        versions
    }

    fn refresh(&self) {
        let id = self.id.get_value();
        let found = self.session.stored.with(|s| s.versions(&id));
        self.list.set(found.unwrap_or_default());
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

/// A map's versions: keep one by name, open, restore, download or delete each, and compare.
#[component]
pub fn VersionsPage(id: Id) -> impl IntoView {
    let session = use_session();
    let title = {
        let id = id.clone();
        Memo::new(move |_| {
            session
                .library
                .read(Topic::Maps, |l| l.map(&id).map(|m| m.title.clone()))
        })
    };
    let versions = MapVersions::provide(id.clone());
    let lang = use_lang();
    let heading = move || {
        lang.get().fill(
            Text::VersionsOf,
            &[("title", &title.get().unwrap_or_default())],
        )
    };
    let usage = move || {
        let bytes: usize = versions.list.with(|l| l.iter().map(|v| v.bytes).sum());
        lang.get()
            .fill(Text::VersionsUse, &[("size", &numbers::bytes(bytes))])
    };
    view! {
        <nav class="breadcrumb">
            <a href=Route::Library.href()>{tr(Text::BackToMaps)}</a>
            " · "
            <a href=Route::Map(id.clone()).href()>"← " {move || title.get().unwrap_or_default()}</a>
        </nav>
        <Show
            when=move || title.with(Option::is_some)
            fallback=|| view! { <p class="empty" role="alert">{tr(Text::MapNotFound)}</p> }
        >
            <section class="versions" aria-labelledby="versions-heading">
                <h1 id="versions-heading">{heading}</h1>
                <p class="hint">{tr(Text::VersionsExplain)}</p>
                <p class="hint">{usage}</p>
                <KeepVersionForm />
                <p class="versions-said" role="status">{move || versions.said.get().map(|t| lang.get().t(t))}</p>
                <Show
                    when=move || versions.list.with(|l| !l.is_empty())
                    fallback=|| view! { <p class="empty">{tr(Text::NoVersionsYet)}</p> }
                >
                    <div class="table-scroll" tabindex="0" role="region" aria-label=tr(Text::Versions)>
                    <table class="version-list">
                        <thead>
                            <tr>
                                <th scope="col">{tr(Text::VersionTaken)}</th>
                                <th scope="col">{tr(Text::VersionWhy)}</th>
                                <th scope="col">{tr(Text::Size)}</th>
                                <td></td>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || versions.list.get() key=|v| v.key.clone() let(version)>
                                <VersionRow version />
                            </For>
                        </tbody>
                    </table>
                    </div>
                </Show>
                <ShownVersion />
                <ComparePanel />
            </section>
        </Show>
    }
}

use crate::i18n::Text;
use crate::model::JourneyMap;
use crate::ui::session::map_versions::{taken_in, use_map_versions, why};
use crate::ui::session::Topic;
use crate::ui::versions::comparison::Comparison;
use crate::ui::{tr, use_lang, use_session};
use leptos::prelude::*;

/// What a side of a comparison can be: a map as it is now, or a version of this map.
#[derive(Clone, Debug, PartialEq)]
enum Side {
    Map(String),
    Version(String),
}

impl Side {
    fn value(&self) -> String {
        match self {
            Side::Map(id) => format!("map:{id}"),
            Side::Version(key) => format!("version:{key}"),
        }
    }

    fn from_value(value: &str) -> Option<Side> {
        match value.split_once(':')? {
            ("map", id) => Some(Side::Map(id.into())),
            ("version", key) => Some(Side::Version(key.into())),
            _ => None,
        }
    }
}

/// Compares two versions of this map, a version with the map now, or this map with another:
/// two choices, and their differences below as soon as both are chosen.
#[component]
pub fn ComparePanel() -> impl IntoView {
    let session = use_session();
    let versions = use_map_versions();
    let lang = use_lang();
    let id = versions.id.get_value();
    // The choices: this map now, each of its versions, then every other map now.
    let choices = Memo::new(move |_| {
        let lang = lang.get();
        let now = |title: &str| lang.fill(Text::TheMapNow, &[("title", title)]);
        let maps: Vec<(Side, String)> = session.library.read(Topic::Maps, |l| {
            l.maps
                .iter()
                .map(|m| (Side::Map(m.id.clone()), now(&m.title)))
                .collect()
        });
        let (this, others): (Vec<_>, Vec<_>) = maps
            .into_iter()
            .partition(|(side, _)| *side == Side::Map(versions.id.get_value()));
        let own = versions.list.get().into_iter().map(|v| {
            let label = format!("{} · {}", taken_in(&v, lang), why(&v, lang));
            (Side::Version(v.key.clone()), label)
        });
        this.into_iter()
            .chain(own)
            .chain(others)
            .collect::<Vec<_>>()
    });
    let from = RwSignal::new(
        versions
            .list
            .with_untracked(|l| l.first().map(|v| Side::Version(v.key.clone())))
            .unwrap_or(Side::Map(id.clone())),
    );
    let to = RwSignal::new(Side::Map(id));
    // A side whose version was deleted (or whose map went) falls back to this map now.
    Effect::new(move |_| {
        for side in [from, to] {
            let gone = choices.with(|c| !c.iter().any(|(s, _)| *s == side.get()));
            if gone {
                side.set(Side::Map(versions.id.get_value()));
            }
        }
    });
    // The map a side stands for, with its label; following the map or version it names.
    let resolve = move |side: RwSignal<Side>| {
        Memo::new(move |_| {
            let side = side.get();
            let label =
                choices.with(|c| c.iter().find(|(s, _)| *s == side).map(|(_, l)| l.clone()))?;
            let map: Option<JourneyMap> = match &side {
                Side::Map(id) => session
                    .library
                    .read(Topic::Map(id.clone()), |l| l.map(id).cloned()),
                Side::Version(key) => {
                    let v = versions
                        .list
                        .with(|l| l.iter().find(|v| &v.key == key).cloned())?;
                    versions.map_of(&v)
                }
            };
            Some((label, map?))
        })
    };
    let (left, right) = (resolve(from), resolve(to));
    let select = move |label: Text, side: RwSignal<Side>, name: &'static str| {
        view! {
            <label class="inline">
                <span>{tr(label)}</span>
                <select
                    name=name
                    prop:value=move || side.get().value()
                    on:change=move |ev| if let Some(s) = Side::from_value(&event_target_value(&ev)) { side.set(s) }
                >
                    {move || choices.get().into_iter().map(|(s, l)| view! { <option value=s.value()>{l}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <section class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{tr(Text::Compare)}</h2>
            <div class="compare-choices">
                {select(Text::CompareFrom, from, "compare-from")}
                {select(Text::CompareTo, to, "compare-to")}
            </div>
            <Comparison left right />
        </section>
    }
}

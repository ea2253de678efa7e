use crate::i18n::Text;
use crate::model::{limits, Edit, Id, LibraryEdit, TextField};
use crate::ui::browser::route::Route;
use crate::ui::session::clock::local_time;
use crate::ui::session::{Joining, Topic};
use crate::ui::{tr, use_session};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// One map in the library: its title, what it holds, when it was last edited, and actions.
#[component]
pub fn MapRow(id: Id) -> impl IntoView {
    let session = use_session();
    let summary = {
        let id = id.clone();
        Memo::new(move |_| {
            session.library.read(Topic::Map(id.clone()), |l| {
                l.map(&id).map(|m| {
                    (
                        m.title.clone(),
                        m.phases.len(),
                        m.touchpoint_count(),
                        m.kpi_count(),
                        m.updated_at.clone(),
                    )
                })
            })
        })
    };
    let title = move || summary.with(|s| s.as_ref().map(|s| s.0.clone()).unwrap_or_default());
    let counts = move || {
        let lang = session.settings.lang();
        summary.with(|s| {
            s.as_ref()
                .map(|&(_, phases, touchpoints, kpis, _)| lang.counts(phases, touchpoints, kpis))
        })
    };
    let last_edit = move || {
        let lang = session.settings.lang();
        let when = summary.with(|s| s.as_ref().map(|s| s.4.clone()).unwrap_or_default());
        let when = if when.is_empty() {
            lang.t(Text::Never).to_owned()
        } else {
            local_time(&JsValue::from_str(&when), lang)
        };
        format!("{}: {when}", lang.t(Text::LastEdit))
    };

    let (renaming, set_renaming) = signal(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let commit = {
        let id = id.clone();
        move || {
            if !renaming.get_untracked() {
                return;
            }
            set_renaming.set(false);
            let Some(field) = input.get_untracked() else {
                return;
            };
            let value = field.value().trim().to_owned();
            if value != title() {
                let edit = Edit::SetText {
                    field: TextField::MapTitle,
                    value,
                };
                // An empty or over-long title is refused and the old one kept.
                let _ = session.apply(LibraryEdit::Map {
                    id: id.clone(),
                    edit,
                });
            }
        }
    };
    let on_key = {
        let commit = commit.clone();
        move |ev: KeyboardEvent| match ev.key().as_str() {
            "Enter" => commit(),
            "Escape" => set_renaming.set(false),
            _ => {}
        }
    };
    Effect::new(move |_| {
        if renaming.get() {
            if let Some(field) = input.get() {
                let _ = field.focus();
                field.select();
            }
        }
    });
    let delete = {
        let id = id.clone();
        move |_| {
            let _ = session.delete(LibraryEdit::RemoveMap { id: id.clone() }, title());
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            if let Some(map) = session.library.read_untracked(|l| l.map(&id).cloned()) {
                let _ = session.add_map(map, Joining::Duplicated);
            }
        }
    };
    let labelled =
        move |text: Text| move || format!("{}: {}", session.settings.lang().t(text), title());
    let href = Route::Map(id).href();
    view! {
        <li class="map-row">
            <Show
                when=move || renaming.get()
                fallback=move || view! { <h2 class="map-title"><a href=href.clone()>{title}</a></h2> }
            >
                <input
                    class="map-title-input"
                    type="text"
                    node_ref=input
                    maxlength=limits::TITLE_MAX_CHARS
                    aria-label=tr(Text::MapTitle)
                    prop:value=title
                    on:keydown=on_key.clone()
                    on:blur={
                        let commit = commit.clone();
                        move |_| commit()
                    }
                />
            </Show>
            <p class="map-meta">{counts} " · " {last_edit}</p>
            <div class="row-actions">
                <button type="button" aria-label=labelled(Text::Rename) on:click=move |_| set_renaming.set(true)>
                    {tr(Text::Rename)}
                </button>
                <button type="button" aria-label=labelled(Text::Duplicate) on:click=duplicate>
                    {tr(Text::Duplicate)}
                </button>
                <button type="button" class="danger" aria-label=labelled(Text::Delete) on:click=delete>
                    {tr(Text::Delete)}
                </button>
            </div>
        </li>
    }
}

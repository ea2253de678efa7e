use crate::i18n::Text;
use crate::model::{limits, Id};
use crate::ui::app::Request;
use crate::ui::browser::route::Route;
use crate::ui::session::clock::local_time;
use crate::ui::{tr, use_workspace};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// One map in the library: its title, what it holds, when it was last edited, and actions.
#[component]
pub fn MapRow(id: Id) -> impl IntoView {
    let workspace = use_workspace();
    let settings = workspace.settings;
    let summary = {
        let id = id.clone();
        Memo::new(move |_| workspace.summary(&id))
    };
    let title = move || summary.with(|s| s.as_ref().map(|s| s.title.clone()).unwrap_or_default());
    let counts = move || {
        let lang = settings.lang();
        summary.with(|s| {
            s.as_ref()
                .map(|s| lang.counts(s.phases, s.touchpoints, s.kpis))
        })
    };
    let last_edit = move || {
        let lang = settings.lang();
        let when = summary.with(|s| s.as_ref().map(|s| s.updated_at.clone()).unwrap_or_default());
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
                workspace.act(Request::Rename {
                    id: id.clone(),
                    title: value,
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
        move |_| workspace.act(Request::Delete { id: id.clone() })
    };
    let duplicate = {
        let id = id.clone();
        move |_| workspace.act(Request::Duplicate { id: id.clone() })
    };
    let labelled = move |text: Text| move || format!("{}: {}", settings.lang().t(text), title());
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

use super::export_all_button::ExportAllButton;
use super::import_button::ImportButton;
use super::map_row::MapRow;
use super::route::Route;
use super::session::now;
use super::{tr, use_session};
use crate::i18n::Text;
use crate::model::templates::Template;
use crate::model::{limits, LibraryEdit};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// A map id unlikely to clash with one from another browser, so maps can travel between them.
pub fn new_map_id(taken: impl Fn(&str) -> bool) -> String {
    loop {
        let id = format!(
            "map-{:x}-{:06x}",
            js_sys::Date::now() as u64,
            (js_sys::Math::random() * 16_777_216.0) as u32
        );
        if !taken(&id) {
            return id;
        }
    }
}

/// The list of the user's maps, newest edit first, with a form to start a new one.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let session = use_session();
    let (title, set_title) = signal(String::new());
    let (template, set_template) = signal(Template::Blank);
    let (search, set_search) = signal(String::new());
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        let lang = session.lang.get_untracked();
        let typed = title.get_untracked().trim().to_owned();
        let template = template.get_untracked();
        let title = match (typed.is_empty(), template) {
            (false, _) => typed,
            (true, Template::Blank) => lang.t(Text::UntitledMap).to_owned(),
            (true, template) => template.name(lang).to_owned(),
        };
        let id = session
            .library
            .with_untracked(|l| new_map_id(|id| l.map(id).is_some()));
        let mut map = template.build(lang, id, title);
        map.created_at = now();
        let route = Route::Map(map.id.clone());
        if session
            .apply(LibraryEdit::InsertMap {
                index: 0,
                map: Box::new(map),
            })
            .is_ok()
        {
            set_title.set(String::new());
            let _ = window().location().set_hash(&route.href());
        }
    };
    // Only which maps there are (and match the search), in order: editing one does not rebuild the list.
    let ids = Memo::new(move |_| {
        let search = search.get().trim().to_lowercase();
        session.library.with(|l| {
            l.maps
                .iter()
                .filter(|m| m.title.to_lowercase().contains(&search))
                .map(|m| m.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let template_options = move || {
        let lang = session.lang.get();
        Template::ALL
            .iter()
            .enumerate()
            .map(|(i, &t)| view! { <option value=i.to_string() selected=move || template.get() == t>{t.name(lang)}</option> })
            .collect_view()
    };
    let choose_template = move |ev| {
        let chosen = event_target_value(&ev)
            .parse::<usize>()
            .ok()
            .and_then(|i| Template::ALL.get(i).copied());
        set_template.set(chosen.unwrap_or(Template::Blank));
    };
    view! {
        <section class="library" aria-labelledby="library-heading">
            <h1 id="library-heading">{tr(Text::YourMaps)}</h1>
            <form class="create-map" on:submit=create>
                <label for="new-map-title">{tr(Text::NewMapTitle)}</label>
                <input
                    id="new-map-title"
                    type="text"
                    maxlength=limits::TITLE_MAX_CHARS
                    prop:value=title
                    on:input=move |ev| set_title.set(event_target_value(&ev))
                />
                <label for="new-map-template">{tr(Text::StartFrom)}</label>
                <select id="new-map-template" on:change=choose_template>
                    {template_options}
                </select>
                <button type="submit">{tr(Text::CreateMap)}</button>
            </form>
            <div class="exchange">
                <ImportButton />
                <Show when=move || session.library.with(|l| !l.maps.is_empty())>
                    <ExportAllButton />
                </Show>
            </div>
            <Show when=move || session.library.with(|l| l.maps.len() > 1)>
                <div class="search">
                    <label for="search-maps">{tr(Text::SearchMaps)}</label>
                    <input
                        id="search-maps"
                        type="search"
                        prop:value=search
                        on:input=move |ev| set_search.set(event_target_value(&ev))
                    />
                </div>
            </Show>
            <Show
                when=move || session.library.with(|l| !l.maps.is_empty())
                fallback=move || view! { <p class="empty">{tr(Text::NoMapsYet)}</p> }
            >
                <ul class="map-list">
                    <For each=move || ids.get() key=|id| id.clone() let(id)>
                        <MapRow id />
                    </For>
                </ul>
                <Show when=move || ids.with(Vec::is_empty)>
                    <p class="empty">{tr(Text::NoSearchResults)}</p>
                </Show>
            </Show>
        </section>
    }
}

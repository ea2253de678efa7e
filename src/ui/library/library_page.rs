use crate::i18n::Text;
use crate::model::limits;
use crate::model::templates::Template;
use crate::ui::browser::route::Route;
use crate::ui::library::export_all_button::ExportAllButton;
use crate::ui::library::import_button::ImportButton;
use crate::ui::library::map_row::MapRow;
use crate::ui::session::{Joining, Topic};
use crate::ui::{tr, use_session};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The list of the user's maps, newest edit first, with a form to start a new one.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let session = use_session();
    let (title, set_title) = signal(String::new());
    let (template, set_template) = signal(Template::Blank);
    let (search, set_search) = signal(String::new());
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        let lang = session.settings.lang_untracked();
        let typed = title.get_untracked().trim().to_owned();
        let template = template.get_untracked();
        let title = match (typed.is_empty(), template) {
            (false, _) => typed,
            (true, Template::Blank) => lang.t(Text::UntitledMap).to_owned(),
            (true, template) => template.name(lang).to_owned(),
        };
        let map = template.build(lang, String::new(), title);
        if let Ok(id) = session.add_map(map, Joining::Created) {
            set_title.set(String::new());
            let _ = window().location().set_hash(&Route::Map(id).href());
        }
    };
    // Only which maps there are (and match the search), in order: editing one does not rebuild the list.
    let ids = Memo::new(move |_| {
        let search = search.get().trim().to_lowercase();
        session.library.read(Topic::Maps, |l| {
            l.maps
                .iter()
                .filter(|m| m.title.to_lowercase().contains(&search))
                .map(|m| m.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let template_options = move || {
        let lang = session.settings.lang();
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
                <Show when=move || session.library.read(Topic::Maps, |l| !l.maps.is_empty())>
                    <ExportAllButton />
                </Show>
            </div>
            <Show when=move || session.library.read(Topic::Maps, |l| l.maps.len() > 1)>
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
                when=move || session.library.read(Topic::Maps, |l| !l.maps.is_empty())
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

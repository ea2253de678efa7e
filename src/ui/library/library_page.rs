use crate::i18n::Text;
use crate::model::limits;
use crate::model::templates::Template;
use crate::ui::app::Request;
use crate::ui::library::export_all_button::ExportAllButton;
use crate::ui::library::import_button::ImportButton;
use crate::ui::library::map_row::MapRow;
use crate::ui::{tr, use_workspace};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The list of the user's maps, newest edit first, with a form to start a new one. The first
/// screen: drawn from the stored index until the session is there (see `Workspace`).
#[component]
pub fn LibraryPage() -> impl IntoView {
    let workspace = use_workspace();
    let (title, set_title) = signal(String::new());
    let (template, set_template) = signal(Template::Blank);
    let (search, set_search) = signal(String::new());
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        // The new map opens: this page and what was typed go.
        workspace.act(Request::Create {
            template: template.get_untracked(),
            title: title.get_untracked(),
        });
    };
    // Only which maps there are (and match the search), in order: editing one does not rebuild the list.
    let ids = Memo::new(move |_| search.with(|search| workspace.ids(search)));
    let count = Memo::new(move |_| workspace.count());
    let template_options = move || {
        let lang = workspace.settings.lang();
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
                <Show when=move || count.get().is_some_and(|n| n > 0)>
                    <ExportAllButton />
                </Show>
            </div>
            <Show when=move || count.get().is_some_and(|n| n > 1)>
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
            // Which maps there are is not known yet (no index): neither a list nor "no maps" yet.
            <Show when=move || count.get().is_some()>
                <Show
                    when=move || count.get().is_some_and(|n| n > 0)
                    fallback=move || view! { <p class="empty">{tr(Text::NoMapsYet)}</p> }
                >
                    <ul class="map-list">
                        <For each=move || ids.get().unwrap_or_default() key=|id| id.clone() let(id)>
                            <MapRow id />
                        </For>
                    </ul>
                    <Show when=move || ids.with(|ids| ids.as_ref().is_some_and(Vec::is_empty))>
                        <p class="empty">{tr(Text::NoSearchResults)}</p>
                    </Show>
                </Show>
            </Show>
        </section>
    }
}

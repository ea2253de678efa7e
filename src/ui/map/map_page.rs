use crate::i18n::Text;
use crate::model::Id;
use crate::ui::browser::route::Route;
use crate::ui::map::map_editor::MapEditor;
use crate::ui::session::Topic;
use crate::ui::{tr, use_session};
use leptos::prelude::*;

/// One journey map: its title and its phases side by side.
#[component]
pub fn MapPage(id: Id) -> impl IntoView {
    let session = use_session();
    let exists = {
        let id = id.clone();
        Memo::new(move |_| session.library.read(Topic::Maps, |l| l.map(&id).is_some()))
    };
    view! {
        <nav class="breadcrumb">
            <a href=Route::Library.href()>"← " {tr(Text::BackToMaps)}</a>
        </nav>
        <Show
            when=move || exists.get()
            fallback=|| view! { <p class="empty" role="alert">{tr(Text::MapNotFound)}</p> }
        >
            <MapEditor id=id.clone() />
        </Show>
    }
}

use super::library_page::new_map_id;
use super::read_only_map::ReadOnlyMap;
use super::route::Route;
use super::{tr, use_session};
use crate::i18n::Text;
use crate::model::share::{self, ShareError};
use crate::model::LibraryEdit;
use leptos::prelude::*;

/// A map opened from a share link: shown read-only, kept only if the user saves a copy.
#[component]
pub fn SharedMapPage(payload: String) -> impl IntoView {
    let session = use_session();
    match share::decode(&payload) {
        Ok(map) => {
            let shown = map.clone();
            let save = move |_| {
                let mut copy = map.clone();
                copy.id = session
                    .library
                    .with_untracked(|l| new_map_id(|id| l.map(id).is_some()));
                let route = Route::Map(copy.id.clone());
                if session
                    .apply(LibraryEdit::InsertMap {
                        index: 0,
                        map: Box::new(copy),
                    })
                    .is_ok()
                {
                    let _ = window().location().set_hash(&route.href());
                }
            };
            view! {
                <p class="shared-banner" role="status">
                    <span>{tr(Text::SharedMap)}</span>
                    <button type="button" on:click=save>{tr(Text::SaveCopy)}</button>
                </p>
                <ReadOnlyMap map=shown />
            }
            .into_any()
        }
        Err(error) => {
            let details = match error {
                ShareError::Invalid(problems) => problems,
                ShareError::Damaged | ShareError::NotAMap => Vec::new(),
            };
            view! {
                <div class="notice error" role="alert">
                    <p>{tr(Text::LinkDamaged)}</p>
                    <ul class="problems">
                        {details.into_iter().map(|p| view! { <li>{move || p.message(session.lang.get())}</li> }).collect_view()}
                    </ul>
                    <a href=Route::Library.href()>{tr(Text::BackToMaps)}</a>
                </div>
            }
            .into_any()
        }
    }
}

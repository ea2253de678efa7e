use crate::i18n::Text;
use crate::model::share::{self, ShareError};
use crate::ui::browser::route::Route;
use crate::ui::session::Joining;
use crate::ui::shared_map::read_only_map::ReadOnlyMap;
use crate::ui::{tr, use_session};
use leptos::prelude::*;

/// A map opened from a share link: shown read-only, kept only if the user saves a copy.
#[component]
pub fn SharedMapPage(payload: String) -> impl IntoView {
    let session = use_session();
    match share::decode(&payload) {
        Ok(map) => {
            let shown = map.clone();
            let save = move |_| {
                if let Ok(id) = session.add_map(map.clone(), Joining::Shared) {
                    let _ = window().location().set_hash(&Route::Map(id).href());
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
                        {details.into_iter().map(|p| view! { <li>{move || p.message(session.settings.lang())}</li> }).collect_view()}
                    </ul>
                    <a href=Route::Library.href()>{tr(Text::BackToMaps)}</a>
                </div>
            }
            .into_any()
        }
    }
}

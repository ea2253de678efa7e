use crate::i18n::Text;
use crate::model::exchange;
use crate::ui::browser::download::{download, file_name};
use crate::ui::session::clock::now;
use crate::ui::{tr, use_session};
use leptos::prelude::*;

/// Downloads every map as one exchange-format bundle: the user's own copy of their data.
#[component]
pub fn ExportAllButton() -> impl IntoView {
    let session = use_session();
    let export = move |_| {
        let (text, ids) = session.library.read_untracked(|l| {
            (
                exchange::export_bundle(&l.maps, Some(&now())),
                l.maps.iter().map(|m| m.id.clone()).collect::<Vec<_>>(),
            )
        });
        if download(
            &file_name("journey-maps", "json"),
            &text,
            "application/json",
        )
        .is_ok()
        {
            session.mark_exported(ids);
        }
    };
    view! {
        <button type="button" on:click=export>{tr(Text::ExportAll)}</button>
    }
}

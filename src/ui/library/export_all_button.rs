use crate::i18n::Text;
use crate::ui::app::Request;
use crate::ui::{tr, use_workspace};
use leptos::prelude::*;

/// Downloads every map as one exchange-format bundle: the user's own copy of their data.
#[component]
pub fn ExportAllButton() -> impl IntoView {
    let workspace = use_workspace();
    let export = move |_| workspace.act(Request::ExportAll);
    view! {
        <button type="button" on:click=export>{tr(Text::ExportAll)}</button>
    }
}

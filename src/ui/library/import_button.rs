use crate::i18n::Text;
use crate::ui::app::Request;
use crate::ui::{tr, use_workspace};
use leptos::prelude::*;

/// Picks a journey-map file to import; dropping one on the page does the same.
#[component]
pub fn ImportButton() -> impl IntoView {
    let workspace = use_workspace();
    let on_change = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            workspace.act(Request::Import(file));
        }
        // Picking the same file again must read it again.
        input.set_value("");
    };
    view! {
        <span class="import-button">
            <label class="button-like">
                {tr(Text::ImportJson)}
                <input class="visually-hidden" type="file" accept=".json,application/json" on:change=on_change />
            </label>
            <span class="map-meta">{tr(Text::DropHint)}</span>
        </span>
    }
}

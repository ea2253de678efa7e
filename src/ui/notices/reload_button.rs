use crate::i18n::Text;
use crate::ui::app::Request;
use crate::ui::{tr, use_workspace};
use leptos::prelude::*;

/// "Reload now", which refuses while reloading would lose work — changes neither stored nor in
/// a file downloaded since — and says to export first (the banner it sits in offers that).
#[component]
pub fn ReloadButton(#[prop(into)] reload: Callback<()>) -> impl IntoView {
    let workspace = use_workspace();
    let refused = RwSignal::new(false);
    let click = move |_| match workspace.session() {
        Some(_) => workspace.act(Request::Reload { reload, refused }),
        // Nothing can be edited, so nothing lost, before the session is there.
        None => reload.run(()),
    };
    view! {
        <button type="button" on:click=click>{tr(Text::ReloadNow)}</button>
        <Show when=move || refused.get()>
            <p class="field-error" role="alert">{tr(Text::ExportBeforeReload)}</p>
        </Show>
    }
}

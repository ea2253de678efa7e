use crate::i18n::Text;
use crate::ui::{tr, use_session};
use leptos::prelude::*;

/// "Reload now", which refuses while reloading would lose work — changes neither stored nor in
/// a file downloaded since — and says to export first (the banner it sits in offers that).
#[component]
pub fn ReloadButton(#[prop(into)] reload: Callback<()>) -> impl IntoView {
    let session = use_session();
    let refused = RwSignal::new(false);
    let click = move |_| {
        session.autosave.flush();
        let at_risk = session.autosave.at_risk();
        refused.set(at_risk);
        if !at_risk {
            reload.run(());
        }
    };
    view! {
        <button type="button" on:click=click>{tr(Text::ReloadNow)}</button>
        <Show when=move || refused.get()>
            <p class="field-error" role="alert">{tr(Text::ExportBeforeReload)}</p>
        </Show>
    }
}

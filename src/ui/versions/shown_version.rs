use crate::i18n::Text;
use crate::ui::session::map_versions::{taken, use_map_versions};
use crate::ui::shared_map::read_only_map::ReadOnlyMap;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// The version opened for reading: the map as it was, nothing here can change it.
#[component]
pub fn ShownVersion() -> impl IntoView {
    let versions = use_map_versions();
    let lang = use_lang();
    move || {
        versions.shown.get().map(|(version, map)| {
            let when = taken(&version);
            view! {
                <section class="shown-version" aria-labelledby="shown-version-heading">
                    <div class="shown-version-bar">
                        <h2 id="shown-version-heading">
                            {move || lang.get().fill(Text::VersionShown, &[("time", &when.get())])}
                        </h2>
                        <button type="button" class="secondary" on:click=move |_| versions.shown.set(None)>
                            {tr(Text::CloseVersion)}
                        </button>
                    </div>
                    <ReadOnlyMap map />
                </section>
            }
        })
    }
}

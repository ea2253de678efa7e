use crate::i18n::Text;
use crate::model::versions::MAX_NAME;
use crate::ui::session::map_versions::use_map_versions;
use crate::ui::tr;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Keeps the map as it is now under a name the user gives ("before the workshop").
#[component]
pub fn KeepVersionForm() -> impl IntoView {
    let versions = use_map_versions();
    let (name, set_name) = signal(String::new());
    let keep = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked().trim().to_owned();
        if !typed.is_empty() && versions.keep(&typed) {
            set_name.set(String::new());
        }
    };
    view! {
        <form class="keep-version" on:submit=keep>
            <label for="version-name">{tr(Text::VersionName)}</label>
            <input
                id="version-name"
                type="text"
                maxlength=MAX_NAME
                required
                prop:value=name
                on:input=move |ev| set_name.set(event_target_value(&ev))
            />
            <button type="submit">{tr(Text::KeepVersion)}</button>
        </form>
    }
}

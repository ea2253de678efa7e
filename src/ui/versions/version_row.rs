use crate::i18n::Text;
use crate::model::numbers;
use crate::model::versions::Version;
use crate::ui::session::map_versions::{taken, use_map_versions, why, MapVersions};
use crate::ui::use_lang;
use leptos::prelude::*;

/// One version in the list: when and why it was taken, its size, and what can be done with it.
#[component]
pub fn VersionRow(version: Version) -> impl IntoView {
    let versions = use_map_versions();
    let lang = use_lang();
    let when = taken(&version);
    let reason = {
        let version = version.clone();
        move || why(&version, lang.get())
    };
    let stored = StoredValue::new(version.clone());
    let button = move |action: Text, run: fn(&MapVersions, &Version)| {
        let label = move || {
            lang.get().fill(
                Text::ActionsFor,
                &[("action", lang.get().t(action)), ("time", &when.get())],
            )
        };
        view! {
            <button type="button" class="secondary" aria-label=label on:click=move |_| stored.with_value(|v| run(&versions, v))>
                {move || lang.get().t(action)}
            </button>
        }
    };
    view! {
        <tr>
            <td>{when}</td>
            <td>{reason}</td>
            <td>{move || numbers::bytes(version.bytes, lang.get())}</td>
            <td class="version-actions">
                {button(Text::OpenVersion, MapVersions::open)}
                {button(Text::RestoreVersion, MapVersions::restore)}
                {button(Text::DownloadVersion, MapVersions::download)}
                {button(Text::Delete, MapVersions::delete)}
            </td>
        </tr>
    }
}

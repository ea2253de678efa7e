use crate::i18n::Text;
use crate::model::{numbers, Id};
use crate::ui::browser::route::Route;
use crate::ui::session::map_versions::MapVersions;
use crate::ui::session::Topic;
use crate::ui::versions::compare_panel::ComparePanel;
use crate::ui::versions::keep_version_form::KeepVersionForm;
use crate::ui::versions::shown_version::ShownVersion;
use crate::ui::versions::version_row::VersionRow;
use crate::ui::{tr, use_lang, use_session};
use leptos::prelude::*;

/// A map's versions: keep one by name, open, restore, download or delete each, and compare.
#[component]
pub fn VersionsPage(id: Id) -> impl IntoView {
    let session = use_session();
    let title = {
        let id = id.clone();
        Memo::new(move |_| {
            session
                .library
                .read(Topic::Maps, |l| l.map(&id).map(|m| m.title.clone()))
        })
    };
    let versions = MapVersions::provide(id.clone());
    let lang = use_lang();
    let heading = move || {
        lang.get().fill(
            Text::VersionsOf,
            &[("title", &title.get().unwrap_or_default())],
        )
    };
    let usage = move || {
        let bytes: usize = versions.list.with(|l| l.iter().map(|v| v.bytes).sum());
        let lang = lang.get();
        lang.fill(Text::VersionsUse, &[("size", &numbers::bytes(bytes, lang))])
    };
    view! {
        <nav class="breadcrumb">
            <a href=Route::Library.href()>{tr(Text::BackToMaps)}</a>
            " · "
            <a href=Route::Map(id.clone()).href()>"← " {move || title.get().unwrap_or_default()}</a>
        </nav>
        <Show
            when=move || title.with(Option::is_some)
            fallback=|| view! { <p class="empty" role="alert">{tr(Text::MapNotFound)}</p> }
        >
            <section class="versions" aria-labelledby="versions-heading">
                <h1 id="versions-heading">{heading}</h1>
                <p class="hint">{tr(Text::VersionsExplain)}</p>
                <p class="hint">{usage}</p>
                <KeepVersionForm />
                <p class="versions-said" role="status">{move || versions.said.get().map(|t| lang.get().t(t))}</p>
                <Show when=move || versions.unreadable.get() != 0>
                    <p class="field-error" role="alert">
                        {move || lang.get().fill(Text::VersionsUnreadable, &[("count", &versions.unreadable.get().to_string())])}
                    </p>
                </Show>
                <Show
                    when=move || versions.list.with(|l| !l.is_empty())
                    fallback=|| view! { <p class="empty">{tr(Text::NoVersionsYet)}</p> }
                >
                    <div class="table-scroll" tabindex="0" role="region" aria-label=tr(Text::Versions)>
                    <table class="version-list">
                        <thead>
                            <tr>
                                <th scope="col">{tr(Text::VersionTaken)}</th>
                                <th scope="col">{tr(Text::VersionWhy)}</th>
                                <th scope="col">{tr(Text::Size)}</th>
                                <td></td>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || versions.list.get() key=|v| v.key.clone() let(version)>
                                <VersionRow version />
                            </For>
                        </tbody>
                    </table>
                    </div>
                </Show>
                <ShownVersion />
                <ComparePanel />
            </section>
        </Show>
    }
}

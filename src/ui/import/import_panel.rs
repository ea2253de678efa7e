use crate::i18n::Text;
use crate::ui::import::importer::{ImportState, Importer};
use crate::ui::{tr, use_session};
use leptos::prelude::*;

/// What an import is about to do, or why a file was refused. Appears wherever the user is, while
/// there is an import (`Importer::is_active`).
#[component]
pub fn ImportPanel() -> impl IntoView {
    let importer = expect_context::<Importer>();
    let session = use_session();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Whoever reads the page should land on what the import has to say.
    Effect::new(move |_| {
        if !matches!(importer.state.get(), ImportState::Idle) {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
    });
    let counts = move |m: &crate::model::JourneyMap| {
        session
            .settings
            .lang()
            .counts(m.phases.len(), m.touchpoint_count(), m.kpi_count())
    };
    let body = move || {
        match importer.state.get() {
        ImportState::Idle => None,
        ImportState::Reading { file } => Some(view! {
            <h2 tabindex="-1" node_ref=heading>{tr(Text::ImportFrom)} " “" {file} "”…"</h2>
        }.into_any()),
        ImportState::Preview { file, maps, warnings } => {
            let rows = maps.into_iter().enumerate().map(|(i, c)| {
                let summary = counts(&c.map);
                let choice = c.exists.then(|| view! {
                    <fieldset class="import-choice">
                        <legend>{tr(Text::ImportExists)}</legend>
                        <label>
                            <input type="radio" name=format!("import-{i}") prop:checked=!c.replace
                                on:change=move |_| importer.choose_replace(i, false) />
                            {tr(Text::ImportAsCopy)}
                        </label>
                        <label>
                            <input type="radio" name=format!("import-{i}") prop:checked=c.replace
                                on:change=move |_| importer.choose_replace(i, true) />
                            {tr(Text::ImportReplace)}
                        </label>
                    </fieldset>
                });
                view! {
                    <li>
                        <strong class="import-title">{c.map.title.clone()}</strong>
                        <span class="map-meta">{summary}</span>
                        {if c.exists { None } else { Some(view! { <span class="map-meta">{tr(Text::ImportNew)}</span> }) }}
                        {choice}
                    </li>
                }
            }).collect_view();
            let warnings = (!warnings.is_empty()).then(|| view! {
                <details class="technical">
                    <summary>{tr(Text::ImportWarnings)} " (" {warnings.len()} ")"</summary>
                    <ul>{warnings.into_iter().map(|w| view! { <li><code>{w.path.clone()}</code> ": " {move || w.kind.message(session.settings.lang())}</li> }).collect_view()}</ul>
                </details>
            });
            Some(view! {
                <h2 tabindex="-1" node_ref=heading>{tr(Text::ImportFrom)} " “" {file} "”"</h2>
                <p>{tr(Text::ImportExplain)}</p>
                <ul class="import-maps">{rows}</ul>
                {warnings}
                <div class="row-actions">
                    <button type="button" on:click=move |_| importer.confirm()>{tr(Text::Import)}</button>
                    <button type="button" class="secondary" on:click=move |_| importer.close()>{tr(Text::Cancel)}</button>
                </div>
            }.into_any())
        }
        ImportState::Failed { file, reason, problems } => Some(view! {
            <h2 tabindex="-1" node_ref=heading>{tr(Text::ImportFailed)}</h2>
            <p class="map-meta">"“" {file} "”"</p>
            {reason.map(|r| view! { <p>{tr(r)}</p> })}
            <ul class="problems">
                {problems.into_iter().map(|p| view! {
                    <li>
                        {move || p.kind.message(session.settings.lang())}
                        {(!p.path.is_empty()).then(|| view! { <br /><code class="path">{p.path.clone()}</code> })}
                    </li>
                }).collect_view()}
            </ul>
            <button type="button" class="secondary" on:click=move |_| importer.close()>{tr(Text::Close)}</button>
        }.into_any()),
        ImportState::Done { count, refused } => Some(view! {
            <h2 tabindex="-1" node_ref=heading>{tr(Text::Imported)} ": " {count}</h2>
            {(!refused.is_empty()).then(|| view! {
                <p>{tr(Text::NotImported)}</p>
                <ul class="problems">
                    {refused.into_iter().map(|(title, why)| view! { <li>"“" <bdi>{title}</bdi> "”: " {why}</li> }).collect_view()}
                </ul>
            })}
            <button type="button" class="secondary" on:click=move |_| importer.close()>{tr(Text::Close)}</button>
        }.into_any()),
    }
    };
    let failed = move || matches!(importer.state.get(), ImportState::Failed { .. });
    view! {
        <section class="notice import-panel" class:error=failed aria-label=tr(Text::ImportJson) role="region">
            {body}
        </section>
    }
}

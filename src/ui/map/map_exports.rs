use crate::i18n::{Lang, Text};
use crate::model::csv::{self, Separator};
use crate::model::{exchange, mermaid, JourneyMap};
use crate::ui::browser::download::{download, file_name};
use crate::ui::session::clock::now;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_session};
use leptos::html::Div;
use leptos::prelude::*;

/// The map as a file: JSON for the app, CSV for spreadsheets, Mermaid for documentation; a
/// button in the toolbar opens them (a popover: Escape or a click elsewhere closes it).
#[component]
pub fn MapExports() -> impl IntoView {
    let map = use_open_map();
    let menu = NodeRef::<Div>::new();
    let session = use_session();
    // Dutch spreadsheets expect semicolons; the user can choose otherwise.
    let (separator, set_separator) = signal(Separator::of(session.settings.lang_untracked()));
    let save = move |suffix: &'static str,
                     extension: &'static str,
                     mime: &'static str,
                     write: fn(&JourneyMap, Separator, Lang) -> String| {
        move |_| {
            let (sep, lang) = (separator.get_untracked(), session.settings.lang_untracked());
            if let Some((name, text)) = map.with_untracked(|m| {
                (
                    file_name(&format!("{} {suffix}", m.title), extension),
                    write(m, sep, lang),
                )
            }) {
                // Only a JSON file holds the whole map: that one counts as a backup.
                if download(&name, &text, mime).is_ok() && extension == "json" {
                    session.mark_exported([map.id.get_value()]);
                }
            }
            if let Some(menu) = menu.get_untracked() {
                let _ = menu.hide_popover();
            }
        }
    };
    let json = save("", "json", "application/json", |m, _, _| {
        exchange::export_map(m, Some(&now()))
    });
    let touchpoints = save(
        "touchpoints",
        "csv",
        "text/csv;charset=utf-8",
        csv::touchpoints,
    );
    let kpis = save("kpis", "csv", "text/csv;charset=utf-8", csv::kpis);
    let lanes = save("backlog", "csv", "text/csv;charset=utf-8", csv::lane_cards);
    let diagram = save("journey", "mmd", "text/plain;charset=utf-8", |m, _, _| {
        mermaid::journey(m)
    });
    let choose = move |ev| {
        set_separator.set(if event_target_value(&ev) == "semicolon" {
            Separator::Semicolon
        } else {
            Separator::Comma
        });
    };
    view! {
        <button type="button" class="secondary" popovertarget="export-menu">
            {tr(Text::Export)} <span aria-hidden="true">" ▾"</span>
        </button>
        <div id="export-menu" class="map-exports toolbar-popover" popover="auto" role="group" aria-label=tr(Text::Export) node_ref=menu>
            <button type="button" class="secondary" on:click=json>{tr(Text::ExportJson)}</button>
            <button type="button" class="secondary" on:click=touchpoints>{tr(Text::ExportTouchpointsCsv)}</button>
            <button type="button" class="secondary" on:click=kpis>{tr(Text::ExportKpisCsv)}</button>
            <button type="button" class="secondary" on:click=lanes>{tr(Text::ExportLanesCsv)}</button>
            <label class="inline">
                <span>{tr(Text::CsvSeparator)}</span>
                <select on:change=choose prop:value=move || if separator.get() == Separator::Semicolon { "semicolon" } else { "comma" }>
                    <option value="comma">{tr(Text::Comma)}</option>
                    <option value="semicolon">{tr(Text::Semicolon)}</option>
                </select>
            </label>
            <button type="button" class="secondary" on:click=diagram>{tr(Text::ExportMermaid)}</button>
        </div>
    }
}

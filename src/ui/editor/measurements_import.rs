use crate::i18n::Text;
use crate::model::csv::{self, RowProblem};
use crate::model::{Edit, Id, Measurement};
use crate::ui::import::importer::MAX_BYTES;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// A measurements file, read and checked, waiting for the user to add it.
#[derive(Clone, PartialEq)]
struct Pending {
    found: Vec<Measurement>,
    problems: Vec<RowProblem>,
}

/// Reads a KPI's measurements from a spreadsheet file (date, value), shows what it found and
/// which rows it could not read, and adds them only when asked.
#[component]
pub fn MeasurementsImport(kpi: Id) -> impl IntoView {
    let map = use_open_map();
    let session = use_session();
    let kpi = StoredValue::new(kpi);
    let (pending, set_pending) = signal(None::<Pending>);
    let (too_large, set_too_large) = signal(false);
    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        // Refused before it is read: reading a file of gigabytes would stop the tab.
        set_too_large.set(file.size() > MAX_BYTES);
        if file.size() > MAX_BYTES {
            set_pending.set(None);
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            let (found, problems) = csv::measurements(&text);
            set_pending.set(Some(Pending { found, problems }));
        });
    };
    let add = move |_| {
        let Some(Pending { found, .. }) = pending.get_untracked() else {
            return;
        };
        let kpi_id = kpi.get_value();
        let merged = map
            .with_untracked(|m| m.kpi(&kpi_id).map(|k| csv::merge(&k.measurements, &found)))
            .flatten();
        if let Some(measurements) = merged {
            if map
                .apply(Edit::SetMeasurements {
                    kpi: kpi_id,
                    measurements,
                })
                .is_ok()
            {
                set_pending.set(None);
            }
        }
    };
    let preview = move || {
        pending.get().map(|p| {
            let lang = session.settings.lang();
            let count = p.found.len();
            let problems = (!p.problems.is_empty()).then(|| view! {
                <p>{tr(Text::RowsLeftOut)}</p>
                <ul class="problems">{p.problems.iter().map(|r| view! { <li>{r.message(lang)}</li> }).collect_view()}</ul>
            });
            view! {
                <div class="csv-preview" role="status">
                    <p><strong>{count}</strong> " " {lang.t(Text::MeasurementsReady)}</p>
                    {problems}
                    <div class="row-actions">
                        <Show when=move || { count > 0 }>
                            <button type="button" on:click=add>{tr(Text::AddMeasurements)}</button>
                        </Show>
                        <button type="button" class="secondary" on:click=move |_| set_pending.set(None)>{tr(Text::Cancel)}</button>
                    </div>
                </div>
            }
        })
    };
    view! {
        <label class="button-like small">
            {tr(Text::ImportMeasurementsCsv)}
            <input class="visually-hidden" type="file" accept=".csv,text/csv,text/plain" on:change=on_file />
        </label>
        {preview}
        {move || too_large.get().then(|| view! {
            <p class="field-error" role="alert">{tr(Text::MeasurementsFileTooLarge)}</p>
        })}
    }
}

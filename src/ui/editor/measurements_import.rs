use crate::i18n::Text;
use crate::model::csv::{self, OverLimit, RowProblem};
use crate::model::outside::{Job, Outcome};
use crate::model::{limits, Edit, Id, Measurement};
use crate::ui::browser::reader;
use crate::ui::import::importer::MAX_BYTES;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A measurements file, read and checked, waiting for the user to add it: `merged` is the KPI's
/// list with the file's added, or why that would be more than a KPI keeps.
#[derive(Clone, PartialEq)]
struct Pending {
    /// Dates the file holds, and rows that name a date an earlier row named (the last counts).
    found: usize,
    repeated: usize,
    merged: Result<Vec<Measurement>, OverLimit>,
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
    let (not_added, set_not_added) = signal(false);
    // Why the file was not read at all: the file's own message, or the reader's.
    let (refused, set_refused) = signal(None::<Text>);
    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        set_not_added.set(false);
        set_refused.set(None);
        // Refused before it is read: reading a file of gigabytes would stop the tab.
        set_too_large.set(file.size() > MAX_BYTES);
        if file.size() > MAX_BYTES {
            set_pending.set(None);
            return;
        }
        spawn_local(async move {
            let outcome = reader::read(Job::MeasurementsFile, &file.into()).await;
            let (found, problems) = match outcome {
                Ok(Outcome::Measurements { found, problems }) => (found, problems),
                Ok(_) => return set_refused.set(Some(Text::NotText)),
                Err(error) => return set_refused.set(Some(error.reason())),
            };
            let existing = map
                .with_untracked(|m| m.kpi(&kpi.get_value()).map(|k| k.measurements.clone()))
                .flatten()
                .unwrap_or_default();
            let dates = found
                .iter()
                .map(|m| m.date)
                .collect::<std::collections::BTreeSet<_>>();
            set_pending.set(Some(Pending {
                found: dates.len(),
                repeated: found.len() - dates.len(),
                merged: csv::merge_within_limit(&existing, &found),
                problems,
            }));
        });
    };
    let add = move |_| {
        let Some(Pending {
            merged: Ok(measurements),
            ..
        }) = pending.get_untracked()
        else {
            return;
        };
        let added = map.apply(Edit::SetMeasurements {
            kpi: kpi.get_value(),
            measurements,
        });
        set_not_added.set(added.is_err());
        set_pending.set(None);
    };
    let preview = move || {
        pending.get().map(|p| {
            let lang = session.settings.lang();
            let count = p.found;
            let ready = match count {
                0 => lang.t(Text::MeasurementsNone).to_owned(),
                n => lang.count(n, Text::MeasurementReady, Text::MeasurementsReady),
            };
            let repeated = (p.repeated > 0)
                .then(|| lang.count(p.repeated, Text::MeasurementRepeated, Text::MeasurementsRepeated));
            let over_limit = p.merged.as_ref().err().map(|o| {
                let (existing, total) = (o.existing.to_string(), o.count.to_string());
                let max = limits::MEASUREMENTS_PER_KPI.to_string();
                let values = [("existing", &*existing), ("count", &*total), ("max", &*max)];
                view! { <p class="field-error" role="alert">{lang.fill(Text::MeasurementsOverLimit, &values)}</p> }
            });
            let addable = p.merged.is_ok() && count > 0;
            let problems = (!p.problems.is_empty()).then(|| view! {
                <p>{tr(Text::RowsLeftOut)}</p>
                <ul class="problems">{p.problems.iter().map(|r| view! { <li>{r.message(lang)}</li> }).collect_view()}</ul>
            });
            view! {
                <div class="csv-preview" role="status">
                    {over_limit.is_none().then(|| view! {
                        <p>{ready}</p>
                        {repeated.map(|r| view! { <p>{r}</p> })}
                    })}
                    {over_limit}
                    {problems}
                    <div class="row-actions">
                        <Show when=move || addable>
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
        {move || refused.get().map(|reason| view! {
            <p class="field-error" role="alert">{tr(reason)}</p>
        })}
        {move || not_added.get().then(|| view! {
            <p class="field-error" role="alert">{tr(Text::MeasurementsNotAdded)}</p>
        })}
        {move || too_large.get().then(|| view! {
            <p class="field-error" role="alert">{tr(Text::MeasurementsFileTooLarge)}</p>
        })}
    }
}

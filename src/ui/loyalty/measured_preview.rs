use super::read_report::{summary_words, ReadReport};
use crate::i18n::Text;
use crate::model::csv;
use crate::model::loyalty::{KpiKind, Mapping, Measured};
use crate::model::{limits, numbers, Edit, Id};
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// A file measured: its periods with their values and samples, the rows it could not use, and
/// Add, which puts the counts on the KPI with the columns remembered, as one step to undo.
#[component]
pub fn MeasuredPreview(
    kpi: Id,
    kind: Signal<KpiKind>,
    measured: Measured,
    mapping: Mapping,
    on_done: Callback<()>,
    /// Back to the mapping step, to change the columns or the period.
    on_remap: Callback<()>,
) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let existing = map
        .with_untracked(|m| m.kpi(&kpi).map(|k| k.measurements.clone()))
        .flatten()
        .unwrap_or_default();
    let merged = csv::merge_within_limit(&existing, &measured.found);
    let (not_added, set_not_added) = signal(false);
    let addable = merged.is_ok() && !measured.found.is_empty();
    let add = {
        let (kpi, merged, mapping) = (kpi.clone(), merged.clone(), mapping.clone());
        move |_| {
            let Ok(measurements) = merged.clone() else {
                return;
            };
            let kind = kind.get_untracked();
            let edit = Edit::SetKpiKind {
                kpi: kpi.clone(),
                kind,
                unit: None,
                mapping: Some(mapping.clone()),
                measurements,
            };
            match map.apply(edit) {
                Ok(_) => on_done.run(()),
                Err(_) => set_not_added.set(true),
            }
        }
    };
    let rows = measured
        .found
        .clone()
        .into_iter()
        .map(|m| {
            let kind = kind.get_untracked();
            let sample = m.counts.as_ref().and_then(|c| kind.sample(c));
            let value = (m.value * 10.0).round() / 10.0;
            view! {
                <tr>
                    <td>{m.date.to_string()}</td>
                    <td>{move || numbers::format(value, lang.get())}</td>
                    <td>{move || sample.map(|s| s.words(lang.get()))}</td>
                </tr>
            }
        })
        .collect_view();
    let count = measured.found.len().to_string();
    let over_limit = merged.as_ref().err().map(|o| {
        let values = [
            ("existing", o.existing.to_string()),
            ("count", o.count.to_string()),
            ("max", limits::MEASUREMENTS_PER_KPI.to_string()),
        ];
        move || {
            let values: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
            lang.get().fill(Text::MeasurementsOverLimit, &values)
        }
    });
    let report = measured.report.clone();
    let summary = measured.summary.clone();
    view! {
        <div class="csv-preview" role="status">
            {summary.map(|s| view! { <p>{move || summary_words(&s, lang.get())}</p> })}
            {over_limit.map(|text| view! { <p class="field-error" role="alert">{text}</p> })}
            {addable.then(|| {
                let text = if count == "1" { Text::PeriodReady } else { Text::PeriodsReady };
                view! { <p>{move || lang.get().fill(text, &[("count", &count)])}</p> }
            })}
            <table class="measured" aria-label=tr(Text::PeriodsMeasured)>
                <thead><tr>
                    <th scope="col">{tr(Text::Date)}</th>
                    <th scope="col">{tr(Text::Value)}</th>
                    <th scope="col">{tr(Text::SampleSize)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <ReadReport report />
            <Show when=move || not_added.get()>
                <p class="field-error" role="alert">{tr(Text::MeasurementsNotAdded)}</p>
            </Show>
            <div class="row-actions">
                {addable.then(|| view! { <button type="button" on:click=add>{tr(Text::AddMeasurements)}</button> })}
                <button type="button" class="secondary" on:click=move |_| on_remap.run(())>{tr(Text::ChangeColumns)}</button>
                <button type="button" class="secondary" on:click=move |_| on_done.run(())>{tr(Text::Cancel)}</button>
            </div>
        </div>
    }
}

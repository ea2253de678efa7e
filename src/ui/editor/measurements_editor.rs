use crate::i18n::Text;
use crate::model::loyalty::KpiKind;
use crate::model::{numbers, Date, Edit, Id, Measurement, Part};
use crate::ui::editor::fold::is_open;
use crate::ui::editor::measurements_import::MeasurementsImport;
use crate::ui::editor::number_input::NumberInput;
use crate::ui::editor::rate_entry::RateEntry;
use crate::ui::session::clock::now;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// The dated values of one KPI: change, remove and add them. `open` outlives the editor, which
/// is rebuilt when its card comes back near the screen.
#[component]
pub fn MeasurementsEditor(kpi: Id, open: RwSignal<bool>) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let kpi = StoredValue::new(kpi);
    let measurements = Memo::new(move |_| {
        let kpi = kpi.read_value();
        map.with(Part::Item(kpi.clone()), |m| {
            m.kpi(&kpi).map(|k| k.measurements.clone())
        })
        .flatten()
        .unwrap_or_default()
    });
    let count = move || measurements.with(Vec::len);
    // A computed KPI's values come from its counts: shown with their sample, never typed.
    let kind = Memo::new(move |_| {
        let kpi = kpi.read_value();
        map.with(Part::Item(kpi.clone()), |m| m.kpi(&kpi).map(|k| k.kind))
            .flatten()
            .unwrap_or_default()
    });
    let computed = move || kind.get().is_computed();
    let set = move |index: usize, measurement: Measurement| {
        let _ = map.apply(Edit::SetMeasurement {
            kpi: kpi.get_value(),
            index,
            measurement,
        });
    };
    let row = move |index: usize| {
        let current = move || measurements.with(|ms| ms.get(index).cloned());
        let date = move || current().map(|m| m.date.to_string()).unwrap_or_default();
        let value = Signal::derive(move || current().map(|m| m.value));
        let on_date = move |ev| {
            if let (Some(date), Some(m)) = (Date::parse(&event_target_value(&ev)), current()) {
                set(index, Measurement { date, ..m });
            }
        };
        let on_value = move |value: Option<f64>| {
            if let (Some(value), Some(m)) = (value, current()) {
                set(index, Measurement { value, ..m });
            }
        };
        let remove = move |_| {
            map.delete(
                Edit::RemoveMeasurement {
                    kpi: kpi.get_value(),
                    index,
                },
                date(),
            );
        };
        let value_label =
            Signal::derive(move || format!("{} {}", lang.get().t(Text::Value), date()));
        let derived = move || {
            let lang = lang.get();
            current().map(|m| {
                let sample = m.counts.as_ref().and_then(|c| kind.get().sample(c));
                let value = numbers::format((m.value * 10.0).round() / 10.0, lang);
                let sample = sample.map(|s| s.words(lang)).unwrap_or_default();
                view! { <strong>{value}</strong> " " <span class="sample">{sample}</span> }
            })
        };
        view! {
            <tr>
                <Show
                    when=computed
                    fallback=move || view! {
                        <td><input type="date" aria-label=tr(Text::Date) prop:value=date on:change=on_date /></td>
                        <td><NumberInput value label=value_label on_commit=on_value /></td>
                    }
                >
                    <td>{date}</td>
                    <td>{derived}</td>
                </Show>
                <td>
                    <button type="button" class="icon danger" aria-label=move || format!("{} {}", lang.get().t(Text::RemoveMeasurement), date()) on:click=remove>
                        "✕"
                    </button>
                </td>
            </tr>
        }
    };
    let today = || now().chars().take(10).collect::<String>();
    let (new_date, set_new_date) = signal(today());
    let (new_value, set_new_value) = signal(String::new());
    let (invalid, set_invalid) = signal(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed = crate::model::numbers::parse(&new_value.get_untracked());
        let (Some(date), Ok(Some(value))) = (Date::parse(&new_date.get_untracked()), parsed) else {
            set_invalid.set(true);
            return;
        };
        // Kept in date order, the later of equal dates last.
        let index = measurements.with_untracked(|ms| ms.partition_point(|m| m.date <= date));
        if map
            .apply(Edit::InsertMeasurement {
                kpi: kpi.get_value(),
                index,
                measurement: Measurement::typed(date, value),
            })
            .is_ok()
        {
            set_invalid.set(false);
            set_new_value.set(String::new());
        }
    };
    view! {
        <details class="measurements" prop:open=open on:toggle=move |ev| open.set(is_open(&ev))>
            <summary>{tr(Text::Measurements)} " (" {count} ")"</summary>
            // A folded list renders nothing: a large map holds thousands of measurements.
            <Show when=move || open.get()>
            <table>
                <thead><tr><th scope="col">{tr(Text::Date)}</th><th scope="col">{tr(Text::Value)}</th><th><span class="visually-hidden">{tr(Text::RemoveMeasurement)}</span></th></tr></thead>
                <tbody>
                    <For each=move || 0..count() key=|i| *i let(index)>
                        {row(index)}
                    </For>
                </tbody>
            </table>
            <Show when=move || !computed()>
            <form class="add-measurement" on:submit=add>
                <input type="date" aria-label=tr(Text::Date) prop:value=new_date on:input=move |ev| set_new_date.set(event_target_value(&ev)) />
                <input
                    type="text"
                    inputmode="decimal"
                    aria-label=tr(Text::Value)
                    placeholder=tr(Text::Value)
                    aria-invalid=move || invalid.get().to_string()
                    prop:value=new_value
                    on:input=move |ev| set_new_value.set(event_target_value(&ev))
                />
                <button type="submit">{tr(Text::AddMeasurement)}</button>
            </form>
            <Show when=move || invalid.get()>
                <p class="field-error" role="alert">{tr(Text::NotANumber)}</p>
            </Show>
                <MeasurementsImport kpi=kpi.get_value() />
            </Show>
            <Show when=move || kind.get() == KpiKind::Rate>
                <RateEntry kpi=kpi.get_value() />
            </Show>
            </Show>
        </details>
    }
}

use crate::i18n::Text;
use crate::model::loyalty::{Mapping, Period};
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// The mapping step: the file's first rows, and for each column the KPI needs a choice of the
/// file's columns, guessed from their headers; the period to measure per.
#[component]
pub fn ColumnMapping(
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    mapping: Mapping,
    /// The KPI had other columns last time.
    changed: bool,
    on_measure: Callback<Mapping>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let source = mapping.source;
    let mapping = RwSignal::new(mapping);
    let header = StoredValue::new(header);
    let (incomplete, set_incomplete) = signal(false);
    let (shared, set_shared) = signal(None::<String>);
    let choices = source
        .roles()
        .iter()
        .map(|&role| {
            let chosen = move || mapping.with(|m| m.column(role).map(str::to_owned)).unwrap_or_default();
            let change = move |ev| {
                let value = event_target_value(&ev);
                mapping.update(|m| {
                    if value.is_empty() {
                        m.columns.remove(&role);
                    } else {
                        m.columns.insert(role, value);
                    }
                });
            };
            let options = header.with_value(|h| {
                h.iter()
                    .map(|name| {
                        let value = name.clone();
                        let selected = move || chosen() == value;
                        view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                    })
                    .collect_view()
            });
            view! {
                <label class="inline">
                    <span>{tr(role.label())}</span>
                    <select aria-label=tr(role.label()) on:change=change>
                        <option value="" selected=move || chosen().is_empty()>{tr(Text::NoColumn)}</option>
                        {options}
                    </select>
                </label>
            }
        })
        .collect_view();
    let set_period = move |ev| {
        let period = if event_target_value(&ev) == "quarter" {
            Period::Quarter
        } else {
            Period::Month
        };
        mapping.update(|m| m.period = period);
    };
    let quarter = move || mapping.with(|m| m.period == Period::Quarter);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = mapping.get_untracked();
        let complete = header.with_value(|h| chosen.places(h).is_ok());
        set_incomplete.set(!complete);
        set_shared.set(chosen.shared_column().map(str::to_owned));
        if complete && chosen.shared_column().is_none() {
            on_measure.run(chosen);
        }
    };
    let head = header.with_value(|h| {
        h.iter()
            .map(|c| view! { <th scope="col">{c.clone()}</th> })
            .collect_view()
    });
    let body = rows
        .into_iter()
        .map(|row| view! { <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
        .collect_view();
    view! {
        <form class="column-mapping" on:submit=submit>
            {changed.then(|| view! { <p class="notice" role="status">{tr(Text::NewFileColumns)}</p> })}
            <h5>{tr(Text::WhichColumns)}</h5>
            <div class="card-fields">
                {choices}
                <label class="inline">
                    <span>{tr(Text::PerPeriod)}</span>
                    <select aria-label=tr(Text::PerPeriod) on:change=set_period>
                        <option value="month" selected=move || !quarter()>{tr(Text::PerMonth)}</option>
                        <option value="quarter" selected=quarter>{tr(Text::PerQuarter)}</option>
                    </select>
                </label>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || lang.get().t(Text::FirstRows)>
                <table class="first-rows">
                    <caption>{tr(Text::FirstRows)}</caption>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <Show when=move || incomplete.get()>
                <p class="field-error" role="alert">{tr(Text::ChooseEveryColumn)}</p>
            </Show>
            {move || shared.get().map(|column| view! {
                <p class="field-error" role="alert">{move || lang.get().fill(Text::ColumnTwice, &[("column", &column)])}</p>
            })}
            <div class="row-actions">
                <button type="submit">{tr(Text::MeasureNow)}</button>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>{tr(Text::Cancel)}</button>
            </div>
        </form>
    }
}

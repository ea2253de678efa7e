use super::data_file::{failed, today, Done};
use super::read_report::{summary_words, ReadReport};
use crate::i18n::Text;
use crate::model::csv::{self, Separator};
use crate::model::loyalty::measure::Report;
use crate::model::loyalty::work::{Job, Outcome};
use crate::model::loyalty::CustomerBase;
use crate::model::{numbers, Edit};
use crate::ui::browser::download::{download, file_name};
use crate::ui::browser::reader;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// An order export read for the customer base: the file in a sentence, how far the forecast
/// could go, the rows left out, and Keep, which puts the figures on the map as one step to undo.
#[component]
pub fn BasePreview(base: Option<Box<CustomerBase>>, report: Report, done: Done) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let Done {
        close: on_done,
        remap: on_remap,
        file,
    } = done;
    let (not_kept, set_not_kept) = signal(false);
    let replaces = map
        .with_untracked(|m| m.customer_base.is_some())
        .unwrap_or(false);
    let summary = base.as_ref().map(|b| b.summary.clone());
    let cut = base
        .as_ref()
        .map(|b| b.periods_left_out())
        .filter(|&n| n > 0);
    let fitted = base.as_ref().map(|b| {
        b.forecast
            .as_ref()
            .map(|f| (f.model.customers, f.repeat_purchases))
    });
    let keep = {
        let base = base.clone();
        move |_| {
            if map
                .apply(Edit::SetCustomerBase { base: base.clone() })
                .is_ok()
            {
                on_done.run(());
            } else {
                set_not_kept.set(true);
            }
        }
    };
    // Each customer's forecast, asked of the file still in hand: it goes to the marketer's
    // downloads and nowhere else.
    let (per_customer, set_per_customer) = signal(None::<Text>);
    let forecast_terms = base.as_ref().and_then(|b| {
        let forecast = b.forecast.clone()?;
        Some((b.mapping.clone(), b.terms, Box::new(forecast)))
    });
    let download = forecast_terms.clone().map(|(mapping, terms, forecast)| {
        move |_| {
            let Some(input) = file.get_value() else {
                return;
            };
            let job = Job::PerCustomer {
                mapping: mapping.clone(),
                today: today(),
                terms,
                forecast: forecast.clone(),
            };
            set_per_customer.set(Some(Text::ReadingData));
            let lang = lang.get_untracked();
            spawn_local(async move {
                let rows = match reader::analyse(&job, &input.into()).await {
                    Ok(Outcome::PerCustomer(rows)) => rows,
                    Ok(_) => return set_per_customer.set(Some(Text::RefusedNothing)),
                    Err(error) => return set_per_customer.set(Some(failed(error))),
                };
                let text = csv::customer_forecasts(&rows, Separator::of(lang), lang);
                let name = file_name(lang.t(Text::CustomerColumn), "csv");
                let _ = download(&name, &text, "text/csv;charset=utf-8");
                set_per_customer.set(None);
            });
        }
    });
    view! {
        <div class="csv-preview" role="status">
            {summary.map(|s| view! { <p>{move || summary_words(&s, lang.get())}</p> })}
            {base.is_none().then(|| view! { <p class="field-error">{tr(Text::RefusedNothing)}</p> })}
            {fitted.map(|fit| match fit {
                Some((customers, purchases)) => view! {
                    <p>{move || format!("{}: {}", lang.get().t(Text::RepeatNextYear), numbers::format(purchases.round(), lang.get()))}
                    " · " {move || lang.get().fill(Text::FittedOn, &[("customers", &customers.to_string())])}</p>
                }.into_any(),
                None => view! { <p>{tr(Text::NoForecast)}</p> }.into_any(),
            })}
            {cut.map(|n| view! { <p>{move || lang.get().fill(Text::CohortsCut, &[("n", &n.to_string())])}</p> })}
            <ReadReport report />
            {forecast_terms.is_some().then(|| view! { <p class="hint">{tr(Text::PerCustomerHint)}</p> })}
            {move || per_customer.get().map(|t| view! { <p>{tr(t)}</p> })}
            <Show when=move || not_kept.get()>
                <p class="field-error" role="alert">{tr(Text::CustomerBaseNotKept)}</p>
            </Show>
            {(base.is_some() && replaces).then(|| view! { <p class="hint">{tr(Text::ReplacesCustomerBase)}</p> })}
            <div class="row-actions">
                {base.is_some().then(|| view! { <button type="button" on:click=keep>{tr(Text::KeepCustomerBase)}</button> })}
                {download.map(|download| view! { <button type="button" class="secondary" on:click=download>{tr(Text::DownloadPerCustomer)}</button> })}
                <button type="button" class="secondary" on:click=move |_| on_remap.run(())>{tr(Text::ChangeColumns)}</button>
                <button type="button" class="secondary" on:click=move |_| on_done.run(())>{tr(Text::Cancel)}</button>
            </div>
        </div>
    }
}

use super::read_report::{summary_words, ReadReport};
use crate::i18n::Text;
use crate::model::loyalty::measure::Report;
use crate::model::loyalty::CustomerBase;
use crate::model::{numbers, Edit};
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// An order export read for the customer base: the file in a sentence, how far the forecast
/// could go, the rows left out, and Keep, which puts the figures on the map as one step to undo.
#[component]
pub fn BasePreview(
    base: Option<Box<CustomerBase>>,
    report: Report,
    on_done: Callback<()>,
    on_remap: Callback<()>,
) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let (not_kept, set_not_kept) = signal(false);
    let replaces = map
        .with_untracked(|m| m.customer_base.is_some())
        .unwrap_or(false);
    let summary = base.as_ref().map(|b| b.summary.clone());
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
    view! {
        <div class="csv-preview" role="status">
            {summary.map(|s| view! { <p>{move || summary_words(&s, lang.get())}</p> })}
            {fitted.map(|fit| match fit {
                Some((customers, purchases)) => view! {
                    <p>{move || format!("{}: {}", lang.get().t(Text::RepeatNextYear), numbers::format(purchases.round(), lang.get()))}
                    " · " {move || lang.get().fill(Text::FittedOn, &[("customers", &customers.to_string())])}</p>
                }.into_any(),
                None => view! { <p>{tr(Text::NoForecast)}</p> }.into_any(),
            })}
            <ReadReport report />
            <Show when=move || not_kept.get()>
                <p class="field-error" role="alert">{tr(Text::CustomerBaseNotKept)}</p>
            </Show>
            {(base.is_some() && replaces).then(|| view! { <p class="hint">{tr(Text::ReplacesCustomerBase)}</p> })}
            <div class="row-actions">
                {base.is_some().then(|| view! { <button type="button" on:click=keep>{tr(Text::KeepCustomerBase)}</button> })}
                <button type="button" class="secondary" on:click=move |_| on_remap.run(())>{tr(Text::ChangeColumns)}</button>
                <button type="button" class="secondary" on:click=move |_| on_done.run(())>{tr(Text::Cancel)}</button>
            </div>
        </div>
    }
}

use super::base_preview::BasePreview;
use super::customer_charts::CustomerCharts;
use super::data_file::{DataFile, Done};
use super::forecast_figures::ForecastFigures;
use crate::charts::{customers, Chart};
use crate::i18n::Text;
use crate::model::loyalty::forecast::Terms;
use crate::model::loyalty::work::{Job, Outcome};
use crate::model::loyalty::{Mapping, Source};
use crate::model::{Edit, Part};
use crate::ui::charts::charts_panel::chart_data;
use crate::ui::editor::number_input::NumberInput;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, tr_signal};
use leptos::prelude::*;

/// What a marketer is assumed to earn of a sale, and to discount a year, until they say.
const DEFAULT_TERMS: Terms = Terms {
    margin: 0.3,
    discount: 0.1,
};

/// The map's customer base: an order export measured at the map's level into cohorts,
/// customers per period and a forecast, with their two charts. The terms of the predicted
/// value are set before the file is read; the map keeps the last ones used.
#[component]
pub fn CustomerBasePanel() -> impl IntoView {
    let map = use_open_map();
    let base = Memo::new(move |_| {
        map.with(Part::CustomerBase, |m| m.customer_base.clone())
            .flatten()
    });
    let currency = Memo::new(move |_| {
        map.with(Part::MapTexts, |m| m.currency.clone())
            .unwrap_or_default()
    });
    let charted = chart_data(
        Chart::Customers,
        "journey-mapper:chart-data:customers",
        customers::of,
    );
    let file_name = Signal::derive(move || {
        map.with(Part::MapTexts, |m| m.title.clone())
            .unwrap_or_default()
    });
    let terms = RwSignal::new(base.get_untracked().map_or(DEFAULT_TERMS, |b| b.terms));
    let (out_of_range, set_out_of_range) = signal(false);
    let percent = move |pick: fn(&Terms) -> f64| {
        // Hundredths of a percent: 12.5 % stays 12.5, however it was typed.
        Signal::derive(move || Some((pick(&terms.get()) * 10_000.0).round() / 100.0))
    };
    let commit = move |set: fn(&mut Terms, f64)| {
        move |value: Option<f64>| match value {
            Some(v) if v <= 100.0 => {
                set_out_of_range.set(false);
                terms.update(|t| set(t, v / 100.0));
            }
            _ => set_out_of_range.set(true),
        }
    };
    let remembered = Callback::new(move |()| {
        map.with_untracked(|m| m.customer_base.as_ref().map(|b| b.mapping.clone()))
            .flatten()
    });
    let job = Callback::new(move |(mapping, today): (Mapping, _)| Job::Forecast {
        mapping,
        today,
        terms: terms.get_untracked(),
    });
    let read = move |outcome: Outcome, _: Mapping, done: Done| match outcome {
        Outcome::Forecast { base, report } => view! {
            <BasePreview base report done />
        }
        .into_any(),
        _ => view! { <p class="field-error" role="alert">{tr(Text::NotText)}</p> }.into_any(),
    };
    // Removed, focus stays in the section: on its heading, not the page's start.
    let heading = NodeRef::<leptos::html::H3>::new();
    let remove = move |_| {
        if map.apply(Edit::SetCustomerBase { base: None }).is_ok() {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        }
    };
    view! {
        <section class="customer-base" aria-labelledby="customer-base-heading">
            <h3 id="customer-base-heading" tabindex="-1" node_ref=heading>{tr(Text::CustomerBaseHeading)}</h3>
            <p class="hint">{tr(Text::CustomerBaseIntro)}</p>
            <div class="terms">
                <label class="inline">
                    <span>{tr(Text::Margin)}</span>
                    <NumberInput value=percent(|t| t.margin) label=tr_signal(Text::Margin) not_negative=true on_commit=commit(|t, v| t.margin = v) />
                </label>
                <label class="inline">
                    <span>{tr(Text::DiscountRate)}</span>
                    <NumberInput value=percent(|t| t.discount) label=tr_signal(Text::DiscountRate) not_negative=true on_commit=commit(|t, v| t.discount = v) />
                </label>
                <Show when=move || out_of_range.get()>
                    <p class="field-error" role="alert">{tr(Text::TermsOutOfRange)}</p>
                </Show>
                <p class="hint">{tr(Text::TermsHint)}</p>
            </div>
            <DataFile source=Signal::stored(Some(Source::Orders)) title=Text::MeasureCustomerBase remembered job read />
            {move || match base.get() {
                None => view! { <p>{tr(Text::NoCustomerBaseYet)}</p> }.into_any(),
                Some(b) => view! {
                    <ForecastFigures base=*b currency=currency.get() />
                    <button type="button" class="secondary" on:click=remove>{tr(Text::RemoveCustomerBase)}</button>
                }.into_any(),
            }}
            <div class="chart-grid">
                <CustomerCharts base=charted file_name />
            </div>
        </section>
    }
}

use crate::i18n::{Lang, Text};
use crate::model::loyalty::measure::Report;
use crate::model::loyalty::table::MAX_ROWS;
use crate::model::loyalty::OrderSummary;
use crate::model::numbers;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// An order export's whole file in one sentence: orders, customers, period, revenue and the
/// share of customers who ordered more than once.
pub fn summary_words(s: &OrderSummary, lang: Lang) -> String {
    let date = |d: Option<crate::model::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let repeat = if s.customers > 0 {
        100.0 * s.repeat_customers as f64 / s.customers as f64
    } else {
        0.0
    };
    lang.fill(
        Text::OrdersSummary,
        &[
            (
                "orders",
                &lang.count(s.orders, Text::SampleOrder, Text::SampleOrders),
            ),
            (
                "customers",
                &lang.count(s.customers, Text::SampleCustomer, Text::SampleCustomers),
            ),
            ("first", &date(s.first)),
            ("last", &date(s.last)),
            (
                "revenue",
                &numbers::format((s.revenue * 100.0).round() / 100.0, lang),
            ),
            ("repeat", &numbers::format(repeat.round(), lang)),
        ],
    )
}

/// The rows of a file that were not used, each named by line and column (the first hundred,
/// then how many more), and where the file went on past the rows read.
#[component]
pub fn ReadReport(report: Report) -> impl IntoView {
    let lang = use_lang();
    let Report {
        problems,
        more_problems: more,
        beyond,
        ..
    } = report;
    view! {
        {beyond.map(|line| view! {
            <p class="field-error">{move || lang.get().fill(Text::RowsBeyond, &[("max", &MAX_ROWS.to_string()), ("line", &line.to_string())])}</p>
        })}
        {(!problems.is_empty()).then(|| view! {
            <p>{tr(Text::RowsLeftOut)}</p>
            <ul class="problems">
                {problems.iter().map(|p| { let p = p.clone(); view! { <li>{move || p.message(lang.get())}</li> } }).collect_view()}
                {(more > 0).then(|| view! { <li>{move || lang.get().fill(Text::ProblemMoreProblems, &[("count", &more.to_string())])}</li> })}
            </ul>
        })}
    }
}

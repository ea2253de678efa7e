use crate::i18n::{Lang, Text};
use crate::model::loyalty::forecast::Forecast;
use crate::model::loyalty::CustomerBase;
use crate::model::numbers;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// `v` with `digits` significant digits, as a fitted parameter is worth reading.
fn significant(v: f64, digits: i32, lang: Lang) -> String {
    if v == 0.0 || !v.is_finite() {
        return numbers::format(v, lang);
    }
    let scale = 10f64.powi(digits - 1 - v.abs().log10().floor() as i32);
    numbers::format((v * scale).round() / scale, lang)
}

fn money(v: f64, currency: &str, lang: Lang) -> String {
    let n = numbers::format((v * 100.0).round() / 100.0, lang);
    format!("{n} {currency}").trim_end().to_owned()
}

/// The forecast's figures in words: who is still buying, the repeat purchases expected, and
/// the predicted value per customer with its spread.
fn figures(base: &CustomerBase, f: &Forecast, currency: &str, lang: Lang) -> Vec<(String, String)> {
    let customers = base.summary.customers;
    let share = base.active_share().unwrap_or(0.0);
    let mut rows = vec![
        (
            lang.t(Text::StillBuying).to_owned(),
            lang.fill(
                Text::StillBuyingValue,
                &[
                    ("n", &numbers::format(f.active.round(), lang)),
                    ("total", &customers.to_string()),
                    ("share", &numbers::format((share * 100.0).round(), lang)),
                ],
            ),
        ),
        (
            lang.t(Text::RepeatNextYear).to_owned(),
            numbers::format(f.repeat_purchases.round(), lang),
        ),
    ];
    if let Some(clv) = f.clv {
        let terms = lang.fill(
            Text::ClvTerms,
            &[
                ("margin", &significant(base.terms.margin * 100.0, 4, lang)),
                (
                    "discount",
                    &significant(base.terms.discount * 100.0, 4, lang),
                ),
            ],
        );
        let m = |v: f64| money(v, currency, lang);
        rows.push((
            format!("{} ({terms})", lang.t(Text::ClvPerCustomer)),
            lang.fill(
                Text::ClvSpread,
                &[
                    ("mean", &m(clv.mean)),
                    ("p10", &m(clv.p10)),
                    ("p50", &m(clv.p50)),
                    ("p90", &m(clv.p90)),
                ],
            ),
        ));
        rows.push((lang.t(Text::ClvTotal).to_owned(), m(clv.total)));
    }
    rows
}

/// The fitted models' parameters, log-likelihoods, and the customers and period they saw.
fn fits(f: &Forecast, lang: Lang) -> Vec<String> {
    let n = |v: f64| significant(v, 4, lang);
    let m = &f.model.params;
    let mut lines = vec![lang.fill(
        Text::BgNbdFit,
        &[
            ("r", &n(m.r)),
            ("alpha", &n(m.alpha)),
            ("a", &n(m.a)),
            ("b", &n(m.b)),
            ("ll", &n(f.model.log_likelihood)),
            ("customers", &f.model.customers.to_string()),
            ("first", &f.first.to_string()),
            ("last", &f.end.to_string()),
        ],
    )];
    lines.push(match &f.spend {
        Some(s) => lang.fill(
            Text::GammaGammaFit,
            &[
                ("p", &n(s.params.p)),
                ("q", &n(s.params.q)),
                ("gamma", &n(s.params.gamma)),
                ("ll", &n(s.log_likelihood)),
                ("customers", &s.customers.to_string()),
            ],
        ),
        None => lang.t(Text::NoSpendModel).to_owned(),
    });
    lines
}

/// What the map's customer base forecasts, and how it was computed.
#[component]
pub fn ForecastFigures(base: CustomerBase, currency: String) -> impl IntoView {
    let lang = use_lang();
    let Some(forecast) = base.forecast.clone() else {
        return view! { <p>{tr(Text::NoForecast)}</p> }.into_any();
    };
    let (base, forecast) = (StoredValue::new(base), StoredValue::new(forecast));
    let currency = StoredValue::new(currency);
    view! {
        <dl class="forecast-figures">
            {move || forecast.with_value(|f| base.with_value(|b| figures(b, f, &currency.read_value(), lang.get())))
                .into_iter()
                .map(|(term, value)| view! { <dt>{term}</dt><dd>{value}</dd> })
                .collect_view()}
        </dl>
        <details class="how-computed">
            <summary>{tr(Text::HowForecastComputed)}</summary>
            <p>{tr(Text::HowForecast)}</p>
            {move || forecast.with_value(|f| fits(f, lang.get())).into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
        </details>
    }
    .into_any()
}

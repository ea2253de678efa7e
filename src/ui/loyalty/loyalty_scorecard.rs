use crate::i18n::{Lang, Text};
use crate::model::loyalty::scorecard::{self, Aspect, Score, ScoredKpi};
use crate::model::numbers;
use crate::ui::editor::status_chip::status_chip;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

fn aspect_name(aspect: Aspect) -> Text {
    match aspect {
        Aspect::Retention => Text::AspectRetention,
        Aspect::Recommendation => Text::AspectRecommendation,
        Aspect::Buying => Text::AspectBuying,
    }
}

fn value(v: f64, unit: &str, lang: Lang) -> String {
    let n = numbers::format((v * 10.0).round() / 10.0, lang);
    format!("{n} {unit}").trim_end().to_owned()
}

/// One aspect's KPI: its latest value with the trend's direction, what it rests on, its status,
/// and the latest values in a row.
fn scored(k: ScoredKpi, lang: Lang) -> impl IntoView {
    // Without a target there is no status to show: "no data" would be untrue.
    let status = k.status.map(|s| status_chip(Some(s)));
    let latest = k.trend.last().map(|&(_, v)| value(v, &k.unit, lang));
    let (arrow, change) = match k.better {
        Some(true) => ("▲", Some(Text::BetterThanBefore)),
        Some(false) => ("▼", Some(Text::WorseThanBefore)),
        None => ("", None),
    };
    let trend = k
        .trend
        .iter()
        .map(|&(_, v)| numbers::format((v * 10.0).round() / 10.0, lang))
        .collect::<Vec<_>>()
        .join(" → ");
    let from = k.trend.first().map(|d| d.0.to_string()).unwrap_or_default();
    view! {
        <p class="scored-kpi">{format!("{} · {}", k.phase, k.name)}</p>
        {match latest {
            Some(latest) => view! {
                <p class="score-value">
                    {latest}
                    {change.map(|c| view! { " " <span class=if k.better == Some(true) { "better" } else { "worse" }>{arrow} " " {lang.t(c)}</span> })}
                </p>
                <p class="hint">{k.sample.map(|s| s.words(lang))}</p>
                {status.map(|(class, symbol, words)| view! { <p><span class=class>{symbol} " " {lang.t(words)}</span></p> })}
                <p class="hint">{lang.fill(Text::TrendSince, &[("from", &from), ("values", &trend)])}</p>
            }.into_any(),
            None => view! { <p class="hint">{lang.t(Text::NotMeasuredYet)}</p> }.into_any(),
        }}
    }
}

/// Loyalty judged on retention, recommendation and buying behaviour: for each, the map's KPI
/// that measures it, its latest value, trend and sample.
#[component]
pub fn LoyaltyScorecard() -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    // KPIs are items: the scorecard follows every one, as the progress chart does.
    let scores =
        Memo::new(move |_| map.chart(crate::charts::Chart::Progress, scorecard::scorecard));
    view! {
        <section class="scorecard" aria-labelledby="scorecard-heading">
            <h3 id="scorecard-heading">{tr(Text::ScorecardHeading)}</h3>
            <ul>
                {move || scores.get().map(|scores| scores.into_iter().map(|Score { aspect, kpi }| {
                    let lang = lang.get();
                    view! {
                        <li>
                            <h4>{lang.t(aspect_name(aspect))}</h4>
                            {match kpi {
                                Some(k) => scored(k, lang).into_any(),
                                None => view! { <p class="hint">{lang.t(match aspect {
                                    Aspect::Retention => Text::NoRetentionKpi,
                                    Aspect::Recommendation => Text::NoRecommendationKpi,
                                    Aspect::Buying => Text::NoBuyingKpi,
                                })}</p> }.into_any(),
                            }}
                        </li>
                    }
                }).collect_view())}
            </ul>
        </section>
    }
}

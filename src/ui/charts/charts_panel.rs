use super::chart_canvas::{png_name, ChartCanvas};
use super::curve_and_progress::CurveAndProgress;
use crate::charts::tables::{columns, coverage_table, plan_table, trend_table};
use crate::charts::{data, draw, Chart};
use crate::i18n::Text;
use crate::model::{JourneyMap, Part};
use crate::ui::browser::timing::measure;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// What one chart of the open map shows, worked out again only when an edit reached it (see
/// `Chart::follows`); the default once the map is gone. Each working-out is a User Timing
/// measure, `journey-mapper:chart-data:` and the chart's name, so the benchmark and tests see
/// when it happens.
pub fn chart_data<T: Default + PartialEq + Send + Sync + 'static>(
    chart: Chart,
    measure_name: &'static str,
    work: fn(&JourneyMap) -> T,
) -> Memo<T> {
    let map = use_open_map();
    Memo::new(move |_| {
        map.chart(chart, |m| measure(measure_name, || work(m)))
            .unwrap_or_default()
    })
}

/// A KPI to choose for the trend chart: its id, "phase · KPI" and how many measurements it has.
fn kpi_choices(map: &JourneyMap) -> Vec<(String, String, usize)> {
    map.phases
        .iter()
        .flat_map(|p| {
            p.kpis.iter().map(move |k| {
                (
                    k.id.clone(),
                    format!("{} · {}", p.name, k.name),
                    k.measurements.len(),
                )
            })
        })
        .collect()
}

/// The charts of the open map, each following what it shows. The experience curve's data
/// comes from the map editor, which also draws it as the map's last lane.
#[component]
pub fn ChartsPanel(experience: Memo<Option<data::Experience>>) -> impl IntoView {
    let map = use_open_map();
    let progress = chart_data(
        Chart::Progress,
        "journey-mapper:chart-data:progress",
        data::progress,
    );
    let coverage = chart_data(Chart::Coverage, "journey-mapper:chart-data:coverage", |m| {
        Some(data::coverage(m))
    });
    let kpis = chart_data(Chart::Trend, "journey-mapper:chart-data:kpis", kpi_choices);
    let plan = chart_data(Chart::Plan, "journey-mapper:chart-data:plan", data::plan);
    let (chosen, set_chosen) = signal(None::<String>);
    // The KPI shown: the one chosen, else the first with a trend to show.
    let shown = Memo::new(move |_| {
        kpis.with(|list| {
            chosen
                .get()
                .filter(|id| list.iter().any(|k| &k.0 == id))
                .or_else(|| {
                    list.iter()
                        .find(|k| k.2 >= 2)
                        .or(list.first())
                        .map(|k| k.0.clone())
                })
        })
    });
    let trend = Memo::new(move |_| {
        let id = shown.get()?;
        map.chart(Chart::Trend, |m| {
            measure("journey-mapper:chart-data:trend", || {
                m.kpi(&id).map(data::trend)
            })
        })
        .flatten()
    });
    let title = Signal::derive(move || {
        map.with(Part::MapTexts, |m| m.title.clone())
            .unwrap_or_default()
    });
    let file = move |suffix| png_name(title, suffix);
    let lang = use_lang();
    let lang = move || lang.get();
    view! {
        <section class="charts" aria-labelledby="charts-heading">
            <h2 id="charts-heading" tabindex="-1">{tr(Text::ChartsHeading)}</h2>
            <div class="chart-grid">
                <CurveAndProgress experience progress file_name=title />
                <div class="trend-chart">
                    <label class="inline">
                        <span>{tr(Text::ChooseKpi)}</span>
                        <select
                            prop:value=move || shown.get().unwrap_or_default()
                            on:change=move |ev| set_chosen.set(Some(event_target_value(&ev)))
                        >
                            {move || kpis.get().into_iter().map(|(id, label, _)| view! { <option value=id>{label}</option> }).collect_view()}
                        </select>
                    </label>
                    <ChartCanvas
                        title=Text::KpiTrend
                        file=file("kpi-trend")
                        data=trend
                        draw=|area, t, look| match t {
                            Some(t) => { let _ = draw::trend(area, t, look); }
                            None => { let _ = draw::trend(area, &data::Trend { name: String::new(), unit: String::new(), points: vec![], target: None, baseline: None }, look); }
                        }
                        table=Signal::derive(move || trend.with(|t| t.as_ref().map(|t| trend_table(t, lang())).unwrap_or_default()))
                    />
                </div>
                <ChartCanvas
                    title=Text::ChannelCoverage
                    file=file("channels")
                    data=coverage
                    draw=|area, c, look| if let Some(c) = c { let _ = draw::coverage(area, c, look); }
                    table=Signal::derive(move || coverage.with(|c| c.as_ref().map(|c| coverage_table(c, lang())).unwrap_or_default()))
                />
                <ChartCanvas
                    title=Text::ChartBudget
                    file=file("budget")
                    data=plan
                    draw=|area, p, look| { let _ = draw::budget(area, p, look); }
                    table=Signal::derive(move || plan.with(|p| columns(plan_table(p, lang()), &[0, 1, 2, 5])))
                />
                <ChartCanvas
                    title=Text::ChartPressure
                    file=file("contact-pressure")
                    data=plan
                    draw=|area, p, look| { let _ = draw::pressure(area, p, look); }
                    table=Signal::derive(move || plan.with(|p| columns(plan_table(p, lang()), &[0, 3, 4])))
                />
                <ChartCanvas
                    title=Text::ChartVotes
                    file=file("votes")
                    data=plan
                    draw=|area, p, look| { let _ = draw::votes(area, p, look); }
                    table=Signal::derive(move || plan.with(|p| columns(plan_table(p, lang()), &[0, 6, 7])))
                />
            </div>
        </section>
    }
}

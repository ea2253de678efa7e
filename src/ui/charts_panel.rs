use super::chart_canvas::{ChartCanvas, Table};
use super::emotion_select::signed;
use super::map_context::use_open_map;
use super::{tr, use_session};
use crate::charts::{data, draw};
use crate::i18n::{Lang, Text};
use crate::model::{numbers, Emotion, Status};
use leptos::prelude::*;

fn experience_table(e: &data::Experience, lang: Lang) -> Table {
    let head = [Text::Phase, Text::Touchpoint, Text::Emotion]
        .map(|t| lang.t(t).to_owned())
        .to_vec();
    let mut rows = Vec::new();
    for phase in &e.phases {
        for p in &e.points[phase.range.clone()] {
            let score = Emotion::new(p.score.into()).map(signed).unwrap_or_default();
            rows.push(vec![phase.name.clone(), p.name.clone(), score]);
        }
        if let Some(avg) = phase.average {
            rows.push(vec![
                phase.name.clone(),
                lang.t(Text::Average).to_owned(),
                numbers::format((avg * 10.0).round() / 10.0, lang),
            ]);
        }
    }
    if e.unrated > 0 {
        rows.push(vec![
            String::new(),
            format!("{} {}", e.unrated, lang.t(Text::ChartUnrated)),
            String::new(),
        ]);
    }
    (head, rows)
}

fn progress_table(bars: &[data::ProgressBar], lang: Lang) -> Table {
    let head = vec![
        lang.t(Text::Phase).into(),
        lang.t(Text::Kpi).into(),
        lang.t(Text::ChartShareAxis).into(),
        String::new(),
    ];
    let rows = bars
        .iter()
        .map(|b| {
            let status = lang.t(if b.status == Status::OnTrack {
                Text::OnTrack
            } else {
                Text::Behind
            });
            vec![
                b.phase.clone(),
                b.kpi.clone(),
                format!("{:.0}%", b.share * 100.0),
                status.to_owned(),
            ]
        })
        .collect();
    (head, rows)
}

fn trend_table(t: &data::Trend, lang: Lang) -> Table {
    let head = vec![
        lang.t(Text::Date).into(),
        format!("{} {}", lang.t(Text::Value), t.unit),
    ];
    let mut rows: Vec<Vec<String>> = t
        .points
        .iter()
        .map(|(d, v)| vec![draw::axis_date(*d, lang), numbers::format(*v, lang)])
        .collect();
    for (name, value) in [(Text::Target, t.target), (Text::Baseline, t.baseline)] {
        if let Some(v) = value {
            rows.push(vec![lang.t(name).into(), numbers::format(v, lang)]);
        }
    }
    (head, rows)
}

fn coverage_table(c: &data::Coverage, lang: Lang) -> Table {
    let head = std::iter::once(lang.t(Text::Channel).to_owned())
        .chain(c.phases.iter().cloned())
        .collect();
    let rows = c
        .channels
        .iter()
        .zip(&c.counts)
        .map(|(channel, counts)| {
            std::iter::once(channel.clone())
                .chain(counts.iter().map(usize::to_string))
                .collect()
        })
        .collect();
    (head, rows)
}

/// How the journey feels and how its KPIs are doing: the two charts the editor and presentation
/// mode both show. `file_name` starts the names of their PNG files.
#[component]
pub fn CurveAndProgress(
    experience: Memo<Option<data::Experience>>,
    progress: Memo<Vec<data::ProgressBar>>,
    file_name: Signal<String>,
) -> impl IntoView {
    let session = use_session();
    let lang = move || session.lang.get();
    // The curve does not show touchpoint names: typing one must not redraw it.
    let curve = Memo::new(move |_| experience.with(|e| e.as_ref().map(data::Experience::curve)));
    let file =
        move |suffix: &'static str| Signal::derive(move || format!("{} {suffix}", file_name.get()));
    view! {
        <ChartCanvas
            title=Text::ExperienceCurve
            file=file("experience")
            draw=move |area, look| { curve.with(|e| if let Some(e) = e { let _ = draw::experience(area, e, look); }) }
            table=Signal::derive(move || experience.with(|e| e.as_ref().map(|e| experience_table(e, lang())).unwrap_or_default()))
        />
        <ChartCanvas
            title=Text::KpiProgress
            file=file("kpi-progress")
            draw=move |area, look| { progress.with(|p| { let _ = draw::progress(area, p, look); }) }
            table=Signal::derive(move || progress.with(|p| progress_table(p, lang())))
        />
    }
}

/// The four charts of the open map, following every edit.
#[component]
pub fn ChartsPanel() -> impl IntoView {
    let map = use_open_map();
    let session = use_session();
    // Charts show the whole map, so they follow the library itself; each redraws only when its
    // own data changed.
    let of_map = move || map.id.get_value();
    let experience = Memo::new(move |_| {
        session
            .library
            .with(|l| l.map(&of_map()).map(data::experience))
    });
    let progress = Memo::new(move |_| {
        session
            .library
            .with(|l| l.map(&of_map()).map(data::progress))
            .unwrap_or_default()
    });
    let coverage = Memo::new(move |_| {
        session
            .library
            .with(|l| l.map(&of_map()).map(data::coverage))
    });
    let kpis = Memo::new(move |_| {
        session.library.with(|l| {
            l.map(&of_map())
                .map(|m| {
                    m.phases
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
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
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
        session
            .library
            .with(|l| l.map(&of_map()).and_then(|m| m.kpi(&id)).map(data::trend))
    });
    let title = move || {
        session.library.with(|l| {
            l.map(&of_map())
                .map(|m| m.title.clone())
                .unwrap_or_default()
        })
    };
    let file = move |suffix: &'static str| Signal::derive(move || format!("{} {suffix}", title()));
    let lang = move || session.lang.get();
    view! {
        <section class="charts" aria-labelledby="charts-heading">
            <h2 id="charts-heading">{tr(Text::ChartsHeading)}</h2>
            <div class="chart-grid">
                <CurveAndProgress experience progress file_name=Signal::derive(title) />
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
                        draw=move |area, look| { trend.with(|t| match t {
                            Some(t) => { let _ = draw::trend(area, t, look); }
                            None => { let _ = draw::trend(area, &data::Trend { name: String::new(), unit: String::new(), points: vec![], target: None, baseline: None }, look); }
                        }) }
                        table=Signal::derive(move || trend.with(|t| t.as_ref().map(|t| trend_table(t, lang())).unwrap_or_default()))
                    />
                </div>
                <ChartCanvas
                    title=Text::ChannelCoverage
                    file=file("channels")
                    draw=move |area, look| { coverage.with(|c| if let Some(c) = c { let _ = draw::coverage(area, c, look); }) }
                    table=Signal::derive(move || coverage.with(|c| c.as_ref().map(|c| coverage_table(c, lang())).unwrap_or_default()))
                />
            </div>
        </section>
    }
}

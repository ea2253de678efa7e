use crate::charts::tables::curves_table;
use crate::charts::{data, draw};
use crate::i18n::{Lang, Text};
use crate::model::numbers;
use crate::model::versions::{self, Difference, Kind, KpiValue};
use crate::model::JourneyMap;
use crate::ui::charts::chart_canvas::ChartCanvas;
use crate::ui::use_lang;
use leptos::prelude::*;

type Side = Memo<Option<(String, JourneyMap)>>;

fn kind(kind: Kind) -> Text {
    match kind {
        Kind::Map => Text::KindMap,
        Kind::Phase => Text::Phase,
        Kind::Touchpoint => Text::Touchpoint,
        Kind::Kpi => Text::Kpi,
    }
}

fn difference(d: &Difference, lang: Lang) -> String {
    match d {
        Difference::Added => lang.t(Text::Added).to_owned(),
        Difference::Removed => lang.t(Text::Removed).to_owned(),
        Difference::Changed(fields) => {
            let fields: Vec<&str> = fields.iter().map(|f| lang.t(f.text())).collect();
            lang.fill(Text::ChangedFields, &[("fields", &fields.join(", "))])
        }
    }
}

/// A KPI's latest value and target on one side, as table cells.
fn values(value: Option<KpiValue>, lang: Lang) -> [String; 2] {
    let number = |n: Option<f64>| n.map(|n| numbers::format(n, lang)).unwrap_or_default();
    match value {
        Some(v) => [number(v.latest), number(v.target)],
        None => [lang.t(Text::Absent).to_owned(), String::new()],
    }
}

/// What differs between two maps: each thing added, removed or changed; every KPI's values
/// side by side; and both experience curves in one chart.
#[component]
pub fn Comparison(left: Side, right: Side) -> impl IntoView {
    let lang = use_lang();
    let both = move || left.get().zip(right.get());
    let found = Memo::new(move |_| both().map(|((_, l), (_, r))| versions::compare(&l, &r)));
    let curves = Memo::new(move |_| {
        both()
            .map(|((a, l), (b, r))| vec![(a, data::experience(&l)), (b, data::experience(&r))])
            .unwrap_or_default()
    });
    let rows = move || {
        found.get().map(|c| {
            let lang = lang.get();
            if c.rows.is_empty() {
                return view! { <p class="empty">{lang.t(Text::NoDifferences)}</p> }.into_any();
            }
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=lang.t(Text::Differences)>
                <table class="differences">
                    <caption>{lang.t(Text::Differences)}</caption>
                    <thead><tr>
                        <th scope="col">{lang.t(Text::What)}</th>
                        <th scope="col">{lang.t(Text::Phase)}</th>
                        <th scope="col">{lang.t(Text::Name)}</th>
                        <th scope="col">{lang.t(Text::Change)}</th>
                    </tr></thead>
                    <tbody>
                        {c.rows.iter().map(|row| view! {
                            <tr class=match row.difference { Difference::Added => "added", Difference::Removed => "removed", Difference::Changed(_) => "changed" }>
                                <td>{lang.t(kind(row.kind))}</td>
                                <td>{row.phase.clone()}</td>
                                <td>{row.name.clone()}</td>
                                <td>{difference(&row.difference, lang)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            }
            .into_any()
        })
    };
    let kpis = move || {
        found.get().filter(|c| !c.kpis.is_empty()).map(|c| {
            let lang = lang.get();
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=lang.t(Text::KpiValuesCompared)>
                <table class="kpi-sides">
                    <caption>{lang.t(Text::KpiValuesCompared)}</caption>
                    <thead><tr>
                        <th scope="col">{lang.t(Text::Phase)}</th>
                        <th scope="col">{lang.t(Text::Kpi)}</th>
                        <th scope="col">{lang.t(Text::FromLatest)}</th>
                        <th scope="col">{lang.t(Text::FromTarget)}</th>
                        <th scope="col">{lang.t(Text::ToLatest)}</th>
                        <th scope="col">{lang.t(Text::ToTarget)}</th>
                    </tr></thead>
                    <tbody>
                        {c.kpis.iter().map(|k| {
                            let [from_latest, from_target] = values(k.left, lang);
                            let [to_latest, to_target] = values(k.right, lang);
                            let name = match k.unit.is_empty() { true => k.name.clone(), false => format!("{} ({})", k.name, k.unit) };
                            view! {
                                <tr class:changed=k.left != k.right>
                                    <td>{k.phase.clone()}</td>
                                    <td>{name}</td>
                                    <td>{from_latest}</td>
                                    <td>{from_target}</td>
                                    <td>{to_latest}</td>
                                    <td>{to_target}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            }
        })
    };
    view! {
        <Show when=move || found.with(Option::is_some)>
            <div class="comparison">
                {rows}
                {kpis}
                <ChartCanvas
                    title=Text::CurvesCompared
                    file=Signal::derive(move || lang.get().t(Text::CurvesCompared).to_owned())
                    data=curves
                    draw={|area, c: &Vec<(String, data::Experience)>, look| { let _ = draw::curves(area, c, look); }}
                    table=Signal::derive(move || curves.with(|c| curves_table(c, lang.get())))
                />
            </div>
        </Show>
    }
}

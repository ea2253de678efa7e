use super::action_list::ActionList;
use crate::charts::priorities::{self, Point};
use crate::charts::Chart;
use crate::i18n::Text;
use crate::model::{numbers, Part};
use crate::ui::charts::chart_canvas::{png_name, ChartCanvas};
use crate::ui::charts::charts_panel::chart_data;
use crate::ui::editor::fold::is_open;
use crate::ui::session::open_map::use_open_map;
use crate::ui::votes::votes_panel::{ranked, Row};
use crate::ui::{tr, use_lang};
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;

/// How many cards each ranking shows.
const TOP: usize = 10;

/// Choosing what to do: the cards most voted for beside the cards scored highest, the priority
/// matrix, and the cards chosen as actions. The votes are those of the last round that ended,
/// or without a round where none has; ranked when opened.
#[component]
pub fn PrioritiesPanel() -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let points = chart_data(
        Chart::Priorities,
        "journey-mapper:chart-data:priorities",
        priorities::of,
    );
    // The cards that have votes (or dots in the round ranked by), most first.
    let (by_votes, set_by_votes) = signal(Vec::<(u32, String)>::new());
    let (open, set_open) = signal(false);
    let on_toggle = move |ev: leptos::ev::Event| {
        set_open.set(is_open(&ev));
        let rows = if is_open(&ev) {
            map.with_untracked(|m| ranked(m, None).1)
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let votes = |r: &Row| {
            r.dots.unwrap_or_else(|| {
                map.with_untracked(|m| m.card(&r.card).map_or(0, |c| c.votes))
                    .unwrap_or(0)
            })
        };
        let voted = rows.into_iter().map(|r| (votes(&r), r.text));
        set_by_votes.set(voted.filter(|(n, _)| *n > 0).take(TOP).collect());
    };
    let title = Signal::derive(move || {
        map.with(Part::MapTexts, |m| m.title.clone())
            .unwrap_or_default()
    });
    let draw = |area: &DrawingArea<CanvasBackend, Shift>, p: &Vec<Point>, look| {
        let _ = priorities::matrix(area, p, look);
    };
    let by_score = move || points.with(|p| p.iter().take(TOP).cloned().collect::<Vec<Point>>());
    view! {
        <details class="map-panel priorities-panel" on:toggle=on_toggle>
            <summary><span class="panel-name">{tr(Text::PrioritiesPanel)}</span></summary>
            <h2 class="visually-hidden">{tr(Text::PrioritiesPanel)}</h2>
            <p class="hint">{tr(Text::PrioritiesIntro)}</p>
            <div class="side-by-side">
                <div>
                <table class="ranking">
                    <caption>{tr(Text::TopByVotes)}</caption>
                    <thead><tr><th scope="col">{tr(Text::Votes)}</th><th scope="col">{tr(Text::CardText)}</th></tr></thead>
                    <tbody>
                        {move || by_votes.get().into_iter().map(|(n, text)| view! { <tr><td>{n}</td><td>{text}</td></tr> }).collect_view()}
                    </tbody>
                </table>
                <Show when=move || by_votes.with(Vec::is_empty)>
                    <p class="empty">{tr(Text::NoVotesYet)}</p>
                </Show>
                </div>
                <table class="ranking">
                    <caption>{tr(Text::TopByScore)}</caption>
                    <thead><tr>
                        <th scope="col">{tr(Text::ScoreValue)}</th>
                        <th scope="col">{tr(Text::AxisEffort)}</th>
                        <th scope="col">{tr(Text::CardText)}</th>
                        <th scope="col">{tr(Text::Quadrant)}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let lang = lang.get();
                            by_score().into_iter().map(|p| view! {
                                <tr>
                                    <td>{numbers::format(p.score.value(), lang)}</td>
                                    <td>{p.score.effort}</td>
                                    <td>{p.text}</td>
                                    <td>{lang.t(p.score.quadrant().name())}</td>
                                </tr>
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <ChartCanvas
                title=Text::ChartPriorities
                file=png_name(title, "priorities")
                data=points
                draw=draw
                table=Signal::derive(move || points.with(|p| priorities::table(p, lang.get())))
            />
            <ActionList open />
        </details>
    }
}

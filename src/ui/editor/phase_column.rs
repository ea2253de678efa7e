use crate::i18n::Text;
use crate::model::{Edit, Id, Part, Phase, Row};
use crate::ui::browser::drag::{self, Kind};
use crate::ui::browser::focus;
use crate::ui::browser::on_screen::{built_once, use_on_screen};
use crate::ui::editor::card_list::CardList;
use crate::ui::editor::cards::{add_card, CardKind};
use crate::ui::editor::lane_cell::LaneCell;
use crate::ui::editor::lane_names::use_shown_lanes;
use crate::ui::editor::phase_header::{shift, PhaseHead, PhaseHeader};
use crate::ui::session::open_map::use_open_map;
use crate::ui::{field, tr, use_lang, LangScope};
use leptos::html::Li;
use leptos::prelude::*;

/// One phase of the journey: its name, goal and colour, its touchpoints and its KPIs.
#[component]
pub fn PhaseColumn(id: Id) -> impl IntoView {
    let map = use_open_map();
    LangScope::provide();
    let lang = use_lang();
    let id = StoredValue::new(id);
    // Position, texts and colour only: the lists below follow their own ids.
    let head = Memo::new(move |_| {
        // Its place among the phases, and its own texts.
        map.with(Part::PhaseOrder, |_| ());
        let id = id.read_value();
        map.with(Part::Phase(id.clone()), |m| {
            let index = m.phases.iter().position(|p| p.id == *id)?;
            let p = &m.phases[index];
            Some(PhaseHead {
                index,
                count: m.phases.len(),
                name: p.name.clone(),
                goal: p.goal.clone(),
                description: p.description.clone(),
                color: p.color,
            })
        })
        .flatten()
    });
    let text = move |read| field(head, read);
    let name = text(|h| &h.name);
    let color = move || head.with(|h| h.as_ref().map(|h| h.color.to_string()).unwrap_or_default());
    let position = move || head.with(|h| h.as_ref().map_or(0, |h| h.index));
    let ids = move |read: fn(&Phase) -> Vec<Id>| {
        Memo::new(move |_| {
            let id = id.read_value();
            map.with(Part::Phase(id.clone()), |m| m.phase(&id).map(read))
                .flatten()
                .unwrap_or_default()
        })
    };
    let touchpoint_ids = ids(|p| p.touchpoints.iter().map(|t| t.id.clone()).collect());
    let kpi_ids = ids(|p| p.kpis.iter().map(|k| k.id.clone()).collect());
    let shown_lanes = use_shown_lanes();
    // Each shown lane's cards in this phase.
    let lane_ids = Memo::new(move |_| {
        let id = id.read_value();
        shown_lanes.with(|lanes| {
            map.with(Part::Phase(id.clone()), |m| {
                let phase = m.phase(&id)?;
                let ids = |lane: &str| {
                    phase
                        .lane_cards(lane)
                        .iter()
                        .map(|c| c.id.clone())
                        .collect()
                };
                Some(
                    lanes
                        .iter()
                        .map(|l| (l.id.clone(), ids(&l.id)))
                        .collect::<Vec<(Id, Vec<Id>)>>(),
                )
            })
            .flatten()
            .unwrap_or_default()
        })
    });
    // Which of its cards to build: checked when the page scrolls or changes size.
    let column = NodeRef::<Li>::new();
    let order = Memo::new(move |_| {
        let cards = |kind: CardKind, ids: &Vec<Id>| {
            ids.iter().map(|id| kind.element_id(id)).collect::<Vec<_>>()
        };
        let touchpoints = touchpoint_ids.with(|ids| cards(CardKind::Touchpoint, ids));
        let kpis = kpi_ids.with(|ids| cards(CardKind::Kpi, ids));
        let lane_cards = lane_ids.with(|lanes| {
            lanes
                .iter()
                .flat_map(|(_, ids)| cards(CardKind::Card, ids))
                .collect::<Vec<_>>()
        });
        [touchpoints, kpis, lane_cards].concat()
    });
    let index = head.with_untracked(|h| h.as_ref().map_or(0, |h| h.index));
    let screen = use_on_screen();
    let near = screen.column(column, order, index);
    provide_context(near);
    // A phase gets its heading and cells once it has its cards' places (on the first screen,
    // near the screen, focus going into it, printing, the page idle), or a card moved into it
    // is about to get the focus; until then its cells keep their height.
    let built =
        built_once(move || near.filled() || order.with(|o| o.iter().any(|e| focus::is_wanted(e))));
    let group_label = move || {
        format!(
            "{} {}: {}",
            lang.get().t(Text::Phase),
            position() + 1,
            name.get()
        )
    };
    let element_id = move || format!("ph-{}", id.read_value());

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.alt_key() && matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") {
            ev.prevent_default();
            shift(map, &id.read_value(), ev.key() == "ArrowLeft");
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        if let Some(dragged) = drag::take(&ev, Kind::Phase) {
            let _ = map.apply(Edit::MovePhase {
                phase: dragged,
                to: position(),
            });
        } else if let Some(dragged) = drag::take(&ev, Kind::Item) {
            let edit = map
                .with_untracked(|m| m.drop_on_phase(&dragged, &id.read_value()))
                .flatten();
            if let Some(edit) = edit {
                let _ = map.apply(edit);
            }
        }
    };
    let add = move |row: Row| add_card(map, id.get_value(), row, None, lang.get_untracked());
    view! {
        <li
            class="phase"
            id=element_id
            node_ref=column
            style:border-top-color=color
            on:keydown=on_key
            on:dragover=|ev| drag::allow(&ev)
            on:drop=on_drop
        >
            <div role="group" aria-label=group_label class="phase-body">
                {move || if built.get() { view! {
                <PhaseHeader id=id.get_value() head touchpoint_ids kpi_ids />
                // Each cell named for its lane, so that moving across the grid by the arrow keys
                // says the lane as well as the phase (its group around it).
                <div class="lane-cell" role="group" aria-label=tr(Text::TouchpointsHeading)
                    style:content-visibility=move || screen.content_visibility()
                    style:contain-intrinsic-height=move || near.cell_height(touchpoint_ids.with(Vec::len))>
                <h3 class="visually-hidden">{tr(Text::TouchpointsHeading)}</h3>
                <CardList phase=id.get_value() row=Row::Touchpoints ids=touchpoint_ids />
                <button type="button" class="add" on:click=move |_| add(Row::Touchpoints)>"+ " {tr(Text::AddTouchpoint)}</button>
                </div>
                <div class="lane-cell" role="group" aria-label=tr(Text::KpisHeading)
                    style:content-visibility=move || screen.content_visibility()
                    style:contain-intrinsic-height=move || near.cell_height(kpi_ids.with(Vec::len))>
                <h3 class="visually-hidden">{tr(Text::KpisHeading)}</h3>
                <CardList phase=id.get_value() row=Row::Kpis ids=kpi_ids />
                <button type="button" class="add" on:click=move |_| add(Row::Kpis)>"+ " {tr(Text::AddKpi)}</button>
                </div>
                <For each=move || shown_lanes.get() key=|lane| lane.id.clone() let(lane)>
                    {
                        let lane_id = StoredValue::new(lane.id.clone());
                        let title = Signal::derive(move || {
                            let lang = lang.get();
                            shown_lanes.with(|lanes| {
                                lanes.iter().find(|l| l.id == *lane_id.read_value()).map(|l| l.name_in(lang))
                            }).unwrap_or_default()
                        });
                        let ids = Signal::derive(move || {
                            lane_ids.with(|lanes| {
                                lanes.iter().find(|(l, _)| *l == *lane_id.read_value()).map(|(_, ids)| ids.clone())
                            }).unwrap_or_default()
                        });
                        let kind = lane.kind.name();
                        view! { <LaneCell phase=id.get_value() lane=lane.id kind title ids /> }
                    }
                </For>
                }.into_any() } else { view! {
                    <div class="phase-header"><span class="phase-name">{name}</span></div>
                    <div class="lane-cell" style:contain-intrinsic-height=move || near.cell_height(touchpoint_ids.with(Vec::len))></div>
                    <div class="lane-cell" style:contain-intrinsic-height=move || near.cell_height(kpi_ids.with(Vec::len))></div>
                    <For each=move || lane_ids.get() key=|(lane, _)| lane.clone() let((_, ids))>
                        <div class="lane-cell" style:contain-intrinsic-height=near.cell_height(ids.len())></div>
                    </For>
                }.into_any() }}
            </div>
        </li>
    }
}

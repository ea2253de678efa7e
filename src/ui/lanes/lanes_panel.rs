use crate::i18n::Text;
use crate::model::{limits, Edit, Lane, LaneKind, Part, TextField};
use crate::ui::browser::focus;
use crate::ui::editor::fold::Fold;
use crate::ui::editor::text_input::TextInput;
use crate::ui::lanes::lane_row::LaneRow;
use crate::ui::session::clock;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, tr_signal, use_lang};
use leptos::prelude::*;

/// Which lanes the map shows under its phases and in which order, lanes of the user's own, and
/// the currency its plan counts in.
#[component]
pub fn LanesPanel() -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let ids = Memo::new(move |_| {
        map.with(Part::Lanes, |m| {
            m.lanes.iter().map(|l| l.id.clone()).collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let shown = Memo::new(move |_| {
        map.with(Part::Lanes, |m| m.lanes.iter().filter(|l| l.shown).count())
            .unwrap_or_default()
    });
    let add = move |_| {
        let new = map.with_untracked(|m| {
            let lane = Lane {
                id: m.fresh_id(&clock::id_prefix("lane")),
                kind: LaneKind::Custom,
                name: lang.get_untracked().t(Text::NewLane).into(),
                shown: true,
            };
            (m.lanes.len(), lane)
        });
        if let Some((index, lane)) = new {
            let id = lane.id.clone();
            if map
                .apply(Edit::InsertLane {
                    index,
                    lane,
                    cards: vec![],
                })
                .is_ok()
            {
                focus::new_item(format!("lane-name-{id}"));
            }
        }
    };
    let currency = Signal::derive(move || {
        map.with(Part::MapTexts, |m| m.currency.clone())
            .unwrap_or_default()
    });
    let summary = move || {
        lang.get().fill(
            Text::LanesShown,
            &[
                ("shown", &shown.get().to_string()),
                ("all", &ids.with(Vec::len).to_string()),
            ],
        )
    };
    view! {
        <Fold class="map-panel lanes-panel" summary=move || view! {
            <span class="panel-name">{tr(Text::Lanes)}</span>
            <span class="panel-state">{summary}</span>
        }>
            <ul class="lane-list">
                <For each=move || ids.get() key=|id| id.clone() let(id)>
                    <LaneRow id />
                </For>
            </ul>
            <button type="button" class="add" on:click=add disabled=move || ids.with(|i| i.len() >= limits::LANES)>
                "+ " {tr(Text::AddLane)}
            </button>
            <TextInput field=TextField::MapCurrency value=currency label=tr_signal(Text::Currency) class="currency" refused=Text::CurrencyTooLong />
        </Fold>
    }
}

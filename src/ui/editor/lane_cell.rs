use crate::i18n::Text;
use crate::model::{Id, Row};
use crate::ui::browser::drag::{self, Kind};
use crate::ui::browser::on_screen::{built_once, NearCards};
use crate::ui::editor::card_list::CardList;
use crate::ui::editor::cards::{add_card, CardKind};
use crate::ui::session::open_map::use_open_map;
use crate::ui::use_lang;
use leptos::prelude::*;

/// One lane's cell in a phase: its cards in order, and a button to add one. A card dropped on
/// the cell, not on a card in it, goes to the end of this lane.
#[component]
pub fn LaneCell(
    phase: Id,
    lane: Id,
    /// The lane's kind as the exchange format writes it, for its colour.
    kind: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] ids: Signal<Vec<Id>>,
) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let near = expect_context::<NearCards>();
    let phase = StoredValue::new(phase);
    let lane = StoredValue::new(lane);
    let add = move |_| {
        let row = Row::Lane(lane.get_value());
        add_card(map, phase.get_value(), row, None, lang.get_untracked());
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        let Some(dragged) = drag::take(&ev, Kind::Item) else {
            return;
        };
        let edit = map
            .with_untracked(|m| m.drop_on_lane(&dragged, &phase.read_value(), &lane.read_value()))
            .flatten();
        if let Some(edit) = edit {
            let _ = map.apply(edit);
        }
    };
    let add_label = move || lang.get().fill(Text::AddCardTo, &[("lane", &title.get())]);
    // Its contents once the phase's lanes are built, or a card moved into it is about to get
    // the focus; until then it is as high as its cards are counted, on the screen or not.
    let built =
        built_once(move || near.lanes() || ids.with(|ids| CardKind::Card.focus_coming(ids)));
    view! {
        <div class="lane-cell lane-cards" data-kind=kind role="group" aria-label=title
            style:contain-intrinsic-height=move || near.cell_height(ids.with(Vec::len))
            style:min-height=move || (!built.get()).then(|| format!("{}rem", near.cell_rem(ids.with(Vec::len))))
            on:dragover=|ev| drag::allow(&ev) on:drop=on_drop>
            <Show when=move || built.get()>
                <h3 class="visually-hidden">{title}</h3>
                <CardList phase=phase.get_value() row=Row::Lane(lane.get_value()) ids />
                <button type="button" class="add add-card" aria-label=add_label title=add_label on:click=add>"+"</button>
            </Show>
        </div>
    }
}

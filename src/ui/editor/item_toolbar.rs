use crate::i18n::Text;
use crate::model::Step;
use crate::model::{Edit, Id};
use crate::ui::session::open_map::use_open_map;
use crate::ui::tr;
use leptos::prelude::*;

/// The buttons that move a touchpoint or KPI around and delete it.
#[component]
pub fn ItemToolbar(
    id: Id,
    element_id: String,
    delete_label: Text,
    #[prop(into)] name: Signal<String>,
) -> impl IntoView {
    let map = use_open_map();
    let id = StoredValue::new(id);
    let element_id = StoredValue::new(element_id);
    let button = move |step: Step, label: Text, symbol: &'static str| {
        view! {
            <button
                type="button"
                class="icon"
                aria-label=tr(label)
                title=tr(label)
                on:click=move |_| map.move_item(&id.get_value(), step, element_id.get_value())
            >
                {symbol}
            </button>
        }
    };
    let delete = move |_| {
        map.delete(
            Edit::RemoveItem { id: id.get_value() },
            name.get_untracked(),
        )
    };
    view! {
        <div class="item-toolbar">
            {button(Step::Up, Text::MoveUp, "↑")}
            {button(Step::Down, Text::MoveDown, "↓")}
            {button(Step::PreviousPhase, Text::MoveToPreviousPhase, "←")}
            {button(Step::NextPhase, Text::MoveToNextPhase, "→")}
            <button type="button" class="icon danger" aria-label=tr(delete_label) title=tr(delete_label) on:click=delete>
                "✕"
            </button>
        </div>
    }
}

use super::drag::{self, Kind};
use super::item_moves::{move_item, Step};
use super::map_context::use_open_map;
use crate::model::{Edit, Id};
use leptos::prelude::*;

/// The frame a touchpoint or KPI card shares: its list item, which Alt + arrow keys move and
/// which takes the place of a card dropped on it, around a group named for screen readers.
#[component]
pub fn ItemCard(
    id: Id,
    class: &'static str,
    element_id: String,
    #[prop(into)] label: Signal<String>,
    children: Children,
) -> impl IntoView {
    let map = use_open_map();
    let id = StoredValue::new(id);
    let target = StoredValue::new(element_id.clone());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(step) = Step::from_key(&ev) {
            ev.prevent_default();
            // The phase around the card would otherwise move too.
            ev.stop_propagation();
            move_item(map, &id.read_value(), step, target.get_value());
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        let Some(dragged) = drag::take(&ev, Kind::Item) else {
            return;
        };
        let place = map
            .with_untracked(|m| {
                m.position_of(&id.read_value())
                    .map(|(p, i)| (m.phases[p].id.clone(), i))
            })
            .flatten();
        if let Some((phase, index)) = place {
            let _ = map.apply(Edit::MoveItem {
                id: dragged,
                phase,
                index,
            });
        }
    };
    view! {
        <li class=class id=element_id on:keydown=on_key on:dragover=|ev| drag::allow(&ev) on:drop=on_drop>
            <div role="group" aria-label=label class="card-body">
                {children()}
            </div>
        </li>
    }
}

/// What a mouse drags a phase, touchpoint or KPI by; keyboard users have the move controls.
#[component]
pub fn DragHandle(kind: Kind, id: Id) -> impl IntoView {
    view! {
        <span class="drag-handle" draggable="true" aria-hidden="true" on:dragstart=move |ev| drag::start(&ev, kind, &id)>
            "⠿"
        </span>
    }
}

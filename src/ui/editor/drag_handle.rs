use crate::model::Id;
use crate::ui::browser::drag::{self, Kind};
use leptos::prelude::*;

/// What a mouse drags a phase, touchpoint or KPI by; keyboard users have the move controls.
#[component]
pub fn DragHandle(kind: Kind, id: Id) -> impl IntoView {
    view! {
        <span class="drag-handle" draggable="true" aria-hidden="true" on:dragstart=move |ev| drag::start(&ev, kind, &id)>
            "⠿"
        </span>
    }
}

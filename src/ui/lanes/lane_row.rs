use crate::i18n::Text;
use crate::model::{Edit, Id, LaneKind, Part, TextField};
use crate::ui::browser::focus;
use crate::ui::editor::text_input::TextInput;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, tr_signal, use_lang};
use leptos::prelude::*;

/// One lane in the lanes panel: shown or not, its place among the lanes, and for a lane of the
/// user's own its name and a button to delete it (its cards go with it, undoably).
#[component]
pub fn LaneRow(id: Id) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let lane = {
        let id = id.clone();
        Memo::new(move |_| {
            map.with(Part::Lanes, |m| {
                let index = m.lanes.iter().position(|l| l.id == id)?;
                Some((index, m.lanes.len(), m.lanes[index].clone()))
            })
            .flatten()
        })
    };
    let id = StoredValue::new(id);
    let element_id = move || format!("lane-row-{}", id.read_value());
    let title = move || {
        lane.with(|l| {
            l.as_ref()
                .map(|(_, _, l)| l.name_in(lang.get()))
                .unwrap_or_default()
        })
    };
    let shown = move || lane.with(|l| l.as_ref().is_some_and(|(_, _, l)| l.shown));
    let custom = move || {
        lane.with(|l| {
            l.as_ref()
                .is_some_and(|(_, _, l)| l.kind == LaneKind::Custom)
        })
    };
    let position = move || lane.with(|l| l.as_ref().map_or((0, 0), |(i, n, _)| (*i, *n)));
    let toggle = move |ev| {
        let shown = event_target_checked(&ev);
        let _ = map.apply(Edit::ShowLane {
            lane: id.get_value(),
            shown,
        });
    };
    let shift = move |up: bool| {
        let (index, count) = position();
        let to = if up {
            index.checked_sub(1)
        } else {
            Some(index + 1).filter(|&i| i < count)
        };
        if let Some(to) = to {
            let active = focus::focused();
            if map
                .apply(Edit::MoveLane {
                    lane: id.get_value(),
                    to,
                })
                .is_ok()
            {
                focus::restore(active, element_id());
            }
        }
    };
    let delete = move |_| {
        map.delete(
            Edit::RemoveLane {
                lane: id.get_value(),
            },
            title(),
        )
    };
    let name = Signal::derive(move || {
        lane.with(|l| {
            l.as_ref()
                .map(|(_, _, l)| l.name.clone())
                .unwrap_or_default()
        })
    });
    let show_label = move || lang.get().fill(Text::ShowLane, &[("lane", &title())]);
    view! {
        <li class="lane-row" id=element_id>
            <label class="lane-shown">
                <input type="checkbox" prop:checked=shown on:change=toggle />
                <span class="visually-hidden">{show_label}</span>
                <span aria-hidden="true">{move || (!custom()).then(title)}</span>
            </label>
            <Show when=custom>
                <span class="lane-name-field" id=format!("lane-name-{}", id.read_value())>
                    <TextInput field=TextField::LaneName(id.get_value()) value=name label=tr_signal(Text::LaneName) />
                </span>
            </Show>
            <span class="lane-tools">
                <button type="button" class="icon" aria-label=move || lang.get().fill(Text::MoveLaneUp, &[("lane", &title())])
                    title=tr(Text::MoveUp) disabled=move || position().0 == 0 on:click=move |_| shift(true)>"↑"</button>
                <button type="button" class="icon" aria-label=move || lang.get().fill(Text::MoveLaneDown, &[("lane", &title())])
                    title=tr(Text::MoveDown) disabled=move || { let (i, n) = position(); i + 1 >= n } on:click=move |_| shift(false)>"↓"</button>
                <Show when=custom>
                    <button type="button" class="icon danger" aria-label=move || lang.get().fill(Text::DeleteLane, &[("lane", &title())])
                        title=tr(Text::Delete) on:click=delete>"✕"</button>
                </Show>
            </span>
        </li>
    }
}

//! The frame every card shares, compact or open.

use crate::i18n::Text;
use crate::model::Id;
use crate::ui::browser::drag::{self, Kind};
use crate::ui::browser::focus;
use crate::ui::browser::keys;
use crate::ui::browser::on_screen::{use_on_screen, NearCards};
use crate::ui::comments::comment_count::CommentCount;
use crate::ui::comments::comments_on::CommentsOn;
use crate::ui::editor::cards::CardKind;
use crate::ui::session::open_map::use_open_map;
use crate::ui::tr;
use leptos::html::Li;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// The frame a touchpoint or KPI card shares: its list item, which Alt + arrow keys move and
/// which takes the place of a card dropped on it, around a group named for screen readers.
///
/// A card is compact — its `summary`, a button — until it is opened for editing (a click, or
/// Enter on the focused card); open, it shows all its fields (`children`) until Escape, "Done"
/// or focus going elsewhere closes it. Away from the screen a list item with its name holds its
/// place instead ([`CardList`]).
///
/// [`CardList`]: crate::ui::editor::card_list::CardList
#[component]
pub fn ItemCard(
    id: Id,
    class: &'static str,
    element_id: String,
    #[prop(into)] label: Signal<String>,
    summary: ViewFn,
    children: ChildrenFn,
) -> impl IntoView {
    let map = use_open_map();
    let screen = use_on_screen();
    let near = expect_context::<NearCards>();
    let item = NodeRef::<Li>::new();
    Effect::new(move |_| {
        if let Some(item) = item.get() {
            screen.watch(&item);
        }
    });
    on_cleanup(move || {
        if let Some(item) = item.try_get_untracked().flatten() {
            screen.unwatch(&item);
        }
    });
    let target = StoredValue::new(element_id.clone());
    let card_id = StoredValue::new(id.clone());
    let on_focus_in = move |_| {
        near.focus(&target.read_value(), true);
        map.focus_card(&card_id.read_value());
    };
    // Once the whole move of focus is over: leaving the window keeps it in the page.
    let on_focus_out = move |_| {
        set_timeout(
            move || {
                // The card may have moved away or been deleted meanwhile.
                let inside = item.try_get_untracked().flatten().is_some_and(|item| {
                    item.contains(document().active_element().as_ref().map(|e| e.as_ref()))
                });
                if let Some(element_id) = target.try_get_value().filter(|_| !inside) {
                    near.focus(&element_id, false);
                    // Focus went to another control by keyboard: the card closes. Where it went
                    // nowhere, a button inside was removed. A press of the mouse is left to its
                    // click (the map editor): closing now would move what is being clicked.
                    let body: Option<web_sys::Element> = document().body().map(Into::into);
                    let elsewhere = !map.is_pressing()
                        && document()
                            .active_element()
                            .is_some_and(|e| Some(&e) != body.as_ref());
                    if let Some(id) = card_id.try_get_value().filter(|_| elsewhere) {
                        map.close(&id);
                    }
                }
            },
            Duration::ZERO,
        )
    };
    let open = {
        let id = id.clone();
        Memo::new(move |_| map.is_open(&id))
    };
    let close = move || {
        // The field with focus commits what was typed (a number does on blur) while it is there.
        if let Some(field) = document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = field.blur();
        }
        map.close(&card_id.read_value());
        // Back to the card, compact again.
        focus::restore(None, target.get_value());
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            close();
        } else if let Some(step) = keys::item_step(&ev) {
            ev.prevent_default();
            // The phase around the card would otherwise move too.
            ev.stop_propagation();
            map.move_item(&card_id.read_value(), step, target.get_value());
        } else if let Some(step) = keys::grid_step(&ev).filter(|_| !open.get_untracked()) {
            // From card to card across the grid, as in a spreadsheet.
            ev.prevent_default();
            let next = map
                .with_untracked(|m| {
                    let id = m.neighbour(&card_id.read_value(), step)?;
                    CardKind::element_id_of(m, &id)
                })
                .flatten();
            if let Some(next) = next {
                screen.want(&next);
                focus::restore(None, next);
            }
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        let Some(dragged) = drag::take(&ev, Kind::Item) else {
            return;
        };
        let edit = map
            .with_untracked(|m| m.drop_on_item(&dragged, &card_id.read_value()))
            .flatten();
        if let Some(edit) = edit {
            let _ = map.apply(edit);
        }
    };
    let open_it = move |_| {
        map.open(&card_id.read_value());
        focus::restore(None, target.get_value());
    };
    // A press on an open card's blank space keeps focus in the card, so the card stays open.
    let keep_focus = move |ev: leptos::ev::MouseEvent| {
        let on_control = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| {
                e.closest("input, select, textarea, button, summary, label, a, .drag-handle")
                    .ok()
                    .flatten()
                    .is_some()
            });
        if open.get_untracked() && !on_control {
            ev.prevent_default();
        }
    };
    let content = move || {
        if open.get() {
            view! {
                <div role="group" aria-label=label class="card-body">
                    {children()}
                    <CommentsOn on=card_id.get_value() name=label />
                    <button type="button" class="card-done" on:click=move |_| close()>{tr(Text::Done)}</button>
                </div>
            }
            .into_any()
        } else {
            view! {
                // The compact card is dragged by its whole face (a grip drawn by the style sheet).
                <div role="group" aria-label=label class="card-body compact">
                    <button type="button" class="card-summary" aria-expanded="false" draggable="true"
                        tabindex=move || if map.is_tab_stop(&card_id.read_value()) { "0" } else { "-1" }
                        on:click=open_it on:dragstart=move |ev| drag::start(&ev, Kind::Item, &card_id.read_value())>
                        {summary.run()}
                        <CommentCount on=card_id.get_value() />
                    </button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <li
            class=class
            id=element_id
            node_ref=item
            on:keydown=on_key
            on:dragover=|ev| drag::allow(&ev)
            on:drop=on_drop
            on:focusin=on_focus_in
            on:focusout=on_focus_out
            on:mousedown=keep_focus
            data-card=card_id.get_value()
        >
            {content}
        </li>
    }
}

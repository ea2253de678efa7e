//! Keeping keyboard focus where the user is when a change re-renders part of the journey.
//!
//! Focus moves once the pending render effects have run (`tick`), still before the next key
//! event is handled, so a fast typist loses no keystroke to a button.

use leptos::prelude::*;
use leptos::task::{spawn_local, tick};
use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// The element id of the card about to be given focus: it is built in full even when it is
    /// far from the screen (`on_screen`), so that there is a field to focus.
    static WANTED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Whether focus is about to go into the card with this element id.
pub fn is_wanted(element_id: &str) -> bool {
    WANTED.with_borrow(|w| w.as_deref() == Some(element_id))
}

/// The element that has focus now, to be given it back after a change.
pub fn focused() -> Option<web_sys::HtmlElement> {
    document().active_element()?.dyn_into().ok()
}

/// The text field that has focus, if one has: an input that takes text, a text area, or
/// anything editable.
pub fn text_field() -> Option<web_sys::HtmlElement> {
    focused().filter(|e| match e.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => !matches!(
            e.get_attribute("type").as_deref(),
            Some("button" | "checkbox" | "radio" | "submit" | "reset" | "range" | "color" | "file")
        ),
        _ => e.is_content_editable(),
    })
}

fn after_render(target: String, then: impl FnOnce() + 'static) {
    WANTED.set(Some(target.clone()));
    spawn_local(async move {
        // A memo feeding a list feeding its items: one tick for each hop.
        tick().await;
        tick().await;
        then();
        // Unless a later move of focus is waiting for a card of its own.
        WANTED.with_borrow_mut(|w| {
            if w.as_deref() == Some(target.as_str()) {
                *w = None;
            }
        });
    });
}

fn first_control(root_id: &str) -> Option<web_sys::HtmlElement> {
    let root = document().get_element_by_id(root_id)?;
    root.query_selector("input, select, textarea, button")
        .ok()??
        .dyn_into()
        .ok()
}

/// Focuses `element` again if it is still in the page, otherwise the first control inside the
/// element with id `fallback` (where a moved item was rebuilt).
pub fn restore(element: Option<web_sys::HtmlElement>, fallback: String) {
    after_render(fallback.clone(), move || {
        if let Some(target) = element
            .filter(|e| e.is_connected())
            .or_else(|| first_control(&fallback))
        {
            let _ = target.focus();
        }
    });
}

/// Gives focus back to text field `field`, which had it before a change from elsewhere was
/// shown, where the change took it away (moving a focused element in the page blurs it: 300
/// cards written into the lane of the card being typed in sent every later keystroke to the
/// page's body). The field itself where it is still in the page, else the one with its id; the
/// caret where it was. Where focus went elsewhere meanwhile, it stays there.
pub fn keep(field: Option<web_sys::HtmlElement>) {
    let Some(field) = field else { return };
    let caret = field
        .dyn_ref::<web_sys::HtmlInputElement>()
        .and_then(|input| Some((input.selection_start().ok()??, input.selection_end().ok()??)));
    spawn_local(async move {
        tick().await;
        tick().await;
        let body = document().body();
        if focused().is_some_and(|now| Some(&now) != body.as_ref()) {
            return;
        }
        let target = if field.is_connected() {
            Some(field.clone())
        } else if field.id().is_empty() {
            None
        } else {
            document()
                .get_element_by_id(&field.id())
                .and_then(|e| e.dyn_into().ok())
        };
        let Some(target) = target else { return };
        let _ = target.focus();
        if let (Some((start, end)), Some(input)) =
            (caret, target.dyn_ref::<web_sys::HtmlInputElement>())
        {
            let _ = input.set_selection_range(start, end);
        }
    });
}

/// Scrolls the element with id `element_id` into view once it is in the page, leaving the
/// focus where it is (a phone would open its keyboard for a text field).
pub fn show(element_id: String) {
    after_render(element_id.clone(), move || {
        if let Some(element) = document().get_element_by_id(&element_id) {
            // Only as far as it takes: the lanes around it stay in view where they can.
            let nearest = web_sys::ScrollIntoViewOptions::new();
            nearest.set_block(web_sys::ScrollLogicalPosition::Nearest);
            nearest.set_inline(web_sys::ScrollLogicalPosition::Nearest);
            element.scroll_into_view_with_scroll_into_view_options(&nearest);
        }
    });
}

/// Focuses the first field of a just-added item and selects its text, ready to be typed over.
pub fn new_item(element_id: String) {
    after_render(element_id.clone(), move || {
        if let Some(input) =
            first_control(&element_id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let _ = input.focus();
            input.select();
        }
    });
}

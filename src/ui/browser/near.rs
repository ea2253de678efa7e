//! Following whether an element is near what the window shows.

use super::observe::observe;
use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// How far outside the window an element still counts as near: scrolling by that much shows it
/// already drawn.
const MARGIN: &str = "50% 0px";

/// Calls `on_change` with whether the element is near the window, once when it is first laid out
/// and then each time that changes; the observer is dropped with the component.
pub fn watch_near<E>(element: NodeRef<E>, on_change: impl Fn(bool) + 'static)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let on_change = Rc::new(on_change);
    observe(element, move |node| {
        let on_change = on_change.clone();
        let changed = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // Only the latest word counts when the element came and went within one frame.
            if let Some(entry) = entries
                .iter()
                .last()
                .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            {
                on_change(entry.is_intersecting());
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(MARGIN);
        let watch = web_sys::IntersectionObserver::new_with_options(
            changed.as_ref().unchecked_ref(),
            &options,
        )
        .ok()?;
        watch.observe(&node);
        Some(Box::new(move || {
            watch.disconnect();
            drop(changed);
        }))
    });
}

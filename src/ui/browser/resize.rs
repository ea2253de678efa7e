//! Following the size of an element's box.

use super::observe::observe;
use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Calls `on_resize` with the element's box each time its size changes (and once when it is
/// first laid out); the observer is dropped with the component.
pub fn watch_size<E>(element: NodeRef<E>, on_resize: impl Fn(web_sys::DomRect) + 'static)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let on_resize = Rc::new(on_resize);
    observe(element, move |node| {
        let (watched, on_resize) = (node.clone(), on_resize.clone());
        let changed = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| {
            on_resize(watched.get_bounding_client_rect());
        });
        let watch = web_sys::ResizeObserver::new(changed.as_ref().unchecked_ref()).ok()?;
        watch.observe(&node);
        Some(Box::new(move || {
            watch.disconnect();
            drop(changed);
        }))
    });
}

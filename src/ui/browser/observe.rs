//! Keeping a browser observer (of size, of nearness) on an element for as long as the component
//! that asked lives.

use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use wasm_bindgen::JsCast;

/// What stops an observer: disconnects it and drops the callback it calls.
pub type Stop = Box<dyn FnOnce()>;

/// Calls `start` with the element once it is in the page (again should it be replaced); `start`
/// sets an observer on it and returns what stops it, which runs when the component goes.
pub fn observe<E>(element: NodeRef<E>, start: impl Fn(web_sys::Element) -> Option<Stop> + 'static)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let running = StoredValue::new_local(None::<Stop>);
    let stop = move || {
        if let Some(stop) = running.try_update_value(Option::take).flatten() {
            stop();
        }
    };
    Effect::new(move |_| {
        let Some(node) = element.get() else { return };
        stop();
        running.set_value(start(node.unchecked_into()));
    });
    on_cleanup(stop);
}

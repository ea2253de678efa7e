//! The pages' stylesheet (style/pages.css): every page's styles but the library's. index.html
//! links it disabled, which the browser does not fetch, so the first screen waits only for
//! main.css (issue 16); the pages enable it with their part of the wasm.

use js_sys::{Object, Promise};
use std::cell::RefCell;
use std::future::Future;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlLinkElement;

/// The pages' stylesheet could not be fetched.
pub struct NotLoaded;

const LINK_ID: &str = "pages-style";

thread_local! {
    // The load under way, which every caller meanwhile waits for rather than starting another;
    // once it succeeded, the proof that the stylesheet is there.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Fetches the pages' stylesheet, once, starting now; the future resolves once it applies. A
/// failed fetch is not remembered: the next call fetches again. Where the page has no such
/// link (the wasm tests' pages), there is nothing to wait for.
pub fn pages() -> impl Future<Output = Result<(), NotLoaded>> {
    let promise = LOADING.with(|loading| loading.borrow_mut().get_or_insert_with(load).clone());
    async move {
        let loaded = JsFuture::from(promise.clone()).await;
        if loaded.is_err() {
            // Forget this load, but not one a later call has started since.
            LOADING.with(|loading| {
                let mut loading = loading.borrow_mut();
                if loading.as_ref().is_some_and(|p| Object::is(p, &promise)) {
                    *loading = None;
                }
            });
        }
        loaded.map(drop).map_err(|_| NotLoaded)
    }
}

fn load() -> Promise {
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(LINK_ID))
        .and_then(|e| e.dyn_into::<HtmlLinkElement>().ok());
    Promise::new(&mut |resolve, reject| {
        let Some(link) = &link else {
            drop(resolve.call0(&JsValue::NULL));
            return;
        };
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &reject);
        // Disabled again first: after a failed fetch the link is enabled (with an empty sheet,
        // so that is no sign of success), and only enabling it anew fetches again.
        link.set_disabled(true);
        link.set_disabled(false);
    })
}

//! Work that waits for the page to be drawn.

use leptos::prelude::{request_animation_frame, set_timeout};
use std::time::Duration;
use wasm_bindgen::JsValue;

/// Runs `then` right after the next frame is drawn: a task queued from a frame callback runs
/// once that frame's style, layout and paint are done, when the page's layout is fresh and what
/// changed before it is already on the screen.
pub fn after_next_frame(then: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(then, Duration::ZERO));
}

/// [`after_next_frame`], awaited.
pub async fn next_frame_drawn() {
    let drawn = js_sys::Promise::new(&mut |resolve, _| {
        after_next_frame(move || drop(resolve.call0(&JsValue::NULL)));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(drawn).await;
}

//! Asking the browser not to evict this site's data.

use wasm_bindgen_futures::JsFuture;

/// Asks for persistent storage; `Some(true)` when the browser granted it, `None` where the
/// browser has no such API.
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let granted = JsFuture::from(storage.persist().ok()?).await.ok()?;
    granted.as_bool()
}

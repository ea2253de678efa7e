//! Handing text to the user as a file.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `filename`.
pub fn download(filename: &str, text: &str, mime: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    download_blob(
        filename,
        &web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?,
    )
}

/// Offers `blob` as a download named `filename`.
pub fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), wasm_bindgen::JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    download_href(filename, &url)?;
    web_sys::Url::revoke_object_url(&url)
}

/// Offers what `href` points at (an object or data URL) as a download named `filename`. Must
/// run within the user's click: browsers hold back downloads started later.
pub fn download_href(filename: &str, href: &str) -> Result<(), wasm_bindgen::JsValue> {
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(href);
    link.set_download(filename);
    link.click();
    Ok(())
}

/// A file name made of `title` (letters, digits and dashes only) and today's date.
pub fn file_name(title: &str, extension: &str) -> String {
    let today: String = crate::ui::session::clock::now().chars().take(10).collect();
    file_name_dated(title, &today, extension)
}

/// A file name made of `title` (letters, digits and dashes only) and `date`.
pub fn file_name_dated(title: &str, date: &str, extension: &str) -> String {
    let mut name: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    name = name
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    name.truncate(name.char_indices().nth(60).map_or(name.len(), |(i, _)| i));
    format!(
        "{}-{date}.{extension}",
        if name.is_empty() {
            "journey-map"
        } else {
            &name
        }
    )
}

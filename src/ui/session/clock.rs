//! The clock and new ids: the only places the session asks the browser for the time or for
//! randomness.

use crate::i18n::Lang;

/// Now, as an RFC 3339 time in UTC.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A day from now, as an RFC 3339 time in UTC.
pub fn tomorrow() -> String {
    let then = js_sys::Date::new(&(js_sys::Date::now() + 86_400_000.0).into());
    String::from(then.to_iso_string())
}

/// Milliseconds since 1970, for storage's revision stamps.
pub fn stamp() -> u64 {
    js_sys::Date::now() as u64
}

/// A moment (`js_sys::Date` input: an RFC 3339 text or milliseconds) as people read it in `lang`,
/// to the minute.
pub fn local_time(when: &wasm_bindgen::JsValue, lang: Lang) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    String::from(js_sys::Date::new(when).to_locale_string(lang.code(), &options))
}

thread_local! {
    /// This tab's mark in the ids of what it adds to a map, drawn once.
    static TAB: String = format!("{:05x}", (js_sys::Math::random() * 1_048_576.0) as u32);
}

/// The start of an id for something new in a map, such as `card-3f9a1`: what two people add
/// to one map at once in a live session gets different ids (`JourneyMap::fresh_id` then counts
/// on from it).
pub fn id_prefix(kind: &str) -> String {
    TAB.with(|tab| format!("{kind}-{tab}"))
}

/// Eight random hex digits: a browser's mark on its ballots.
pub fn random_mark() -> String {
    format!("{:08x}", (js_sys::Math::random() * 4_294_967_296.0) as u32)
}

/// A map id unlikely to clash with one from another browser, so maps can travel between them.
pub fn new_map_id(taken: impl Fn(&str) -> bool) -> String {
    loop {
        let id = format!(
            "map-{:x}-{:06x}",
            js_sys::Date::now() as u64,
            (js_sys::Math::random() * 16_777_216.0) as u32
        );
        if !taken(&id) {
            return id;
        }
    }
}

//! Where stored text lives: the browser's localStorage, or memory when the browser refuses it.

use gloo_storage::{LocalStorage, Storage};
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

#[derive(Clone, Debug, PartialEq)]
pub enum BackendError {
    /// The browser's storage is full.
    Quota,
    Other(String),
}

pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    /// At most the first `units` UTF-16 code units of what is stored under `key`: a save only
    /// needs the start of a map's entry, which may be a megabyte long.
    fn get_start(&self, key: &str, units: u32) -> Result<Option<String>, BackendError> {
        Ok(self.get(key)?.map(|text| {
            let mut taken = 0;
            text.chars()
                .take_while(|c| {
                    taken += c.len_utf16();
                    taken <= units as usize
                })
                .collect()
        }))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&mut self, key: &str) -> Result<(), BackendError>;
    fn keys(&self) -> Result<Vec<String>, BackendError>;
    /// UTF-16 code units of every key and value stored, this app's or not: what the browser
    /// counts against the site's quota.
    fn units_used(&self) -> Result<usize, BackendError> {
        let mut units = 0;
        for key in self.keys()? {
            let value = self.get(&key)?.unwrap_or_default();
            units += key.encode_utf16().count() + value.encode_utf16().count();
        }
        Ok(units)
    }
    /// Whether data outlives the tab.
    fn is_persistent(&self) -> bool;
}

/// Keeps data only while the tab is open: the fallback when localStorage is unavailable.
#[derive(Default)]
pub struct Memory(BTreeMap<String, String>);

impl Backend for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.0.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.0.insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.0.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(self.0.keys().cloned().collect())
    }
    fn is_persistent(&self) -> bool {
        false
    }
}

/// The browser's localStorage, through gloo-storage.
pub struct Browser(web_sys::Storage);

const PROBE_KEY: &str = "journey-mapper/probe";

impl Browser {
    /// localStorage if this browser lets the page use it. A full store still counts as usable:
    /// what is stored can be read, and saving is retried once there is room.
    pub fn open() -> Option<Self> {
        // Checked before gloo is used: `LocalStorage::raw()` panics where storage is blocked.
        web_sys::window()?.local_storage().ok()??;
        let storage = LocalStorage::raw();
        match storage.set_item(PROBE_KEY, "1").map_err(js_error) {
            Ok(()) | Err(BackendError::Quota) => {
                LocalStorage::delete(PROBE_KEY);
                Some(Browser(storage))
            }
            Err(BackendError::Other(_)) => None,
        }
    }
}

fn js_error(e: wasm_bindgen::JsValue) -> BackendError {
    let field = |name: &str| {
        js_sys::Reflect::get(&e, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    // Browsers name a full store QuotaExceededError (Firefox once used NS_ERROR_DOM_QUOTA_REACHED).
    match field("name").as_deref() {
        Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") => BackendError::Quota,
        name => BackendError::Other(
            field("message")
                .or(name.map(String::from))
                .unwrap_or_else(|| format!("{e:?}")),
        ),
    }
}

impl Backend for Browser {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.0.get_item(key).map_err(js_error)
    }
    fn get_start(&self, key: &str, units: u32) -> Result<Option<String>, BackendError> {
        // Cut in JavaScript, so that only the start is copied into WebAssembly.
        let get_item: js_sys::Function = js_sys::Reflect::get(&self.0, &"getItem".into())
            .map_err(js_error)?
            .into();
        let text = get_item.call1(&self.0, &key.into()).map_err(js_error)?;
        Ok(text
            .dyn_ref::<js_sys::JsString>()
            .map(|text| String::from(text.slice(0, units))))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.0.set_item(key, value).map_err(js_error)
    }
    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.0.remove_item(key).map_err(js_error)
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let n = self.0.length().map_err(js_error)?;
        (0..n)
            .map(|i| {
                self.0
                    .key(i)
                    .map(Option::unwrap_or_default)
                    .map_err(js_error)
            })
            .collect()
    }
    fn units_used(&self) -> Result<usize, BackendError> {
        // Lengths read in JavaScript: no value is copied into WebAssembly.
        let get_item: js_sys::Function = js_sys::Reflect::get(&self.0, &"getItem".into())
            .map_err(js_error)?
            .into();
        let mut units = 0;
        for key in self.keys()? {
            let value = get_item.call1(&self.0, &(&key).into()).map_err(js_error)?;
            let length = value
                .dyn_ref::<js_sys::JsString>()
                .map_or(0, |v| v.length());
            units += key.encode_utf16().count() + length as usize;
        }
        Ok(units)
    }
    fn is_persistent(&self) -> bool {
        true
    }
}

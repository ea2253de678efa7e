//! Outside input read off the page's thread: each file or link goes to a Web Worker of its own
//! (`js/reader-worker.js`, running the model's readers built as `src/bin/reader.rs`), which is
//! ended as soon as it answers or when it takes longer than [`TIME_LIMIT_MS`]. However an input
//! was made — a link inflating to millions of maps, a file nested a million deep — the page
//! answers throughout and says what happened within the limit.

use crate::model::outside::{Job, Outcome};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Reading an input takes at most this long, from the moment the worker is ready: anything
/// slower is stopped, and its message is on the page within two seconds of the pick. The largest
/// file a user can have (10 MB of maps) reads in well under it.
pub const TIME_LIMIT_MS: u32 = 1500;

/// Fetching and starting the worker takes at most this long: a slow first visit must not count
/// against the input, and a worker that never starts must not leave the page waiting.
const LOAD_LIMIT_MS: u32 = 20_000;

// The worker's protocol: it posts "ready" once its wasm is running, then the outcome of the one
// input it is sent (JSON text), or null when it failed. Timers and messages are plain JavaScript,
// so nothing here depends on the worker's wasm being sound.
#[wasm_bindgen(inline_js = r#"
export function readOffThread(job, input, limit, load) {
  return new Promise((resolve) => {
    let worker;
    try {
      worker = new Worker(new URL("pkg/reader-worker.js", document.baseURI), { type: "module" });
    } catch {
      resolve("unavailable");
      return;
    }
    let timer = setTimeout(() => finish("unavailable"), load);
    const finish = (result) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    worker.onerror = () => finish("unavailable");
    worker.onmessage = ({ data }) => {
      if (data === "ready") {
        clearTimeout(timer);
        timer = setTimeout(() => finish("slow"), limit);
        worker.postMessage({ job, input });
      } else {
        finish(typeof data === "string" ? { outcome: data } : "unavailable");
      }
    };
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = readOffThread)]
    fn read_off_thread(job: &str, input: &JsValue, limit: u32, load: u32) -> js_sys::Promise;
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ReadError {
    /// Stopped after [`TIME_LIMIT_MS`].
    TooSlow,
    /// The worker could not be fetched or started, or failed.
    Unavailable,
}

/// Reads `input` — a `File`, or a string such as a share link's payload — with `job`'s reader.
pub async fn read(job: Job, input: &JsValue) -> Result<Outcome, ReadError> {
    let job = serde_json::to_string(&job).expect("a job is plain data");
    let answer = JsFuture::from(read_off_thread(&job, input, TIME_LIMIT_MS, LOAD_LIMIT_MS))
        .await
        .map_err(|_| ReadError::Unavailable)?;
    if answer.as_string().as_deref() == Some("slow") {
        return Err(ReadError::TooSlow);
    }
    js_sys::Reflect::get(&answer, &"outcome".into())
        .ok()
        .and_then(|outcome| outcome.as_string())
        .and_then(|json| serde_json::from_str(&json).ok())
        .ok_or(ReadError::Unavailable)
}

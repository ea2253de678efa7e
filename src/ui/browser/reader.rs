//! Outside input read off the page's thread: each file or link goes to a Web Worker
//! (`js/reader-worker.js`, running the model's readers built as `src/bin/reader.rs`; a fresh one,
//! or the one kept after a small input or a live room's last change), which is ended when it
//! takes longer than [`TIME_LIMIT_MS`]. However an input was made — a link inflating to millions
//! of maps, a file nested a million deep — the page answers throughout and says what happened
//! within the limit. A shop's export for the loyalty KPIs goes the same way to a worker running
//! the analytics' wasm (`src/bin/analytics.rs`).

use super::script;
use crate::i18n::Text;
use crate::model::loyalty::work as analytics;
use crate::model::outside::{Job, Outcome};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Reading an input takes at most this long, from the moment the worker is ready: anything
/// slower is stopped, and its message is on the page within two seconds of the pick. Valid
/// bundles of nearly 10 MB (the largest file taken) were read within it in the hostile try.
pub const TIME_LIMIT_MS: u32 = 1500;

/// A shop's export is analysed for at most this long. It is no hostile input to stop quickly but
/// a marketer's own file, read off the page's thread with the page answering throughout: up to
/// 500,000 rows and 50 MB are taken, and the largest take a few seconds to read and fit here.
/// The limit stops only a runaway.
pub const ANALYSIS_LIMIT_MS: u32 = 30_000;

/// Fetching and starting the worker takes at most this long: a slow first visit must not count
/// against the input, and a worker that never starts must not leave the page waiting.
const LOAD_LIMIT_MS: u32 = 20_000;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ReadError {
    /// Stopped after its time limit.
    TooSlow,
    /// The worker could not be fetched or started, or failed.
    Unavailable,
}

impl ReadError {
    /// What the user is told.
    pub fn reason(self) -> Text {
        match self {
            ReadError::TooSlow => Text::ReadTooSlow,
            ReadError::Unavailable => Text::ReaderUnavailable,
        }
    }
}

/// Reads `input` — a `File`, or a string such as a share link's payload — with `job`'s reader.
pub async fn read(job: Job, input: &JsValue) -> Result<Outcome, ReadError> {
    // A live room's worker is kept whatever the map's size (js/reader-page.js keeps the others
    // after small inputs).
    let keep = job == Job::LiveRoom;
    let job = serde_json::to_string(&job).expect("a job is plain data");
    let outcome = off_thread("reader", &job, input, keep, TIME_LIMIT_MS).await?;
    serde_json::from_str(&outcome).map_err(|_| ReadError::Unavailable)
}

/// Runs the loyalty analytics' `job` on a shop's export (a `File`) in its own worker, whose
/// wasm is fetched the first time: the export's rows never reach the page.
pub async fn analyse(
    job: &analytics::Job,
    file: &JsValue,
) -> Result<analytics::Outcome, ReadError> {
    let job = serde_json::to_string(job).expect("a job is plain data");
    let outcome = off_thread("analytics", &job, file, false, ANALYSIS_LIMIT_MS).await?;
    serde_json::from_str(&outcome).map_err(|_| ReadError::Unavailable)
}

/// The outcome, as JSON, of `job` run on `input` by the worker running `part`'s wasm.
async fn off_thread(
    part: &str,
    job: &str,
    input: &JsValue,
    keep: bool,
    limit_ms: u32,
) -> Result<String, ReadError> {
    let module = JsFuture::from(script::load("pkg/reader-page.js"))
        .await
        .map_err(|_| ReadError::Unavailable)?;
    let read: js_sys::Function = js_sys::Reflect::get(&module, &"readOffThread".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(ReadError::Unavailable)?;
    let args = [
        job.into(),
        input.clone(),
        limit_ms.into(),
        LOAD_LIMIT_MS.into(),
        keep.into(),
        part.into(),
    ];
    let promise = read
        .apply(&JsValue::NULL, &args.iter().collect())
        .map_err(|_| ReadError::Unavailable)?;
    let answer = JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(|_| ReadError::Unavailable)?;
    if answer.as_string().as_deref() == Some("slow") {
        return Err(ReadError::TooSlow);
    }
    js_sys::Reflect::get(&answer, &"outcome".into())
        .ok()
        .and_then(|outcome| outcome.as_string())
        .ok_or(ReadError::Unavailable)
}

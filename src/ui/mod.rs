//! The interface: Leptos components, one per file, in folders named after what the user sees.
//! `app` wires them together (the frame, the session started and asked for); `session` holds
//! the state below the views and `browser` the glue to the browser (routes, focus, drag and
//! drop, downloads, building what is near the screen, timing); neither holds a component.

mod app;
mod browser;
mod charts;
mod comments;
mod decisions;
mod editor;
mod import;
mod lanes;
mod library;
mod live;
mod loyalty;
mod map;
mod notices;
mod page_part;
mod personas;
mod presentation;
mod session;
mod shared_map;
mod top_bar;
mod versions;
mod votes;

pub use app::Workspace;
pub use session::{SaveState, Session, Settings};

use crate::i18n::{Lang, Text};
use leptos::prelude::*;

pub fn start() {
    leptos::mount::mount_to_body(app::App);
}

/// The session, for views shown once it is there (the pages, the notices); the first screen
/// reaches it through [`use_workspace`].
fn use_session() -> Session {
    expect_context::<Session>()
}

fn use_workspace() -> Workspace {
    expect_context::<Workspace>()
}

fn use_settings() -> Settings {
    expect_context::<Settings>()
}

/// The interface language for one card or phase column and everything inside it.
///
/// Each text that follows the language subscribes to it, and a large map has tens of thousands of
/// them. Leptos' reactive graph unsubscribes a re-running subscriber in time linear in the
/// source's subscriber count, so one signal with 20,000 subscribers made a language switch take
/// 2.6 s (a profile: 85 % in `IndexMap::shift_remove`). A memo per card keeps every source's
/// subscriber list short.
#[derive(Clone, Copy)]
struct LangScope(Memo<Lang>);

impl LangScope {
    fn provide() {
        let lang = use_lang();
        provide_context(LangScope(Memo::new(move |_| lang.get())));
    }
}

/// The interface language, from the nearest [`LangScope`] or else the settings.
fn use_lang() -> Signal<Lang> {
    use_context::<LangScope>()
        .map(|scope| scope.0.into())
        .unwrap_or_else(|| {
            let settings = use_settings();
            Signal::derive(move || settings.lang())
        })
}

/// A text in the current interface language as a signal, for components that take one.
fn tr_signal(text: Text) -> Signal<String> {
    let lang = use_lang();
    Signal::derive(move || lang.get().t(text).to_owned())
}

/// One text field of what `item` holds (a touchpoint, a KPI, a phase's heading), as a signal;
/// empty once the item is gone.
fn field<T: Send + Sync + 'static>(item: Memo<Option<T>>, read: fn(&T) -> &str) -> Signal<String> {
    Signal::derive(move || {
        item.with(|t| t.as_ref().map(|t| read(t).to_owned()).unwrap_or_default())
    })
}

/// A text in the current interface language, following language switches.
fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().t(text)
}

use crate::i18n::Text;
use crate::ui::notices::reload_button::ReloadButton;
use crate::ui::tr;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// Registers the service worker that keeps the app working offline (`sw.js`, written at build
/// time by `scripts/service-worker.mjs`) and says so when a new release has been downloaded.
/// The new release waits until the user reloads: a tab is never switched to new code mid-edit.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ready = RwSignal::new(false);
    let registration = StoredValue::new_local(None::<ServiceWorkerRegistration>);

    if let Some(workers) = service_workers() {
        leptos::task::spawn_local(async move {
            // No offline copy (private window, blocked by policy, an automated browser told to
            // block workers): the app still works online.
            let Some(found) = JsFuture::from(workers.register("sw.js"))
                .await
                .ok()
                .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            else {
                return;
            };
            watch(&workers, &found, ready);
            registration.set_value(Some(found));
        });
    }

    let reload = move |()| {
        let (Some(workers), Some(waiting)) = (
            service_workers(),
            registration.with_value(|r| r.as_ref().and_then(|r| r.waiting())),
        ) else {
            return;
        };
        // The page reloads once the new worker has taken over, so it loads the new release.
        let reload = Closure::once_into_js(|| {
            let _ = window().location().reload();
        });
        let _ =
            workers.add_event_listener_with_callback("controllerchange", reload.unchecked_ref());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
        let _ = waiting.post_message(&message);
    };

    view! {
        <Show when=move || ready.get()>
            <div class="notice info" role="status">
                <p>{tr(Text::NewVersionReady)}</p>
                <ReloadButton reload />
            </div>
        </Show>
    }
}

/// The page's service worker container, where the browser offers one (secure contexts only).
fn service_workers() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Sets `ready` once a new release is installed and waiting while this page runs an older one.
/// The very first install is not an update: then no worker controlled the page yet.
fn watch(
    workers: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
    ready: RwSignal<bool>,
) {
    let is_update = {
        let workers = workers.clone();
        move || workers.controller().is_some()
    };
    if registration.waiting().is_some() && is_update() {
        ready.set(true);
    }
    let found = registration.clone();
    // These listeners live as long as the page, like the registration they watch.
    let on_update_found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = found.installing() else {
            return;
        };
        let worker = installing.clone();
        let is_update = is_update.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && is_update() {
                ready.set(true);
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

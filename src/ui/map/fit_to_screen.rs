//! "Fit to screen": the whole map scaled down to the window, for a projector or a small screen.

use crate::i18n::Text;
use crate::ui::browser::resize::watch_size;
use crate::ui::{tr, use_session};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The smallest scale: below it a card's text is no longer readable, and scrolling is better.
const SMALLEST: f64 = 0.4;
/// Room kept under the map, so its last border stays in sight.
const MARGIN: f64 = 8.0;

/// The switch in the map's toolbar; remembered, like larger type.
#[component]
pub fn FitToScreenToggle() -> impl IntoView {
    let settings = use_session().settings;
    view! {
        <button
            type="button"
            class="secondary toggle"
            aria-pressed=move || settings.fit_to_screen().to_string()
            on:click=move |_| settings.set_fit_to_screen(!settings.fit_to_screen_untracked())
        >
            {tr(Text::FitToScreen)}
        </button>
    }
}

/// Keeps `grid` scaled so that, with the page scrolled to the top, all of it is in the window:
/// again whenever the grid's content or the window changes size, while the setting is on.
pub fn fit_grid(grid: NodeRef<Div>) {
    let settings = use_session().settings;
    let fit = move || {
        let Some(grid) = grid.get_untracked() else {
            return;
        };
        let grid: &web_sys::HtmlElement = &grid;
        let scale = if settings.fit_to_screen_untracked() {
            scale_to_fit(grid)
        } else {
            1.0
        };
        set_scale(grid, scale);
    };
    Effect::new(move |_| {
        settings.fit_to_screen();
        fit();
    });
    // Its content (cards, larger type) changed its size, or the window's width did.
    watch_size(grid, move |_| fit());
    // Only the window's height changed.
    let resized = window_event_listener(leptos::ev::resize, move |_| fit());
    // A panel above the map (personas, lanes, votes) opened or closed: the room under it did.
    // `toggle` does not bubble, so it is caught on its way down.
    let toggled = Closure::<dyn Fn()>::new(fit);
    let _ = window().add_event_listener_with_callback_and_bool(
        "toggle",
        toggled.as_ref().unchecked_ref(),
        true,
    );
    let toggled = StoredValue::new_local(Some(toggled));
    on_cleanup(move || {
        resized.remove();
        if let Some(toggled) = toggled.try_update_value(Option::take).flatten() {
            let f = toggled.as_ref().unchecked_ref();
            let _ = window().remove_event_listener_with_callback_and_bool("toggle", f, true);
        }
    });
}

/// The scale at which `grid` fits the window, found by laying it out: a narrower grid wraps
/// its cards' names differently, so its height does not shrink in proportion.
fn scale_to_fit(grid: &web_sys::HtmlElement) -> f64 {
    let window = window();
    let number = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
    let height = number(window.inner_height()).unwrap_or(0.0);
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let top = grid.get_bounding_client_rect().top() + scrolled;
    // Where the page above the map takes most of the window (a phone), the map alone fits.
    let room = if height - top > height / 2.0 {
        height - top - MARGIN
    } else {
        height - MARGIN
    };
    // Fitting the height, the grid's columns widen and its names wrap less: a few rounds
    // settle it; shrinking never makes it taller, so the last round is a shrink.
    let ratio = |grid: &web_sys::HtmlElement| {
        let high = room / grid.get_bounding_client_rect().height().max(1.0);
        let (wide, shown) = (grid.scroll_width(), grid.client_width());
        let wide = if wide > shown {
            f64::from(shown) / f64::from(wide)
        } else {
            f64::INFINITY
        };
        high.min(wide)
    };
    let mut scale = 1.0;
    for _ in 0..3 {
        set_scale(grid, scale);
        let next = (scale * ratio(grid)).clamp(SMALLEST, 1.0);
        if (next - scale).abs() < 0.005 {
            break;
        }
        scale = next;
    }
    set_scale(grid, scale);
    (scale * ratio(grid).min(1.0)).max(SMALLEST)
}

fn set_scale(grid: &web_sys::HtmlElement, scale: f64) {
    let style = grid.style();
    if style
        .get_property_value("zoom")
        .ok()
        .and_then(|z| z.parse().ok())
        == Some(scale)
    {
        return;
    }
    let _ = style.set_property("zoom", &scale.to_string());
}

//! Drawing with plotters on a `<canvas>`, for every chart of the app.

use crate::charts::draw::Look;
use crate::ui::browser::near::watch_near;
use crate::ui::browser::resize::watch_size;
use crate::ui::browser::timing::measure;
use crate::ui::use_session;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;

/// Draws on `canvas` with `draw`: sharp on high-density screens (at CSS size × device pixel
/// ratio, which plotters-canvas leaves to us), again when its box is resized or what `draw`
/// reads changes. Each drawing is a User Timing measure named `measure_name`.
///
/// Only a canvas near the screen is drawn (and every one before printing): on a large map the
/// charts are far below the cards, and redrawing them took a fifth of moving a card. Away from
/// the screen nothing `draw` reads is followed; coming near draws what is there then. Returns a
/// way to draw it at once.
pub fn plot(
    canvas: NodeRef<Canvas>,
    measure_name: String,
    draw: impl Fn(&DrawingArea<CanvasBackend, Shift>, Look) + 'static,
) -> impl Fn() + Copy + 'static {
    let session = use_session();
    let size = RwSignal::new((0.0_f64, 0.0_f64));
    let near = RwSignal::new(false);
    let printing = RwSignal::new(false);

    watch_size(canvas, move |rect| size.set((rect.width(), rect.height())));
    watch_near(canvas, move |is_near| near.set(is_near));
    let before_print = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let after_print = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        before_print.remove();
        after_print.remove();
    });

    let paint = StoredValue::new_local(move || {
        let (width, height) = size.get();
        let lang = session.settings.lang();
        let Some(element) = canvas.get() else { return };
        if width < 1.0 || height < 1.0 {
            return;
        }
        let scale = window().device_pixel_ratio().max(1.0);
        element.set_width((width * scale).round() as u32);
        element.set_height((height * scale).round() as u32);
        let el: &web_sys::HtmlCanvasElement = &element;
        if let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) {
            let root = backend.into_drawing_area();
            measure(&measure_name, || {
                draw(&root, Look { lang, scale });
                let _ = root.present();
            });
        }
    });
    Effect::new(move |_| {
        if near.get() || printing.get() {
            paint.with_value(|paint| paint());
        }
    });
    // Drawn at once, near or not: a PNG of a chart asked for before it came near.
    move || untrack(|| paint.with_value(|paint| paint()))
}

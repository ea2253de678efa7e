//! Drawing with plotters on a `<canvas>`, for every chart of the app.

use crate::charts::draw::Look;
use crate::ui::browser::frame::after_next_frame;
use crate::ui::browser::near::watch_near;
use crate::ui::browser::resize::watch_size;
use crate::ui::browser::timing::measure;
use crate::ui::use_session;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;

/// Draws `data` on `canvas` with `draw`: sharp on high-density screens (at CSS size × device
/// pixel ratio, which plotters-canvas leaves to us), again when its box is resized or `data`
/// changes. Each drawing is a User Timing measure named `measure_name`. `draw` reads nothing
/// reactive but `data`: only `data` is followed.
///
/// Only a canvas near the screen is drawn (and every one before printing): on a large map the
/// charts are far below the cards, and redrawing them took a fifth of moving a card. Away from
/// the screen `data` is not followed; coming near draws what is there then. A change is drawn
/// just after the frame that shows the edit, not in it: the curve under the phases took a
/// tenth of opening a large map and of moving a card, and the card comes first. Returns a way
/// to draw it at once.
pub fn plot<D: Send + Sync + 'static>(
    canvas: NodeRef<Canvas>,
    measure_name: String,
    data: Signal<D>,
    draw: impl Fn(&DrawingArea<CanvasBackend, Shift>, &D, Look) + 'static,
) -> impl Fn() + Copy + 'static {
    let session = use_session();
    let size = RwSignal::new((0.0_f64, 0.0_f64));
    let near = RwSignal::new(false);
    let printing = RwSignal::new(false);
    let waiting = StoredValue::new(false);

    watch_size(canvas, move |rect| size.set((rect.width(), rect.height())));
    watch_near(canvas, move |is_near| near.set(is_near));
    let before_print = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let after_print = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        before_print.remove();
        after_print.remove();
    });

    let paint = StoredValue::new_local(move || {
        waiting.set_value(false);
        let (width, height) = size.get_untracked();
        let lang = session.settings.lang_untracked();
        let Some(element) = canvas.get_untracked() else {
            return;
        };
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
                data.with_untracked(|data| draw(&root, data, Look { lang, scale }));
                let _ = root.present();
            });
        }
    });
    Effect::new(move |_| {
        let printing = printing.get();
        if !(near.get() || printing) {
            return;
        }
        data.track();
        size.track();
        session.settings.lang();
        if printing {
            // The page is printed as soon as this event is over.
            paint.with_value(|paint| paint());
        } else if !waiting.get_value() {
            waiting.set_value(true);
            after_next_frame(move || {
                let _ = paint.try_with_value(|paint| paint());
            });
        }
    });
    // Drawn at once, near or not: a PNG of a chart asked for before it came near.
    move || paint.with_value(|paint| paint())
}

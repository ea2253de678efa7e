//! Drawing with plotters on a `<canvas>`, for every chart of the app.

use crate::charts::draw::Look;
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
pub fn plot(
    canvas: NodeRef<Canvas>,
    measure_name: String,
    draw: impl Fn(&DrawingArea<CanvasBackend, Shift>, Look) + 'static,
) {
    let session = use_session();
    let size = RwSignal::new((0.0_f64, 0.0_f64));

    watch_size(canvas, move |rect| size.set((rect.width(), rect.height())));

    Effect::new(move |_| {
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
}

//! User Timing measures of the app's own work (saving, drawing charts), so the browser benchmark
//! (`benches/editor.mjs`) reads what the app spent with `performance.getEntriesByName`, apart
//! from the browser's layout and paint.

/// Marks a moment, for the benchmark to measure from or to.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Runs `work` and records how long it took as a measure named `name`. Only the latest measure
/// of each name is kept: browsers keep User Timing entries until cleared, and a day of editing
/// would otherwise pile up one per save and per chart drawn.
pub fn measure<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let result = work();
    if let Some(p) = &performance {
        p.clear_measures_with_measure_name(name);
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
    result
}

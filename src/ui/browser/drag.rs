//! Drag and drop of phases, touchpoints and KPIs (the keyboard has its own controls for the same
//! moves). What is dragged travels as `kind:id` text.

use web_sys::DragEvent;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Phase,
    Item,
}

impl Kind {
    fn tag(self) -> &'static str {
        match self {
            Kind::Phase => "phase",
            Kind::Item => "item",
        }
    }
}

pub fn start(ev: &DragEvent, kind: Kind, id: &str) {
    if let Some(data) = ev.data_transfer() {
        let _ = data.set_data("text/plain", &format!("{}:{id}", kind.tag()));
        data.set_effect_allowed("move");
    }
}

/// Lets a drop happen here; what is dropped is only known on drop.
pub fn allow(ev: &DragEvent) {
    ev.prevent_default();
}

/// The id of what was dropped, if it is of `kind`. Takes the drop, so outer targets leave it be.
pub fn take(ev: &DragEvent, kind: Kind) -> Option<String> {
    let text = ev.data_transfer()?.get_data("text/plain").ok()?;
    let id = text.strip_prefix(kind.tag())?.strip_prefix(':')?.to_owned();
    ev.prevent_default();
    ev.stop_propagation();
    Some(id)
}

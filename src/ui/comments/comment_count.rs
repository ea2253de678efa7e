use crate::i18n::Text;
use crate::model::{Id, Part};
use crate::ui::session::open_map::use_open_map;
use crate::ui::use_lang;
use leptos::prelude::*;
use std::collections::HashMap;

/// The open threads on each card and phase of the open map, counted once per change of the
/// comments for every card's count to read (not once per card).
#[derive(Clone, Copy)]
pub struct OpenCounts(Memo<HashMap<Id, usize>>);

impl OpenCounts {
    pub fn provide() {
        let map = use_open_map();
        let counts = Memo::new(move |_| {
            map.with(Part::Comments, |m| {
                m.open_threads()
                    .into_iter()
                    .map(|(on, n)| (on.to_owned(), n))
                    .collect()
            })
            .unwrap_or_default()
        });
        provide_context(OpenCounts(counts));
    }
}

/// How many comment threads on a card or phase are open, where there are any.
#[component]
pub fn CommentCount(on: Id) -> impl IntoView {
    let OpenCounts(counts) = expect_context::<OpenCounts>();
    let lang = use_lang();
    let open = Memo::new(move |_| counts.with(|c| c.get(&on).copied().unwrap_or(0)));
    move || {
        let n = open.get();
        (n > 0).then(|| {
            let words = lang
                .get()
                .count(n, Text::OpenCommentOne, Text::OpenComments);
            view! { <span class="comment-chip">{words}</span> }
        })
    }
}

use super::comment_count::CommentCount;
use super::comments_on::CommentsOn;
use crate::i18n::Text;
use crate::model::Id;
use crate::ui::editor::fold::Fold;
use crate::ui::tr;
use leptos::prelude::*;

/// A phase's comment threads, in a fold of the phase's header that counts the open ones.
#[component]
pub fn PhaseComments(phase: Id, #[prop(into)] name: Signal<String>) -> impl IntoView {
    let on = StoredValue::new(phase);
    view! {
        <Fold class="more phase-comments" summary=move || view! { {tr(Text::Comments)} " " <CommentCount on=on.get_value() /> }>
            <CommentsOn on=on.get_value() name />
        </Fold>
    }
}

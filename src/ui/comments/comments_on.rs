use super::comment_form::CommentForm;
use super::comment_item::CommentItem;
use super::{contexts, mentionable, post};
use crate::i18n::Text;
use crate::model::comments::Comment;
use crate::model::{Id, Part};
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// The comment threads on a card or phase, oldest first, each with its replies, and a form to
/// start another. `name` says what they are on, for screen readers.
#[component]
pub fn CommentsOn(on: Id, #[prop(into)] name: Signal<String>) -> impl IntoView {
    let (map, live) = contexts();
    let lang = use_lang();
    let on = StoredValue::new(on);
    let threads = Memo::new(move |_| {
        map.with(Part::Comments, |m| {
            m.threads_on(&on.read_value())
                .into_iter()
                .map(|(first, replies)| {
                    (
                        first.clone(),
                        replies.into_iter().cloned().collect::<Vec<Comment>>(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let start = Callback::new(move |text: String| post((map, live), &on.read_value(), None, text));
    let label = move || lang.get().fill(Text::CommentsOn, &[("name", &name.get())]);
    let names = move || {
        let names = mentionable(map, live);
        (!names.is_empty()).then(|| {
            let names = names.join(", ");
            lang.get().fill(Text::MentionNames, &[("names", &names)])
        })
    };
    view! {
        <section class="comments" aria-label=label>
            <h4>{tr(Text::Comments)}</h4>
            <Show when=move || threads.with(Vec::is_empty)>
                <p class="empty">{tr(Text::NoComments)}</p>
            </Show>
            <ol class="threads">
                // Keyed by everything shown: a comment changed here or elsewhere is drawn anew.
                <For each=move || threads.get()
                    key=|(c, r)| (c.clone().id, c.text.clone(), c.resolved, c.edited_at.clone(), r.len())
                    let((first, replies))>
                    <li class="thread">
                        <CommentItem comment=first replies=replies.len() />
                        <ol class="replies">
                            {replies.into_iter().map(|r| view! { <li><CommentItem comment=r replies=0 /></li> }).collect_view()}
                        </ol>
                    </li>
                </For>
            </ol>
            <CommentForm label=Text::NewComment submit=Text::PostComment on_post=start />
            <p class="hint">{tr(Text::CommentHint)} " " {names}</p>
        </section>
    }
}

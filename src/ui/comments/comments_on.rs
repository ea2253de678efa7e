use super::comment_form::CommentForm;
use super::comment_item::CommentItem;
use super::{contexts, mentionable, post};
use crate::i18n::Text;
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
    // The threads by id: each comment follows its own content, so that a thread changed
    // elsewhere does not take away a reply or an edit being typed here.
    let threads = Memo::new(move |_| {
        map.with(Part::Comments, |m| {
            m.threads_on(&on.read_value())
                .into_iter()
                .map(|(first, replies)| {
                    let replies: Vec<Id> = replies.into_iter().map(|r| r.id.clone()).collect();
                    (first.id.clone(), replies)
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
                <For each=move || threads.get().into_iter().map(|(first, _)| first) key=Id::clone let(first)>
                    {
                        let thread = first.clone();
                        let replies = move || {
                            threads.with(|t| t.iter().find(|(f, _)| *f == thread).map(|(_, r)| r.clone()))
                                .unwrap_or_default()
                        };
                        view! {
                            <li class="thread">
                                <CommentItem id=first />
                                <ol class="replies">
                                    <For each=replies key=Id::clone let(reply)>
                                        <li><CommentItem id=reply /></li>
                                    </For>
                                </ol>
                            </li>
                        }
                    }
                </For>
            </ol>
            <CommentForm label=Text::NewComment submit=Text::PostComment on_post=start />
            <p class="hint">{tr(Text::CommentHint)} " " {names}</p>
        </section>
    }
}

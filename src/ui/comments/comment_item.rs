use super::comment_form::CommentForm;
use super::{contexts, mentions, my_mark, post};
use crate::i18n::Text;
use crate::model::comments::Comment;
use crate::model::{CommentEdit, Edit, Id, Part};
use crate::ui::session::clock::{self, local_time};
use crate::ui::votes::refusal;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// One comment: who wrote it and when, its text (plain text, never markup), and what may be
/// done with it — a thread's first is answered, resolved and reopened; this browser's own is
/// edited and deleted. It follows the comment by its id, so that a reply or an edit from
/// elsewhere leaves a reply or an edit being typed here as it is.
#[component]
pub fn CommentItem(id: Id) -> impl IntoView {
    let (map, live) = contexts();
    let lang = use_lang();
    let id = StoredValue::new(id);
    let comment = Memo::new(move |_| {
        map.with(Part::Comments, |m| m.comment(&id.read_value()).cloned())
            .flatten()
    });
    let replies = Memo::new(move |_| {
        map.with(Part::Comments, |m| m.replies(&id.read_value()).len())
            .unwrap_or(0)
    });
    let read = move |f: fn(&Comment) -> bool| comment.with(|c| c.as_ref().is_some_and(f));
    let mark = my_mark(map);
    let mine = move || comment.with(|c| c.as_ref().is_some_and(|c| c.by == mark));
    let first = move || read(Comment::starts_thread);
    let resolved = move || read(|c| c.resolved);
    let deleted = move || read(Comment::is_deleted);
    let editing = RwSignal::new(false);
    let replying = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let apply = move |edit: CommentEdit| {
        let result = map.apply(Edit::Comment(edit));
        message.set(result.err().map(|e| refusal(&e, lang.get_untracked())));
    };
    let resolve = move |_| {
        apply(CommentEdit::Resolve {
            comment: id.get_value(),
            resolved: !resolved(),
        })
    };
    // With replies, a comment keeps its place in the thread: only its text goes.
    let delete = move |_| {
        apply(if replies.get_untracked() > 0 {
            CommentEdit::SetText {
                comment: id.get_value(),
                text: String::new(),
                mentions: Vec::new(),
                edited_at: Some(clock::now()),
            }
        } else {
            CommentEdit::Remove {
                comment: id.get_value(),
            }
        })
    };
    let save = Callback::new(move |text: String| {
        // Whoever it mentioned may be mentioned again, though they have left or been renamed.
        let had =
            comment.with_untracked(|c| c.as_ref().map(|c| c.mentions.clone()).unwrap_or_default());
        let mentions = mentions(map, live, &text, &had)?;
        let edit = CommentEdit::SetText {
            comment: id.get_value(),
            text,
            mentions,
            edited_at: Some(clock::now()),
        };
        map.apply(Edit::Comment(edit))
            .map(|_| editing.set(false))
            .map_err(|e| refusal(&e, lang.get_untracked()))
    });
    let answer = Callback::new(move |text: String| {
        let on = comment.with_untracked(|c| c.as_ref().map(|c| c.on.clone()));
        if let Some(on) = on {
            post((map, live), &on, Some(id.get_value()), text)?;
        }
        replying.set(false);
        Ok(())
    });
    let byline = move || {
        let lang = lang.get();
        comment.with(|c| {
            let c = c.as_ref()?;
            let who = if c.author.is_empty() {
                lang.t(Text::Unnamed).into()
            } else {
                c.author.clone()
            };
            let time = local_time(&c.at.as_str().into(), lang);
            Some(view! {
                // Isolated, so that a name in another script or with direction marks leaves the
                // time beside it as it is.
                <bdi>{who}</bdi> ", " {time}
            })
        })
    };
    let edited = move || read(|c| c.edited_at.is_some() && !c.is_deleted());
    let text = move || comment.with(|c| c.as_ref().map(|c| c.text.clone()).unwrap_or_default());
    view! {
        <article class="comment" class:resolved=resolved>
            <p class="comment-by">
                <strong>{byline}</strong>
                {move || edited().then(|| view! { " · " {tr(Text::CommentEdited)} })}
                {move || (first() && resolved()).then(|| view! { " · " <span class="resolved-chip">{tr(Text::ThreadResolved)}</span> })}
            </p>
            <Show when=move || !editing.get() fallback=move || view! {
                <CommentForm label=Text::CommentText submit=Text::SaveComment initial=text()
                    on_post=save on_cancel=Callback::new(move |()| editing.set(false)) />
            }>
                {move || if deleted() {
                    view! { <p class="comment-text deleted">{tr(Text::CommentDeleted)}</p> }.into_any()
                } else {
                    view! { <p class="comment-text">{text}</p> }.into_any()
                }}
            </Show>
            <div class="comment-actions">
                <Show when=first>
                    <button type="button" class="secondary" aria-expanded=move || replying.get().to_string()
                        on:click=move |_| replying.update(|r| *r = !*r)>{tr(Text::ReplyTo)}</button>
                    <button type="button" class="secondary" on:click=resolve>
                        {move || tr(if resolved() { Text::ReopenThread } else { Text::ResolveThread })}
                    </button>
                </Show>
                <Show when=move || mine() && !deleted()>
                    <button type="button" class="secondary" on:click=move |_| editing.set(true)>{tr(Text::EditComment)}</button>
                    <button type="button" class="secondary danger" on:click=delete>{tr(Text::DeleteComment)}</button>
                </Show>
            </div>
            <p class="form-problem" role="alert">{move || message.get()}</p>
            <Show when=move || replying.get()>
                <CommentForm label=Text::ReplyText submit=Text::PostReply on_post=answer />
            </Show>
        </article>
    }
}

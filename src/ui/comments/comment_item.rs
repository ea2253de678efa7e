use super::comment_form::CommentForm;
use super::{contexts, mentions, my_mark, post};
use crate::i18n::Text;
use crate::model::comments::Comment;
use crate::model::{CommentEdit, Edit};
use crate::ui::session::clock::{self, local_time};
use crate::ui::votes::refusal;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// One comment: who wrote it and when, its text (plain text, never markup), and what may be
/// done with it — a thread's first is answered, resolved and reopened; this browser's own is
/// edited and deleted.
#[component]
pub fn CommentItem(comment: Comment, replies: usize) -> impl IntoView {
    let (map, live) = contexts();
    let lang = use_lang();
    let mine = map
        .with_untracked(|m| my_mark(map, &m.id) == comment.by)
        .unwrap_or(false);
    let editing = RwSignal::new(false);
    let replying = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let id = StoredValue::new(comment.id.clone());
    let apply = move |edit: CommentEdit| {
        let result = map.apply(Edit::Comment(edit));
        message.set(result.err().map(|e| refusal(&e, lang.get_untracked())));
    };
    let resolved = comment.resolved;
    let resolve = move |_| {
        apply(CommentEdit::Resolve {
            comment: id.get_value(),
            resolved: !resolved,
        })
    };
    // With replies, a comment keeps its place in the thread: only its text goes.
    let delete = move |_| {
        apply(if replies > 0 {
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
        let mentions = mentions(map, live, &text)?;
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
    let on = StoredValue::new(comment.on.clone());
    let answer = Callback::new(move |text: String| {
        post((map, live), &on.read_value(), Some(id.get_value()), text)?;
        replying.set(false);
        Ok(())
    });
    let author = if comment.author.is_empty() {
        None
    } else {
        Some(comment.author.clone())
    };
    let at = StoredValue::new(comment.at.clone());
    let byline = move || {
        let lang = lang.get();
        let who = author
            .clone()
            .unwrap_or_else(|| lang.t(Text::Unnamed).into());
        let time = local_time(&at.read_value().as_str().into(), lang);
        lang.fill(Text::CommentBy, &[("author", &who), ("time", &time)])
    };
    let first = comment.starts_thread();
    let deleted = comment.is_deleted();
    let edited = comment.edited_at.is_some() && !deleted;
    let text = StoredValue::new(comment.text.clone());
    view! {
        <article class="comment" class:resolved=resolved>
            <p class="comment-by">
                <strong>{byline}</strong>
                {edited.then(|| view! { " · " {tr(Text::CommentEdited)} })}
                {(first && resolved).then(|| view! { " · " <span class="resolved-chip">{tr(Text::ThreadResolved)}</span> })}
            </p>
            <Show when=move || !editing.get() fallback=move || view! {
                <CommentForm label=Text::CommentText submit=Text::SaveComment initial=text.get_value()
                    on_post=save on_cancel=Callback::new(move |()| editing.set(false)) />
            }>
                {if deleted {
                    view! { <p class="comment-text deleted">{tr(Text::CommentDeleted)}</p> }.into_any()
                } else {
                    view! { <p class="comment-text">{text.get_value()}</p> }.into_any()
                }}
            </Show>
            <div class="comment-actions">
                {first.then(|| view! {
                    <button type="button" class="secondary" aria-expanded=move || replying.get().to_string()
                        on:click=move |_| replying.update(|r| *r = !*r)>{tr(Text::ReplyTo)}</button>
                    <button type="button" class="secondary" on:click=resolve>
                        {tr(if resolved { Text::ReopenThread } else { Text::ResolveThread })}
                    </button>
                })}
                {(mine && !deleted).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| editing.set(true)>{tr(Text::EditComment)}</button>
                    <button type="button" class="secondary danger" on:click=delete>{tr(Text::DeleteComment)}</button>
                })}
            </div>
            <p class="form-problem" role="alert">{move || message.get()}</p>
            <Show when=move || replying.get()>
                <CommentForm label=Text::ReplyText submit=Text::PostReply on_post=answer />
            </Show>
        </article>
    }
}

//! The comments' edits: a comment written or deleted, its text changed, its thread resolved or
//! reopened. Each returns its inverse, as every edit does; the rules they keep are
//! `model::comments`', shared with the reader and the live room.

use super::{check_room, EditError, Id, JourneyMap, Result};
use crate::model::comments::Comment;
use crate::model::limits;
use crate::model::workshop::Refusal;

#[derive(Clone, Debug, PartialEq)]
pub enum CommentEdit {
    /// Writes a comment (a thread's first, or a reply), or brings back one an undo took away.
    Insert { index: usize, comment: Comment },
    /// Deletes a comment without replies; one with replies keeps its place, its text emptied
    /// ([`CommentEdit::SetText`]).
    Remove { comment: Id },
    /// A comment's text and mentions, as edited at `edited_at` (none: as first written).
    SetText {
        comment: Id,
        text: String,
        mentions: Vec<String>,
        edited_at: Option<String>,
    },
    /// A thread resolved, or reopened.
    Resolve { comment: Id, resolved: bool },
}

impl CommentEdit {
    /// This edit with the place it inserts at brought within `map` as it is now.
    pub(super) fn fitted(self, map: &JourneyMap) -> CommentEdit {
        match self {
            CommentEdit::Insert { index, comment } => CommentEdit::Insert {
                index: index.min(map.comments.len()),
                comment,
            },
            other => other,
        }
    }
}

impl JourneyMap {
    pub(super) fn apply_to_comments(&mut self, edit: CommentEdit) -> Result<CommentEdit> {
        match edit {
            CommentEdit::Insert { index, comment } => {
                check_room(&self.comments, index, "comments", limits::COMMENTS)?;
                if comment.text.trim().is_empty() && self.replies(&comment.id).is_empty() {
                    return Err(Refusal::CommentEmpty.into());
                }
                comment.check()?;
                // A reply answers a thread's first comment on the same card or phase.
                if let Some(thread) = &comment.reply_to {
                    let first = self.comment(thread).ok_or(Refusal::Thread)?;
                    if !first.starts_thread() || first.on != comment.on {
                        return Err(Refusal::Thread.into());
                    }
                }
                self.check_new_ids(std::iter::once(comment.id.as_str()))?;
                let id = comment.id.clone();
                self.comments.insert(index, comment);
                Ok(CommentEdit::Remove { comment: id })
            }
            CommentEdit::Remove { comment } => {
                let index = self.comment_index(&comment)?;
                if !self.replies(&comment).is_empty() {
                    return Err(Refusal::HasReplies.into());
                }
                Ok(CommentEdit::Insert {
                    index,
                    comment: self.comments.remove(index),
                })
            }
            CommentEdit::SetText {
                comment,
                text,
                mentions,
                edited_at,
            } => {
                let index = self.comment_index(&comment)?;
                let mut changed = self.comments[index].clone();
                // Emptied, a comment is deleted: only one that replies keep in the thread.
                if text.trim().is_empty() && self.replies(&comment).is_empty() {
                    return Err(Refusal::CommentEmpty.into());
                }
                changed.text = text;
                changed.mentions = mentions;
                changed.edited_at = edited_at;
                changed.check()?;
                let old = std::mem::replace(&mut self.comments[index], changed);
                Ok(CommentEdit::SetText {
                    comment,
                    text: old.text,
                    mentions: old.mentions,
                    edited_at: old.edited_at,
                })
            }
            CommentEdit::Resolve { comment, resolved } => {
                let index = self.comment_index(&comment)?;
                let c = &mut self.comments[index];
                if !c.starts_thread() {
                    return Err(Refusal::Thread.into());
                }
                let old = std::mem::replace(&mut c.resolved, resolved);
                Ok(CommentEdit::Resolve {
                    comment,
                    resolved: old,
                })
            }
        }
    }

    fn comment_index(&self, id: &str) -> Result<usize> {
        self.comments
            .iter()
            .position(|c| c.id == id)
            .ok_or_else(|| EditError::NotFound(id.into()))
    }
}

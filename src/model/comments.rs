//! Comments on cards and phases: threads to write, answer, resolve and reopen, between
//! workshops and in a live session. The rules live here, so that an edit, an imported file and
//! a live room's update refuse the same things.

use super::values::is_rfc3339;
use super::workshop::Refusal;
use super::{limits, Id, JourneyMap};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// One comment: the first of a thread about a card or a phase, or a reply in that thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub id: Id,
    /// The card (touchpoint, KPI or lane card) or phase it is about. A thread stays when its
    /// card goes, so that nothing said is lost.
    pub on: Id,
    /// The first comment of the thread it answers; none where it starts a thread. Threads are
    /// one level deep, as in the peers: a reply to a reply joins the same thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<Id>,
    /// The name its writer gave.
    pub author: String,
    /// The writer's browser, as a mark that names no one: the app lets only that browser edit
    /// or delete it.
    pub by: String,
    /// Empty once deleted where replies hold the thread together.
    pub text: String,
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<String>,
    /// Set on a thread's first comment: the thread is settled.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resolved: bool,
    /// Who it mentions (a persona of the map, a participant of the session), each written in
    /// its text after an @.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<String>,
}

impl super::workshop::Fields for Comment {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "on",
        "reply_to",
        "author",
        "by",
        "text",
        "at",
        "edited_at",
        "resolved",
        "mentions",
    ];
}

impl Comment {
    pub fn starts_thread(&self) -> bool {
        self.reply_to.is_none()
    }

    /// The id of the thread it belongs to: its own, or the one it answers.
    pub fn thread(&self) -> &str {
        self.reply_to.as_deref().unwrap_or(&self.id)
    }

    pub fn is_deleted(&self) -> bool {
        self.text.is_empty()
    }

    /// What a comment must be on its own, wherever it comes from.
    pub fn check(&self) -> Result<(), Refusal> {
        let name_fits = |n: &str| n.chars().count() <= limits::NAME_CHARS;
        let fits = !self.id.is_empty()
            && !self.on.is_empty()
            && name_fits(&self.author)
            && name_fits(&self.by)
            && is_rfc3339(&self.at)
            && self.edited_at.as_deref().is_none_or(is_rfc3339)
            && (!self.resolved || self.starts_thread());
        if !fits {
            return Err(Refusal::Comment);
        }
        if limits::text_over(&self.text).is_some() {
            return Err(Refusal::CommentLength);
        }
        if self.mentions.len() > limits::MENTIONS
            || self
                .mentions
                .iter()
                .any(|m| m.trim().is_empty() || !name_fits(m) || !mentioned(&self.text, m))
        {
            return Err(Refusal::Mention);
        }
        Ok(())
    }
}

/// What follows each @ in `text` that starts a word: at the start, after a space or a mark
/// such as "(", not after a letter or digit (as in an e-mail address).
fn after_ats(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices('@').filter_map(|(at, _)| {
        let starts_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        starts_word.then(|| &text[at + 1..])
    })
}

/// How much of `rest` (what follows an @) names `name`: the whole name or its first words
/// ("@Sanne" for "Sanne, online shopper"), in any case, ending where a word ends ("@Bob" does
/// not name "Bo").
fn names_at(rest: &str, name: &str) -> Option<usize> {
    let name = name.trim();
    let word_ends = name
        .char_indices()
        .filter(|&(i, c)| i > 0 && !c.is_alphanumeric())
        .map(|(i, _)| i)
        .chain([name.len()]);
    word_ends
        .filter_map(|end| {
            let prefix = name[..end].trim_end_matches(|c: char| !c.is_alphanumeric());
            let written = rest.get(..prefix.len())?;
            let ends_word = rest[prefix.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            (!prefix.is_empty() && ends_word && written.to_lowercase() == prefix.to_lowercase())
                .then_some(prefix.len())
        })
        .max()
}

/// Whether `text` names `name` after an @ that starts a word.
pub fn mentioned(text: &str, name: &str) -> bool {
    after_ats(text).any(|rest| names_at(rest, name).is_some())
}

/// The words after an @ that starts a word in `text` that name none of `names`: mentions of no
/// one.
pub fn unknown_mentions<'a>(text: &'a str, names: &[&str]) -> Vec<&'a str> {
    after_ats(text)
        .filter(|rest| !names.iter().any(|n| names_at(rest, n).is_some()))
        .map(|rest| {
            let end = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|word| !word.is_empty())
        .collect()
}

/// Which of `names` `text` mentions, each once, by their whole name; where two fit one @, the
/// one that names more of what follows it ("Anna Bakker" rather than "Anna").
pub fn mentions_in(text: &str, names: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for rest in after_ats(text) {
        let best = names
            .iter()
            .filter_map(|n| names_at(rest, n).map(|len| (len, n.trim())))
            .max_by_key(|(len, _)| *len);
        if let Some((_, name)) = best {
            if !found.iter().any(|f| f == name) {
                found.push(name.to_owned());
            }
        }
    }
    found
}

impl JourneyMap {
    pub fn comment(&self, id: &str) -> Option<&Comment> {
        self.comments.iter().find(|c| c.id == id)
    }

    /// The threads on `on`, each its first comment and its replies, oldest first; a thread
    /// whose every comment was deleted is none.
    pub fn threads_on(&self, on: &str) -> Vec<(&Comment, Vec<&Comment>)> {
        self.comments
            .iter()
            .filter(|c| c.on == on && c.starts_thread())
            .map(|first| (first, self.replies(&first.id)))
            .filter(|(first, replies)| !first.is_deleted() || !replies.is_empty())
            .collect()
    }

    pub fn replies(&self, thread: &str) -> Vec<&Comment> {
        self.comments
            .iter()
            .filter(|c| c.reply_to.as_deref() == Some(thread))
            .collect()
    }

    /// What a thread is on, in words: its phase's name, and the card's text where it is on a
    /// card; none where that has been deleted.
    pub fn place_of(&self, on: &str) -> Option<(&str, Option<&str>)> {
        if let Some(phase) = self.phase(on) {
            return Some((&phase.name, None));
        }
        let (p, _) = self.position_of(on)?;
        let text = self
            .touchpoint(on)
            .map(|t| t.name.as_str())
            .or_else(|| self.kpi(on).map(|k| k.name.as_str()))
            .or_else(|| self.card(on).map(|c| c.text.as_str()));
        Some((&self.phases[p].name, text))
    }

    /// Whether `c` starts a thread that is open: not resolved, and not all deleted.
    pub fn is_open_thread(&self, c: &Comment) -> bool {
        c.starts_thread() && !c.resolved && (!c.is_deleted() || !self.replies(&c.id).is_empty())
    }

    /// How many threads on each card or phase are open.
    pub fn open_threads(&self) -> HashMap<&str, usize> {
        let mut open = HashMap::new();
        for c in self.comments.iter().filter(|c| self.is_open_thread(c)) {
            *open.entry(c.on.as_str()).or_default() += 1;
        }
        open
    }

    /// The names a comment may mention: the map's personas and `people` (the participants of a
    /// live session).
    pub fn mentionable<'a>(&'a self, people: &'a [String]) -> Vec<&'a str> {
        let personas = self.personas.iter().map(|p| p.name.trim());
        personas
            .chain(people.iter().map(|p| p.trim()))
            .filter(|n| !n.is_empty())
            .collect()
    }

    /// Whether `comments`, each already as [`Comment::check`] allows (the reader checks each
    /// where it reads it, to say which), keep the rules they keep together: at most
    /// [`limits::COMMENTS`], unique ids, and each reply answering a thread's first comment on
    /// the same card.
    pub fn check_comments(comments: &[Comment]) -> Result<(), Refusal> {
        if comments.len() > limits::COMMENTS {
            return Err(Refusal::Comment);
        }
        let mut firsts: HashMap<&str, &str> = HashMap::new();
        let mut ids = HashSet::new();
        for c in comments {
            if !ids.insert(c.id.as_str()) {
                return Err(Refusal::Comment);
            }
            if c.starts_thread() {
                firsts.insert(&c.id, &c.on);
            }
        }
        let answers_a_thread = |c: &Comment| {
            c.reply_to
                .as_deref()
                .is_none_or(|t| firsts.get(t) == Some(&c.on.as_str()))
        };
        if comments.iter().all(answers_a_thread) {
            Ok(())
        } else {
            Err(Refusal::Thread)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_is_a_name_after_an_at_that_starts_a_word() {
        assert!(mentioned("ask @Anna Bakker", "Anna Bakker"));
        assert!(mentioned("@Anna", "Anna"));
        assert!(mentioned("(@anna)", "Anna"), "any case, after a mark");
        assert!(
            mentioned("@Sanne, look", "Sanne, online shopper"),
            "by the first words"
        );
        assert!(!mentioned("mail anna@Anna.nl", "Anna"));
        assert!(!mentioned("Anna", "Anna"));
        assert!(!mentioned("@Bob", "Bo"), "a name ends where a word ends");
        assert!(!mentioned("@Annabel", "Anna"));
        let names = ["Anna", "Anna Bakker", "Bram", "Bo"];
        assert_eq!(
            mentions_in("@Anna Bakker and @Bram, not @Bram again", &names),
            vec!["Anna Bakker".to_owned(), "Bram".to_owned()]
        );
        assert_eq!(
            unknown_mentions("@Bram and @Nobody at x@y, \u{200f}@Bob (@Eve)", &names),
            vec!["Nobody", "Bob", "Eve"]
        );
        assert!(unknown_mentions("an @ alone", &names).is_empty());
    }
}

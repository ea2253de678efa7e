//! The workshop's edits: voting rounds, dots, scores and actions. Each returns its inverse, as
//! every edit does; the rules they keep are `model::workshop`'s, shared with the reader.

use super::{check_room, EditError, Id, JourneyMap, Part, Result};
use crate::model::workshop::{Action, Ballot, Refusal, Round, Score};
use crate::model::{limits, values::is_rfc3339, LaneCard};

#[derive(Clone, Debug, PartialEq)]
pub enum WorkshopEdit {
    /// Starts a round (without ballots), or brings back one that an undo took away.
    InsertRound {
        index: usize,
        round: Round,
    },
    RemoveRound {
        round: Id,
    },
    /// Ends a round at `ended_at`, revealing its totals; `None` opens it again (an undo).
    EndRound {
        round: Id,
        ended_at: Option<String>,
    },
    /// Puts `dots` of ballot `ballot` on `card`. The ballot is made by its first dot, with its
    /// `name` and `people`, which every vote sets again (a room's headcount may change), and
    /// goes with its last: who has voted is who has dots on a card.
    Vote {
        round: Id,
        ballot: Id,
        name: String,
        people: u32,
        card: Id,
        dots: u32,
    },
    SetScore {
        card: Id,
        score: Option<Score>,
    },
    SetAction {
        card: Id,
        action: Option<Action>,
    },
}

impl From<Refusal> for EditError {
    fn from(refusal: Refusal) -> Self {
        EditError::Workshop(refusal)
    }
}

/// A card's own workshop fields, wherever the card comes from.
pub(super) fn check_card(card: &LaneCard) -> Result<()> {
    if let Some(score) = card.score {
        score.check()?;
    }
    if let Some(action) = &card.action {
        check_action(action)?;
    }
    Ok(())
}

fn check_action(action: &Action) -> Result<()> {
    match limits::text_over(&action.owner) {
        Some(chars) => Err(EditError::TextLength(chars)),
        None => Ok(()),
    }
}

impl WorkshopEdit {
    pub fn touches(&self) -> Vec<Part> {
        match self {
            WorkshopEdit::InsertRound { .. }
            | WorkshopEdit::RemoveRound { .. }
            | WorkshopEdit::EndRound { .. }
            | WorkshopEdit::Vote { .. } => vec![Part::Rounds],
            WorkshopEdit::SetScore { card, .. } | WorkshopEdit::SetAction { card, .. } => {
                vec![Part::Item(card.clone())]
            }
        }
    }

    /// This edit with the place it inserts at brought within `map` as it is now.
    pub(super) fn fitted(self, map: &JourneyMap) -> WorkshopEdit {
        match self {
            WorkshopEdit::InsertRound { index, round } => WorkshopEdit::InsertRound {
                index: index.min(map.rounds.len()),
                round,
            },
            other => other,
        }
    }
}

impl JourneyMap {
    pub(super) fn apply_to_workshop(&mut self, edit: WorkshopEdit) -> Result<WorkshopEdit> {
        match edit {
            WorkshopEdit::InsertRound { index, round } => {
                check_room(&self.rounds, index, "voting rounds", limits::ROUNDS)?;
                round.check()?;
                if round.is_open() && self.open_round().is_some() {
                    return Err(Refusal::AnotherOpen.into());
                }
                let ids = std::iter::once(round.id.as_str())
                    .chain(round.ballots.iter().map(|b| b.id.as_str()));
                self.check_new_ids(ids)?;
                let id = round.id.clone();
                self.rounds.insert(index, round);
                Ok(WorkshopEdit::RemoveRound { round: id })
            }
            WorkshopEdit::RemoveRound { round } => {
                let index = self.round_index(&round)?;
                Ok(WorkshopEdit::InsertRound {
                    index,
                    round: self.rounds.remove(index),
                })
            }
            WorkshopEdit::EndRound { round, ended_at } => {
                let index = self.round_index(&round)?;
                match &ended_at {
                    Some(at) if !is_rfc3339(at) => return Err(Refusal::Settings.into()),
                    None if self.open_round().is_some_and(|r| r.id != round) => {
                        return Err(Refusal::AnotherOpen.into())
                    }
                    _ => {}
                }
                let old = std::mem::replace(&mut self.rounds[index].ended_at, ended_at);
                Ok(WorkshopEdit::EndRound {
                    round,
                    ended_at: old,
                })
            }
            WorkshopEdit::Vote {
                round,
                ballot,
                name,
                people,
                card,
                dots,
            } => self.vote(round, ballot, name, people, card, dots),
            WorkshopEdit::SetScore { card, score } => {
                if let Some(score) = score {
                    score.check()?;
                }
                let old = std::mem::replace(&mut self.card_mut(&card)?.score, score);
                Ok(WorkshopEdit::SetScore { card, score: old })
            }
            WorkshopEdit::SetAction { card, action } => {
                if let Some(action) = &action {
                    check_action(action)?;
                }
                let old = std::mem::replace(&mut self.card_mut(&card)?.action, action);
                Ok(WorkshopEdit::SetAction { card, action: old })
            }
        }
    }

    fn round_index(&self, id: &str) -> Result<usize> {
        self.rounds
            .iter()
            .position(|r| r.id == id)
            .ok_or_else(|| EditError::NotFound(id.into()))
    }

    fn vote(
        &mut self,
        round: Id,
        ballot: Id,
        name: String,
        people: u32,
        card: Id,
        dots: u32,
    ) -> Result<WorkshopEdit> {
        let r = self.round_index(&round)?;
        let in_round = match self.find_card(&card) {
            Some((_, lane, _)) => self.rounds[r].votes_on(lane),
            None => false,
        };
        let voted = &self.rounds[r];
        if !voted.is_open() {
            return Err(Refusal::Ended.into());
        }
        // Dots taken off a card that has since gone are let go.
        if dots > 0 && !in_round {
            return Err(Refusal::NotVotedOn.into());
        }
        let existing = voted.ballots.iter().position(|b| b.id == ballot);
        if existing.is_none() {
            if voted.ballots.len() >= limits::BALLOTS {
                return Err(EditError::TooMany {
                    what: "ballots per round",
                    max: limits::BALLOTS,
                });
            }
            self.check_new_ids(std::iter::once(ballot.as_str()))?;
        }
        let voted = &self.rounds[r];
        let old = existing.map(|b| voted.ballots[b].clone());
        let mut new = old.clone().unwrap_or_else(|| Ballot {
            id: ballot.clone(),
            name: String::new(),
            people,
            dots: Default::default(),
        });
        let had = new.dots.get(&card).copied().unwrap_or(0);
        new.name = name;
        new.people = people;
        if dots == 0 {
            new.dots.remove(&card);
        } else {
            new.dots.insert(card.clone(), dots);
        }
        // A dot taken back is always let go: if the room's headcount was lowered below what its
        // dots already need, the ballot keeps the headcount they were given with until they fit.
        if dots < had && voted.check_ballot(&new).is_err() {
            new.people = new.people.max(old.as_ref().map_or(people, |o| o.people));
        }
        voted.check_ballot(&new)?;
        let ballots = &mut self.rounds[r].ballots;
        match (existing, new.dots.is_empty()) {
            (Some(b), true) => {
                ballots.remove(b);
            }
            (Some(b), false) => ballots[b] = new,
            (None, true) => {}
            (None, false) => ballots.push(new),
        }
        let (name, people, dots) = match old {
            Some(old) => (
                old.name,
                old.people,
                old.dots.get(&card).copied().unwrap_or(0),
            ),
            None => (String::new(), people, 0),
        };
        Ok(WorkshopEdit::Vote {
            round,
            ballot,
            name,
            people,
            card,
            dots,
        })
    }
}

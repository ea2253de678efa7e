//! The edits of the whole journey around the phases: personas, lanes and their cards, votes and
//! a touchpoint's reach, one function each, called from `apply`'s match (which the compiler
//! holds to every edit). Each returns its inverse, as every edit does.

use super::{check_room, Edit, EditError, Id, JourneyMap, Result};
use crate::model::{limits, Color, Emotion, Lane, LaneCard, Persona, Phase, Reach, Severity};

/// Puts `card` at `index` among lane `lane`'s cards in `phase`.
pub(super) fn insert_card(
    lanes: &[Lane],
    phase: &mut Phase,
    lane: &str,
    index: usize,
    card: LaneCard,
) -> Result<()> {
    if !lanes.iter().any(|l| l.id == lane) {
        return Err(EditError::NotFound(lane.into()));
    }
    if phase.card_count() >= limits::CARDS_PER_PHASE {
        return Err(EditError::TooMany {
            what: "lane cards per phase",
            max: limits::CARDS_PER_PHASE,
        });
    }
    check_votes(card.votes)?;
    super::workshop::check_card(&card)?;
    let cards = phase.lane_cards(lane);
    if index > cards.len() {
        return Err(EditError::IndexOutOfRange(index));
    }
    phase
        .cards
        .entry(lane.to_owned())
        .or_default()
        .insert(index, card);
    Ok(())
}

/// Takes the card at `index` of lane `lane` out of `phase`; a lane left with none has no entry.
pub(super) fn take_card(phase: &mut Phase, lane: &str, index: usize) -> LaneCard {
    let cards = phase
        .cards
        .get_mut(lane)
        .expect("the caller found the card in this lane");
    let card = cards.remove(index);
    if cards.is_empty() {
        phase.cards.remove(lane);
    }
    card
}

fn check_votes(votes: u32) -> Result<()> {
    if votes > limits::VOTES {
        Err(EditError::TooManyVotes)
    } else {
        Ok(())
    }
}

impl JourneyMap {
    /// How many a touchpoint reaches.
    pub(super) fn set_reach(&mut self, touchpoint: Id, reach: Option<Reach>) -> Result<Edit> {
        let t = self.touchpoint_mut(&touchpoint)?;
        let old = std::mem::replace(&mut t.reach, reach);
        Ok(Edit::SetReach {
            touchpoint,
            reach: old,
        })
    }

    /// How one persona feels at a touchpoint.
    pub(super) fn set_persona_emotion(
        &mut self,
        touchpoint: Id,
        persona: Id,
        emotion: Option<Emotion>,
    ) -> Result<Edit> {
        if self.persona(&persona).is_none() {
            return Err(EditError::NotFound(persona));
        }
        let t = self.touchpoint_mut(&touchpoint)?;
        let old = match emotion {
            Some(e) => t.emotions.insert(persona.clone(), e),
            None => t.emotions.remove(&persona),
        };
        Ok(Edit::SetPersonaEmotion {
            touchpoint,
            persona,
            emotion: old,
        })
    }

    /// A persona's colour.
    pub(super) fn set_persona_color(&mut self, persona: Id, color: Color) -> Result<Edit> {
        let p = self.persona_mut(&persona)?;
        let old = std::mem::replace(&mut p.color, color);
        Ok(Edit::SetPersonaColor {
            persona,
            color: old,
        })
    }

    /// A persona, with its emotions at touchpoints.
    pub(super) fn insert_persona(
        &mut self,
        index: usize,
        persona: Persona,
        emotions: Vec<(Id, Emotion)>,
    ) -> Result<Edit> {
        check_room(&self.personas, index, "personas", limits::PERSONAS)?;
        self.check_new_ids(std::iter::once(persona.id.as_str()))?;
        for (touchpoint, _) in &emotions {
            self.touchpoint(touchpoint)
                .ok_or_else(|| EditError::NotFound(touchpoint.clone()))?;
        }
        let id = persona.id.clone();
        self.personas.insert(index, persona);
        for (touchpoint, emotion) in emotions {
            self.touchpoint_mut(&touchpoint)?
                .emotions
                .insert(id.clone(), emotion);
        }
        Ok(Edit::RemovePersona { persona: id })
    }

    /// A persona taken away, with its emotions.
    pub(super) fn remove_persona(&mut self, persona: Id) -> Result<Edit> {
        let index = self
            .personas
            .iter()
            .position(|p| p.id == persona)
            .ok_or_else(|| EditError::NotFound(persona.clone()))?;
        let removed = self.personas.remove(index);
        let emotions = self
            .phases
            .iter_mut()
            .flat_map(|p| &mut p.touchpoints)
            .filter_map(|t| Some((t.id.clone(), t.emotions.remove(&persona)?)))
            .collect();
        Ok(Edit::InsertPersona {
            index,
            persona: removed,
            emotions,
        })
    }

    /// A lane, with its cards by phase.
    pub(super) fn insert_lane(
        &mut self,
        index: usize,
        lane: Lane,
        cards: Vec<(Id, Vec<LaneCard>)>,
    ) -> Result<Edit> {
        check_room(&self.lanes, index, "lanes", limits::LANES)?;
        let card_ids = cards.iter().flat_map(|(_, c)| c).map(|c| c.id.as_str());
        self.check_new_ids(std::iter::once(lane.id.as_str()).chain(card_ids))?;
        for (phase, list) in &cards {
            let p = self.phase_index(phase)?;
            let count = self.phases[p].card_count() + list.len();
            if count > limits::CARDS_PER_PHASE {
                return Err(EditError::TooMany {
                    what: "lane cards per phase",
                    max: limits::CARDS_PER_PHASE,
                });
            }
            list.iter().try_for_each(|c| check_votes(c.votes))?;
        }
        let id = lane.id.clone();
        self.lanes.insert(index, lane);
        for (phase, list) in cards.into_iter().filter(|(_, l)| !l.is_empty()) {
            let p = self.phase_index(&phase)?;
            self.phases[p].cards.insert(id.clone(), list);
        }
        Ok(Edit::RemoveLane { lane: id })
    }

    /// A lane taken away, with its cards.
    pub(super) fn remove_lane(&mut self, lane: Id) -> Result<Edit> {
        let index = self.lane_index(&lane)?;
        let removed = self.lanes.remove(index);
        let cards = self
            .phases
            .iter_mut()
            .filter_map(|p| Some((p.id.clone(), p.cards.remove(&lane)?)))
            .collect();
        Ok(Edit::InsertLane {
            index,
            lane: removed,
            cards,
        })
    }

    /// A lane moved to `to`.
    pub(super) fn move_lane(&mut self, lane: Id, to: usize) -> Result<Edit> {
        let from = self.lane_index(&lane)?;
        if to >= self.lanes.len() {
            return Err(EditError::IndexOutOfRange(to));
        }
        let moved = self.lanes.remove(from);
        self.lanes.insert(to, moved);
        Ok(Edit::MoveLane { lane, to: from })
    }

    /// A lane shown or hidden.
    pub(super) fn show_lane(&mut self, lane: Id, shown: bool) -> Result<Edit> {
        let l = self.lane_mut(&lane)?;
        let old = std::mem::replace(&mut l.shown, shown);
        Ok(Edit::ShowLane { lane, shown: old })
    }

    /// A lane card moved to `index` among the cards of `lane` in `phase`.
    pub(super) fn move_card(&mut self, id: Id, phase: Id, lane: Id, index: usize) -> Result<Edit> {
        let (from_p, from_lane, from_i) = self
            .find_card(&id)
            .ok_or_else(|| EditError::NotFound(id.clone()))?;
        let from_lane = from_lane.clone();
        let to_p = self.phase_index(&phase)?;
        if self.lane(&lane).is_none() {
            return Err(EditError::NotFound(lane));
        }
        let same_list = to_p == from_p && lane == from_lane;
        let room = self.phases[to_p].lane_cards(&lane).len() - usize::from(same_list);
        if index > room {
            return Err(EditError::IndexOutOfRange(index));
        }
        if to_p != from_p && self.phases[to_p].card_count() >= limits::CARDS_PER_PHASE {
            return Err(EditError::TooMany {
                what: "lane cards per phase",
                max: limits::CARDS_PER_PHASE,
            });
        }
        let card = take_card(&mut self.phases[from_p], &from_lane, from_i);
        self.phases[to_p]
            .cards
            .entry(lane)
            .or_default()
            .insert(index, card);
        Ok(Edit::MoveCard {
            id,
            phase: self.phases[from_p].id.clone(),
            lane: from_lane,
            index: from_i,
        })
    }

    /// A pain point's severity.
    pub(super) fn set_severity(&mut self, card: Id, severity: Option<Severity>) -> Result<Edit> {
        let c = self.card_mut(&card)?;
        let old = std::mem::replace(&mut c.severity, severity);
        Ok(Edit::SetSeverity {
            card,
            severity: old,
        })
    }

    /// Votes without a round on a card.
    pub(super) fn set_votes(&mut self, card: Id, votes: u32) -> Result<Edit> {
        check_votes(votes)?;
        let c = self.card_mut(&card)?;
        let old = std::mem::replace(&mut c.votes, votes);
        Ok(Edit::SetVotes { card, votes: old })
    }

    fn lane_index(&self, id: &str) -> Result<usize> {
        self.lanes
            .iter()
            .position(|l| l.id == id)
            .ok_or_else(|| EditError::NotFound(id.into()))
    }

    pub(super) fn lane_mut(&mut self, id: &str) -> Result<&mut Lane> {
        let i = self.lane_index(id)?;
        Ok(&mut self.lanes[i])
    }

    pub(super) fn persona_mut(&mut self, id: &str) -> Result<&mut Persona> {
        self.personas
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or_else(|| EditError::NotFound(id.into()))
    }

    pub(super) fn card_mut(&mut self, id: &str) -> Result<&mut LaneCard> {
        let (p, lane, i) = self
            .find_card(id)
            .ok_or_else(|| EditError::NotFound(id.into()))?;
        let lane = lane.clone();
        Ok(&mut self.phases[p]
            .cards
            .get_mut(&lane)
            .expect("found in this lane")[i])
    }

    fn touchpoint_mut(&mut self, id: &str) -> Result<&mut crate::model::Touchpoint> {
        let (p, i) = self.locate(id, super::Kind::Touchpoint)?;
        Ok(&mut self.phases[p].touchpoints[i])
    }

    /// Refuses lane cards in lanes the map does not have, votes past the limit, scores out of
    /// range, and a
    /// persona's emotion for a persona it does not have: what an inserted phase or touchpoint
    /// may bring.
    pub(super) fn check_references(&self, phase: &Phase) -> Result<()> {
        for (lane, cards) in &phase.cards {
            if self.lane(lane).is_none() {
                return Err(EditError::NotFound(lane.clone()));
            }
            cards.iter().try_for_each(|c| {
                check_votes(c.votes)?;
                super::workshop::check_card(c)
            })?;
        }
        for t in &phase.touchpoints {
            self.check_persona_emotions(t)?;
        }
        Ok(())
    }

    pub(super) fn check_persona_emotions(&self, t: &crate::model::Touchpoint) -> Result<()> {
        match t.emotions.keys().find(|p| self.persona(p).is_none()) {
            Some(p) => Err(EditError::NotFound(Id::clone(p))),
            None => Ok(()),
        }
    }
}

//! Which charts an edit can change, so that a chart's data is worked out again only when what
//! it shows (its drawing or its data table) changed: typing a touchpoint's description redraws
//! nothing, renaming a phase reaches every chart.

use crate::model::{Edit, LibraryEdit, NumberField, Part, TextField, WorkshopEdit};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chart {
    Experience,
    Progress,
    /// A KPI's trend, and the list of KPIs to choose it from.
    Trend,
    Coverage,
    /// The plan's three charts: where the money goes, contact pressure, and votes per phase.
    Plan,
    /// The customer base's two charts: cohort retention, and customers per period with the
    /// forecast.
    Customers,
    /// The priority matrix: scored cards by value and effort.
    Priorities,
}

/// What kind of content an edit changes, as far as charts care.
#[derive(Clone, Copy, PartialEq)]
enum Content {
    /// Which phases, touchpoints and KPIs there are, and where.
    Structure,
    PhaseName,
    PhaseColor,
    TouchpointName,
    Channel,
    Emotion,
    KpiName,
    Unit,
    Direction,
    /// Baseline, target and measurements.
    Figures,
    /// The personas, their names and colours, and how each feels at each touchpoint.
    Persona,
    /// Costs, contacts, contact limits and the currency.
    PlanFigures,
    /// Votes on lane cards given without a round.
    Votes,
    /// Which lane cards there are, and which lane each is in.
    CardPlace,
    /// The order of the lanes.
    LaneOrder,
    /// The shop's customer base, as its order export gave it.
    CustomerBase,
    /// A lane card's text.
    CardText,
    /// Cards' scores.
    Scores,
    /// Texts no chart shows: descriptions, goals, owners, the map's own texts.
    Unshown,
}

fn content(edit: &Edit) -> Content {
    use TextField as F;
    match edit {
        Edit::SetText { field, .. } => match field {
            F::PhaseName(_) => Content::PhaseName,
            F::TouchpointName(_) => Content::TouchpointName,
            F::TouchpointChannel(_) => Content::Channel,
            F::KpiName(_) => Content::KpiName,
            F::KpiUnit(_) => Content::Unit,
            F::MapTitle
            | F::MapDescription
            | F::PhaseDescription(_)
            | F::PhaseGoal(_)
            | F::TouchpointDescription(_)
            | F::TouchpointOwner(_)
            | F::TouchpointTrigger(_)
            | F::PersonaDescription(_)
            | F::PersonaGoals(_)
            | F::PersonaFrustrations(_)
            | F::PersonaQuote(_)
            | F::LaneName(_) => Content::Unshown,
            F::CardText(_) => Content::CardText,
            F::PersonaName(_) => Content::Persona,
            F::MapCurrency => Content::PlanFigures,
        },
        Edit::SetPersonaColor { .. }
        | Edit::SetPersonaEmotion { .. }
        | Edit::InsertPersona { .. }
        | Edit::RemovePersona { .. } => Content::Persona,
        Edit::SetNumber {
            field: NumberField::Cost(_) | NumberField::Contacts(_) | NumberField::ContactLimit(_),
            ..
        } => Content::PlanFigures,
        Edit::InsertLane { .. } | Edit::RemoveLane { .. } | Edit::MoveCard { .. } => {
            Content::CardPlace
        }
        Edit::SetVotes { .. } => Content::Votes,
        // Scored cards in the map's order stand in the order of their lanes.
        Edit::MoveLane { .. } => Content::LaneOrder,
        Edit::SetReach { .. } | Edit::ShowLane { .. } | Edit::SetSeverity { .. } => {
            Content::Unshown
        }
        Edit::SetCustomerBase { .. } => Content::CustomerBase,
        Edit::Workshop(WorkshopEdit::SetScore { .. }) => Content::Scores,
        // Rounds and actions are shown in panels of their own, not in these charts.
        Edit::Workshop(
            WorkshopEdit::InsertRound { .. }
            | WorkshopEdit::RemoveRound { .. }
            | WorkshopEdit::EndRound { .. }
            | WorkshopEdit::Vote { .. }
            | WorkshopEdit::SetAction { .. },
        )
        | Edit::Comment(_) => Content::Unshown,
        Edit::SetColor { .. } => Content::PhaseColor,
        Edit::SetEmotion { .. } => Content::Emotion,
        Edit::SetDirection { .. } => Content::Direction,
        Edit::SetNumber {
            field: NumberField::Baseline(_) | NumberField::Target(_),
            ..
        }
        | Edit::InsertMeasurement { .. }
        | Edit::RemoveMeasurement { .. }
        | Edit::SetMeasurement { .. }
        | Edit::SetMeasurements { .. }
        | Edit::SetKpiKind { .. } => Content::Figures,
        Edit::InsertPhase { .. }
        | Edit::RemovePhase { .. }
        | Edit::MovePhase { .. }
        | Edit::InsertItem { .. }
        | Edit::RemoveItem { .. }
        | Edit::MoveItem { .. } => Content::Structure,
    }
}

impl Chart {
    pub const ALL: [Chart; 7] = [
        Chart::Experience,
        Chart::Progress,
        Chart::Trend,
        Chart::Coverage,
        Chart::Plan,
        Chart::Customers,
        Chart::Priorities,
    ];

    /// What this chart shows, as the functions in [`super::data`] read it.
    fn shows(self, content: Content) -> bool {
        use Content as C;
        match self {
            Chart::Experience => matches!(
                content,
                C::Structure
                    | C::PhaseName
                    | C::PhaseColor
                    | C::TouchpointName
                    | C::Emotion
                    | C::Persona
            ),
            Chart::Progress => matches!(
                content,
                C::Structure | C::PhaseName | C::KpiName | C::Direction | C::Figures
            ),
            Chart::Trend => matches!(
                content,
                C::Structure | C::PhaseName | C::KpiName | C::Unit | C::Figures
            ),
            Chart::Coverage => matches!(content, C::Structure | C::PhaseName | C::Channel),
            Chart::Plan => matches!(
                content,
                C::Structure
                    | C::PhaseName
                    | C::PhaseColor
                    | C::Direction
                    | C::Figures
                    | C::PlanFigures
                    | C::Votes
                    | C::CardPlace
            ),
            Chart::Customers => matches!(content, C::CustomerBase),
            Chart::Priorities => matches!(
                content,
                C::Structure | C::CardPlace | C::LaneOrder | C::CardText | C::Scores
            ),
        }
    }

    /// Whether `edit` can change what this chart shows. A whole map added, removed or
    /// replaced changes every chart of it.
    pub fn follows(self, edit: &LibraryEdit) -> bool {
        match edit {
            LibraryEdit::Map { edit, .. } => self.shows(content(edit)),
            // Charts follow the parts it changed: the map's texts and the voting rounds alone
            // are in none of them.
            LibraryEdit::UpdateMap { parts, .. } => parts.iter().any(|p| match self {
                Chart::Customers => *p == Part::CustomerBase,
                _ => !matches!(p, Part::MapTexts | Part::CustomerBase | Part::Rounds),
            }),
            LibraryEdit::InsertMap { .. }
            | LibraryEdit::RemoveMap { .. }
            | LibraryEdit::ReplaceMap { .. } => true,
        }
    }
}

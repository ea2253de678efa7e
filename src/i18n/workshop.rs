//! The texts of the workshop's decisions: voting rounds, scores, the priority matrix and
//! actions.

use super::Text;

texts! {
    ExpectedRound => "a voting round: 1 to 99 dots per person, at most that many per card, 1 to 180 minutes, at least one lane, and each ballot within its dots", "een stemronde: 1 tot 99 stippen per persoon, hoogstens zoveel per kaart, 1 tot 180 minuten, minstens één baan, en elk stembiljet binnen zijn stippen";
    ExpectedScore => "a score: customer value, business value and effort, each a whole number from 1 to 5", "een score: klantwaarde, bedrijfswaarde en moeite, elk een heel getal van 1 tot 5";
    ExpectedAction => "an action: an owner's name and, if any, a due date (YYYY-MM-DD)", "een actie: de naam van een eigenaar en eventueel een datum (JJJJ-MM-DD)";
    ProblemRoundsOpen => "more than one voting round is open; a map has at most one open round", "meer dan één stemronde is open; een kaart heeft hoogstens één open ronde";
}

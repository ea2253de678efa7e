//! The texts of a live session's facilitator and what the others see of them.

use super::Text;

texts! {
    RefusedFacilitatorOnly => "Only the facilitator starts and ends voting rounds in a live session.", "Alleen de facilitator start en beëindigt stemrondes in een live sessie.";
    RefusedLocked => "The facilitator has locked the map: you can vote and comment.", "De facilitator heeft de kaart vergrendeld: je kunt stemmen en reageren.";
    FacilitatedBy => "Facilitated by {name}", "Begeleid door {name}";
    YouFacilitate => "You are facilitating this session.", "Jij begeleidt deze sessie.";
    FacilitatorTools => "Facilitator", "Facilitator";
    LockMap => "Lock the map (the others can only vote and comment)", "Kaart vergrendelen (de anderen kunnen alleen stemmen en reageren)";
    MapLocked => "The map is locked: you can vote and comment.", "De kaart is vergrendeld: je kunt stemmen en reageren.";
    LeadRoom => "Everyone follows me (to the card I open)", "Iedereen volgt mij (naar de kaart die ik open)";
    BringHere => "Bring everyone to this phase", "Iedereen naar deze fase brengen";
    Following => "You follow {name}.", "Je volgt {name}.";
    StopFollowing => "Stop following", "Niet meer volgen";
    FollowAgain => "Follow {name}", "{name} volgen";
    TimerByFacilitator => "The facilitator runs the timer.", "De facilitator bedient de timer.";
    EndForAll => "End the session for everyone", "Sessie voor iedereen beëindigen";
    EndForAllConfirm => "End the live session for everyone? Everyone keeps a copy of the map.", "De live sessie voor iedereen beëindigen? Iedereen houdt een kopie van de kaart.";
    SessionEndedBefore => "{name} has ended this live session.", "{name} heeft deze live sessie beëindigd.";
    SessionEnded => "{name} ended the live session. Your copy of the map stays here.", "{name} heeft de live sessie beëindigd. Je kopie van de kaart blijft hier.";
    ControlRefused => "Someone who does not lead the session changed how it is run (the lock, the timer, following or its end); it was put back.", "Iemand die de sessie niet begeleidt, veranderde hoe ze verloopt (vergrendeling, timer, volgen of het einde); dat is teruggezet.";
    RoundsByFacilitator => "The facilitator starts and ends the voting rounds.", "De facilitator start en beëindigt de stemrondes.";
}

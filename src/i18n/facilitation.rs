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
    EndForAllConfirm => "End the live session for everyone? Everyone keeps a copy of the map; the server deletes its copy and its links stop working.", "De live sessie voor iedereen beëindigen? Iedereen houdt een kopie van de kaart; de server wist zijn kopie en de links werken niet meer.";
    RenewLinks => "Make new links (the current ones stop working)", "Nieuwe links maken (de huidige werken niet meer)";
    RenewLinksConfirm => "Make new links? Everyone in the session is let go and comes back only with a new link.", "Nieuwe links maken? Iedereen in de sessie valt eruit en komt alleen met een nieuwe link weer binnen.";
    RefusedWatching => "You are watching this session: nothing can be changed from here.", "Je kijkt mee met deze sessie: hier kan niets gewijzigd worden.";
    LiveWatching => "Watching: every change reaches you; nothing can be changed from here.", "Meekijken: elke wijziging komt binnen; hier kan niets gewijzigd worden.";
    LiveWatchLink => "Watch link (sees everything, changes nothing)", "Meekijklink (ziet alles, wijzigt niets)";
    LiveWatchQrAlt => "QR code of the watch link", "QR-code van de meekijklink";
    LiveWatchHeading => "Watch a live session", "Meekijken met een live sessie";
    LiveWatch => "Watch", "Meekijken";
    LiveKeyRefused => "This link no longer opens the session: the facilitator ended it or made new links. Ask them for the current link.", "Deze link opent de sessie niet meer: de facilitator heeft haar beëindigd of nieuwe links gemaakt. Vraag om de actuele link.";
    LiveTooManyRooms => "The session server starts no more sessions from this address this hour. Try again later.", "De sessieserver start dit uur geen sessies meer vanaf dit adres. Probeer het later opnieuw.";
    LiveNoRoom => "There is no such session on this server: the link may be incomplete, or the session was removed after a long time unused.", "Deze sessie bestaat niet op deze server: de link is misschien onvolledig, of de sessie is na lange tijd zonder gebruik verwijderd.";
    LiveUpdateTooLarge => "The session server refused a change larger than it takes, and let this browser go: you are out of the session, and your map stays here as it is.", "De sessieserver weigerde een wijziging die groter is dan hij aanneemt, en liet deze browser gaan: je bent uit de sessie, en je klantreis blijft hier zoals hij is.";
    LiveUpdateUnsafe => "The session server refused a change it cannot take in safely, and let this browser go: you are out of the session, and your map stays here as it is.", "De sessieserver weigerde een wijziging die hij niet veilig kan verwerken, en liet deze browser gaan: je bent uit de sessie, en je klantreis blijft hier zoals hij is.";
    OwnerOffline => "The connection to the session server is lost: new links and ending the session need it. Try again when it is back.", "De verbinding met de sessieserver is weg: nieuwe links en het beëindigen van de sessie hebben haar nodig. Probeer het opnieuw als ze terug is.";
    KeptBeforeJoining => "Your copy before the live session", "Jouw kopie van vóór de live sessie";
    KeptBeforeJoiningSaid => "Your copy of this map differed from the session's, which now takes its place: yours is kept under Versions as “{name}”.", "Jouw kopie van deze klantreis verschilde van die van de sessie, die nu haar plaats inneemt: de jouwe is bewaard bij Versies als “{name}”.";
    LiveNoAnswer => "No answer yet: the session server may be unreachable, or the session has no map yet. Check the link, or ask the facilitator.", "Nog geen antwoord: de sessieserver is misschien onbereikbaar, of de sessie heeft nog geen klantreis. Controleer de link, of vraag het de facilitator.";
    LiveNoKey => "This link has no valid key (links made before sessions had keys no longer work): ask the facilitator for a new link.", "Deze link heeft geen geldige sleutel (links van vóór de sleutels werken niet meer): vraag de facilitator om een nieuwe link.";
    SessionEndedBefore => "{name} has ended this live session.", "{name} heeft deze live sessie beëindigd.";
    SessionEnded => "{name} ended the live session. Your copy of the map stays here.", "{name} heeft de live sessie beëindigd. Je kopie van de kaart blijft hier.";
    ControlRefused => "Someone who does not lead the session changed how it is run (the lock, the timer, following or its end); it was put back.", "Iemand die de sessie niet begeleidt, veranderde hoe ze verloopt (vergrendeling, timer, volgen of het einde); dat is teruggezet.";
    RoundsByFacilitator => "The facilitator starts and ends the voting rounds.", "De facilitator start en beëindigt de stemrondes.";
}

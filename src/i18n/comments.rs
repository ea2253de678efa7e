//! The texts of comments on cards and phases.

use super::Text;

texts! {
    ExpectedComment => "a comment: an id, what it is on, its writer and time (RFC 3339), a text of at most 20,000 characters, and only names after an @ in its mentions", "een opmerking: een id, waar ze bij hoort, schrijver en tijd (RFC 3339), een tekst van hoogstens 20.000 tekens, en alleen namen na een @ als vermeldingen";
    ProblemCommentThreads => "a reply answers no thread on its card or phase, or there are more than 2,000 comments", "een antwoord hoort bij geen draad op zijn kaart of fase, of er zijn meer dan 2.000 opmerkingen";
    Comments => "Comments", "Opmerkingen";
    CommentsOn => "Comments: {name}", "Opmerkingen: {name}";
    NewComment => "New comment", "Nieuwe opmerking";
    CommentText => "Comment", "Opmerking";
    ReplyText => "Reply", "Antwoord";
    CommentHint => "Type @ and a name to mention a persona or a participant.", "Typ @ en een naam om een persona of deelnemer te vermelden.";
    MentionNames => "Names you can mention: {names}", "Namen die je kunt vermelden: {names}";
    YourCommentName => "Your name", "Je naam";
    PostComment => "Post comment", "Opmerking plaatsen";
    PostReply => "Post reply", "Antwoord plaatsen";
    ReplyTo => "Reply", "Antwoorden";
    EditComment => "Edit", "Bewerken";
    SaveComment => "Save", "Opslaan";
    CancelComment => "Cancel", "Annuleren";
    DeleteComment => "Delete", "Verwijderen";
    ResolveThread => "Resolve", "Afhandelen";
    ReopenThread => "Reopen", "Heropenen";
    ThreadResolved => "resolved", "afgehandeld";
    CommentEdited => "edited", "bewerkt";
    CommentDeleted => "This comment was deleted.", "Deze opmerking is verwijderd.";
    CommentBy => "{author}, {time}", "{author}, {time}";
    Unnamed => "someone", "iemand";
    OpenCommentOne => "1 open comment", "1 open opmerking";
    OpenComments => "{n} open comments", "{n} open opmerkingen";
    NoComments => "No comments yet.", "Nog geen opmerkingen.";
    OpenThreads => "Open comments", "Open opmerkingen";
    NoOpenThreads => "No open comments on this map.", "Geen open opmerkingen op deze kaart.";
    ThreadReplies => "{n} replies", "{n} antwoorden";
    ThreadReplyOne => "1 reply", "1 antwoord";
    GoToCard => "Go to it", "Ernaartoe";
    OnGoneCard => "a card since deleted", "een kaart die intussen is verwijderd";
    RefusedCommentEmpty => "Write something first.", "Schrijf eerst iets.";
    RefusedCommentLength => "A comment has at most 20,000 characters.", "Een opmerking heeft hoogstens 20.000 tekens.";
    RefusedMention => "No persona or participant is called “{name}”: mention one of them, or leave out the @.", "Geen persona of deelnemer heet „{name}”: vermeld een van hen, of laat de @ weg.";
    RefusedMentionAny => "A comment mentions only personas and participants, by their name after an @.", "Een opmerking vermeldt alleen persona's en deelnemers, met hun naam na een @.";
    RefusedThread => "This thread is no longer there.", "Deze draad is er niet meer.";
    RefusedHasReplies => "This comment has replies: empty its text instead, and the thread stays.", "Deze opmerking heeft antwoorden: maak de tekst leeg, dan blijft de draad.";
    RefusedReplaced => "Something on the map was written over by something else with its id.", "Iets op de kaart is overschreven door iets anders met hetzelfde id.";
    RefusedCommentMeta => "This comment cannot be kept: its name is longer than 100 characters, or the map holds 2,000 comments already.", "Deze opmerking kan niet worden bewaard: de naam is langer dan 100 tekens, of de kaart heeft al 2.000 opmerkingen.";
    IncludeComments => "Include the comments", "Opmerkingen meesturen";
}

//! The two languages of the interface. Every text a user sees is a [`Text`], written in both.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Nl,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// The interface language for a BCP 47 tag such as the browser's `nl-BE`; English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("nl") {
            Lang::Nl
        } else {
            Lang::En
        }
    }

    /// "1 phase · 3 touchpoints · 0 KPIs": what a map holds, for lists and previews.
    pub fn counts(self, phases: usize, touchpoints: usize, kpis: usize) -> String {
        let count = |n: usize, one: Text, many: Text| {
            format!("{n} {}", self.t(if n == 1 { one } else { many }))
        };
        format!(
            "{} · {} · {}",
            count(phases, Text::PhaseOne, Text::Phases),
            count(touchpoints, Text::TouchpointOne, Text::Touchpoints),
            count(kpis, Text::Kpi, Text::Kpis)
        )
    }

    /// `text` with each `{name}` in it replaced by the value given for `name`. Values are put in
    /// as they are, in one pass, so text from a file can never fill in a placeholder itself.
    pub fn fill(self, text: Text, values: &[(&str, &str)]) -> String {
        let mut out = String::new();
        let mut rest = self.t(text);
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let named = after.find('}').and_then(|close| {
                Some((values.iter().find(|(n, _)| *n == &after[..close])?, close))
            });
            match named {
                Some(((_, value), close)) => {
                    out.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// "KPIs: 2 on track, 1 behind, 0 without data", from those three counts.
    pub fn kpi_summary(self, [on_track, behind, none]: [usize; 3]) -> String {
        let n = |n: usize| n.to_string();
        self.fill(
            Text::PhaseKpiSummary,
            &[
                ("on_track", &n(on_track)),
                ("behind", &n(behind)),
                ("none", &n(none)),
            ],
        )
    }

    /// "1 vote", "3 votes".
    pub fn votes(self, n: u32) -> String {
        self.count(n, Text::VoteOne, Text::VotesCount)
    }

    /// `one` for 1, else `many` with `n` filled in.
    pub fn count<N>(self, n: N, one: Text, many: Text) -> String
    where
        N: PartialEq + From<u8> + std::fmt::Display,
    {
        if n == N::from(1) {
            self.t(one).into()
        } else {
            self.fill(many, &[("n", &n.to_string())])
        }
    }

    pub fn t(self, text: Text) -> &'static str {
        let [en, nl] = text.0;
        match self {
            Lang::En => en,
            Lang::Nl => nl,
        }
    }
}

/// A text in both languages. Each is its own pair of constant strings rather than a variant of
/// one enum looked up in one table: a table of every text would be reachable from the first
/// screen and put all of them in its part of the wasm. Now each text is where the code that
/// shows it is (issue 16: 11 KB gzipped of texts the first screen never shows).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Text(&'static [&'static str; 2]);

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0[0])
    }
}

macro_rules! texts {
    ($($name:ident => $en:literal, $nl:literal;)*) => {
        // Named like the enum's variants they were, so each reads as one of a closed set.
        #[allow(non_upper_case_globals)]
        impl Text {
            $(pub const $name: Text = Text(&[$en, $nl]);)*
        }

        #[cfg(test)]
        pub(crate) const ALL: &[Text] = &[$(Text::$name),*];
    };
}

// The loyalty analytics' texts, the customer base's, the workshop's, the comments' and the
// facilitator's, in files of their own.
mod comments;
mod customers;
mod facilitation;
mod loyalty;
mod workshop;

texts! {
    AppName => "Journey Mapper", "Journey Mapper";
    Language => "Language", "Taal";
    YourMaps => "Your journey maps", "Je klantreizen";
    NoMapsYet => "No maps yet. Give your first customer journey a title to start.", "Nog geen klantreizen. Geef je eerste klantreis een titel om te beginnen.";
    NewMapTitle => "Title of a new map", "Titel van een nieuwe klantreis";
    CreateMap => "Create map", "Klantreis maken";
    UntitledMap => "Untitled journey", "Naamloze klantreis";
    Rename => "Rename", "Hernoemen";
    Delete => "Delete", "Verwijderen";
    MapTitle => "Map title", "Titel van de klantreis";
    Phases => "phases", "fases";
    PhaseOne => "phase", "fase";
    Touchpoints => "touchpoints", "contactmomenten";
    TouchpointOne => "touchpoint", "contactmoment";
    Kpis => "KPIs", "KPI's";
    LastEdit => "Last edit", "Laatst bewerkt";
    Never => "never", "nooit";
    BackToMaps => "All maps", "Alle klantreizen";
    PhasesHeading => "Phases of the journey", "Fases van de klantreis";
    NoPhasesYet => "No phases yet. Add the first step your customer takes.", "Nog geen fases. Voeg de eerste stap van je klant toe.";
    PhaseName => "Phase name", "Naam van de fase";
    NewPhaseName => "Name of a new phase", "Naam van een nieuwe fase";
    AddPhase => "Add phase", "Fase toevoegen";
    MapNotFound => "This map does not exist (any more).", "Deze klantreis bestaat niet (meer).";
    TitleNeeded => "A title needs 1 to 200 characters; the last valid title is kept.", "Een titel heeft 1 tot 200 tekens nodig; de laatste geldige titel blijft bewaard.";
    MemoryOnly => "Memory only: this browser does not let the app store data, so maps last only while this tab is open. Export them to keep them.", "Alleen in geheugen: deze browser laat de app geen gegevens bewaren, dus klantreizen blijven alleen zolang dit tabblad open is. Exporteer ze om ze te bewaren.";
    QuotaFull => "The browser's storage is full: your latest changes are kept in this tab but not saved. Export your maps to keep them safe; saving is retried automatically.", "De opslag van de browser is vol: je laatste wijzigingen staan in dit tabblad maar zijn niet opgeslagen. Exporteer je klantreizen om ze veilig te stellen; opslaan wordt automatisch opnieuw geprobeerd.";
    SaveFailed => "Saving failed: your latest changes are kept in this tab but not saved. Export your maps to keep them safe; saving is retried automatically.", "Opslaan is mislukt: je laatste wijzigingen staan in dit tabblad maar zijn niet opgeslagen. Exporteer je klantreizen om ze veilig te stellen; opslaan wordt automatisch opnieuw geprobeerd.";
    BlockedMap => "A newer version of the app has saved some of these maps, so this tab will not write over them. Reload the page to get the newer version; export this tab's maps first to keep its changes.", "Een nieuwere versie van de app heeft sommige van deze klantreizen opgeslagen, dus dit tabblad schrijft er niet overheen. Laad de pagina opnieuw voor de nieuwere versie; exporteer eerst de klantreizen van dit tabblad om de wijzigingen te bewaren.";
    NewerData => "Some maps were saved by a newer version of the app and are left untouched. Reload the page to get the newer version.", "Sommige klantreizen zijn opgeslagen door een nieuwere versie van de app en blijven onaangeroerd. Laad de pagina opnieuw om de nieuwere versie te krijgen.";
    NewVersionReady => "A new version of Journey Mapper is ready. Reload to use it; your maps are saved first.", "Er staat een nieuwe versie van Journey Mapper klaar. Laad opnieuw om die te gebruiken; je klantreizen worden eerst opgeslagen.";
    ReloadNow => "Reload now", "Nu opnieuw laden";
    ExportBeforeReload => "Your latest changes are not saved and a reload would lose them: export your maps first, then reload.", "Je laatste wijzigingen zijn niet opgeslagen en zouden bij opnieuw laden verloren gaan: exporteer eerst je klantreizen en laad dan opnieuw.";
    Present => "Present", "Presenteren";
    LeavePresentation => "Leave presentation (Esc)", "Presentatie verlaten (Esc)";
    WholeJourney => "The whole journey", "De hele klantreis";
    Slides => "Slides", "Dia's";
    PreviousPhase => "Previous phase: {name}", "Vorige fase: {name}";
    NextPhase => "Next phase: {name}", "Volgende fase: {name}";
    PhaseOf => "Phase {n} of {count}: {name}", "Fase {n} van {count}: {name}";
    PreviousSlide => "Previous", "Vorige";
    NextSlide => "Next", "Volgende";
    WorkshopTimer => "Workshop timer", "Workshoptimer";
    TimeLeft => "Time left", "Resterende tijd";
    TimerMinutes => "Minutes", "Minuten";
    Start => "Start", "Start";
    Pause => "Pause", "Pauze";
    Resume => "Resume", "Verder";
    Reset => "Reset", "Terugzetten";
    TimeIsUp => "Time is up.", "De tijd is om.";
    BackupDue => "Browsers can clear stored data without asking. Changes to these maps have not been exported for 3 days or more; download a copy to keep them safe:", "Browsers kunnen opgeslagen gegevens zonder te vragen wissen. Wijzigingen in deze klantreizen zijn al 3 dagen of langer niet geëxporteerd; download een kopie om ze veilig te bewaren:";
    RemindTomorrow => "Remind me tomorrow", "Morgen herinneren";
    NewerAppRunning => "Journey Mapper was updated in another tab. This tab still runs the older version and has stopped saving, so it cannot overwrite what the newer one stored. Reload to continue; export first to keep changes made here since.", "Journey Mapper is in een ander tabblad bijgewerkt. Dit tabblad draait nog de oudere versie en slaat niets meer op, zodat het niet kan overschrijven wat de nieuwere versie bewaarde. Laad opnieuw om verder te gaan; exporteer eerst om wijzigingen van hier te bewaren.";
    ExportAll => "Export all maps", "Alle klantreizen exporteren";
    DamagedEntries => "Some stored data could not be read. It has been set aside unchanged; download it to keep or repair it.", "Sommige opgeslagen gegevens konden niet worden gelezen. Ze zijn onveranderd apart gezet; download ze om ze te bewaren of te herstellen.";
    SetAsideOn => "set aside on", "apart gezet op";
    TechnicalDetails => "Technical details", "Technische details";
    DownloadRaw => "Download damaged data", "Beschadigde gegevens downloaden";
    StorageUsed => "Stored maps use", "Opgeslagen klantreizen gebruiken";
    StorageOfAbout => "of about 10 MB browser storage", "van ongeveer 10 MB browseropslag";
    Persisted => "The browser keeps this data when space runs low.", "De browser bewaart deze gegevens als de ruimte opraakt.";
    NotPersisted => "The browser may clear this data when space runs low: export maps you care about.", "De browser kan deze gegevens wissen als de ruimte opraakt: exporteer klantreizen die je wilt houden.";
    Undo => "Undo", "Ongedaan maken";
    Redo => "Redo", "Opnieuw";
    Deleted => "Deleted", "Verwijderd";
    LargerText => "Larger text", "Grotere tekst";
    SearchMaps => "Search maps by title", "Klantreizen zoeken op titel";
    NoSearchResults => "No map has that in its title.", "Geen klantreis heeft dat in de titel.";
    Duplicate => "Duplicate", "Dupliceren";
    CopyOf => "Copy of", "Kopie van";
    StartFrom => "Start from", "Beginnen met";
    KeyboardHint => "Tip: arrow keys go from card to card and Enter opens one; Alt + arrow keys move the card or phase you are in; Ctrl + Z undoes.", "Tip: met de pijltjestoetsen ga je van kaart naar kaart en Enter opent er een; Alt + pijltjestoetsen verplaatsen de kaart of fase waarin je zit; Ctrl + Z maakt ongedaan.";
    Phase => "Phase", "Fase";
    PhaseGoal => "Goal / message", "Doel / boodschap";
    Description => "Description", "Beschrijving";
    PhaseColor => "Colour", "Kleur";
    MoveLeft => "Move left", "Naar links";
    MoveRight => "Move right", "Naar rechts";
    MoveUp => "Move up", "Omhoog";
    MoveDown => "Move down", "Omlaag";
    MoveToPreviousPhase => "Move to previous phase", "Naar vorige fase";
    MoveToNextPhase => "Move to next phase", "Naar volgende fase";
    DeletePhase => "Delete phase", "Fase verwijderen";
    TouchpointsHeading => "Touchpoints", "Contactmomenten";
    Touchpoint => "Touchpoint", "Contactmoment";
    AddTouchpoint => "Add touchpoint", "Contactmoment toevoegen";
    NewTouchpoint => "New touchpoint", "Nieuw contactmoment";
    TouchpointName => "Touchpoint name", "Naam van het contactmoment";
    Channel => "Channel", "Kanaal";
    Owner => "Owner", "Eigenaar";
    Emotion => "Emotion", "Emotie";
    NotRated => "not rated", "niet beoordeeld";
    VeryNegative => "very negative", "zeer negatief";
    Negative => "negative", "negatief";
    Neutral => "neutral", "neutraal";
    Positive => "positive", "positief";
    VeryPositive => "very positive", "zeer positief";
    DeleteTouchpoint => "Delete touchpoint", "Contactmoment verwijderen";
    KpisHeading => "KPIs", "KPI's";
    Kpi => "KPI", "KPI";
    AddKpi => "Add KPI", "KPI toevoegen";
    NewKpi => "New KPI", "Nieuwe KPI";
    NewCard => "New card", "Nieuwe kaart";
    LaneDoes => "Does", "Doet";
    LaneThinks => "Thinks and asks", "Denkt en vraagt";
    LanePainPoints => "Pain points", "Pijnpunten";
    LaneOpportunities => "Opportunities", "Kansen";
    LaneBackstage => "Backstage", "Achter de schermen";
    LaneUnnamed => "Lane", "Baan";
    LaneCard => "Card", "Kaart";
    CardText => "Text", "Tekst";
    AddCardTo => "Add a card to {lane}", "Kaart toevoegen aan {lane}";
    DeleteCard => "Delete card", "Kaart verwijderen";
    Severity => "Severity", "Ernst";
    SeverityNone => "Not rated", "Niet beoordeeld";
    Severity1 => "1 — a nuisance", "1 — hinderlijk";
    Severity2 => "2 — hurts", "2 — doet pijn";
    Severity3 => "3 — customers leave over it", "3 — klanten haken erop af";
    SeverityShort => "severity {n}", "ernst {n}";
    Votes => "Votes", "Stemmen";
    VotesCount => "{n} votes", "{n} stemmen";
    VoteOne => "1 vote", "1 stem";
    AddVote => "Add a vote", "Stem toevoegen";
    AddVoteTo => "Add a vote to {card}", "Stem toevoegen aan {card}";
    RemoveVoteFrom => "Remove a vote from {card}", "Stem weghalen bij {card}";
    RemoveVote => "Remove a vote", "Stem weghalen";
    MoveToLane => "Lane", "Baan";
    Plan => "Plan", "Plan";
    CostPerMonth => "Cost per month", "Kosten per maand";
    ContactsPerMonth => "Contacts per customer per month", "Contacten per klant per maand";
    Reach => "Reach", "Bereik";
    ReachNone => "Not set", "Niet ingesteld";
    ReachMass => "Mass (above the line)", "Massa (above the line)";
    ReachPersonal => "Personal (below the line)", "Persoonlijk (below the line)";
    Trigger => "Triggered by (lifecycle event)", "Aanleiding (moment in de klantrelatie)";
    DescriptionAndPlan => "Description and plan", "Beschrijving en plan";
    EmotionOf => "Emotion of {persona}", "Emotie van {persona}";
    SameAsTouchpoint => "As the touchpoint", "Zoals het contactmoment";
    PhasePlanFigures => "{cost} {currency} · {contacts} contacts a month", "{cost} {currency} · {contacts} contacten per maand";
    PhasePlanLimit => "(limit {limit})", "(grens {limit})";
    ContactLimit => "Most contacts per customer per month", "Hoogstens contacten per klant per maand";
    OverContactLimit => "Too many contacts:", "Te veel contacten:";
    ByVotes => "Votes", "Stemmen";
    ByVotesCaption => "Pain points and opportunities, most votes first", "Pijnpunten en kansen, meeste stemmen eerst";
    Kind => "Kind", "Soort";
    SortAgain => "Sort by votes again", "Opnieuw sorteren op stemmen";
    NothingToVoteOn => "No pain points or opportunities yet.", "Nog geen pijnpunten of kansen.";
    Personas => "Personas", "Persona's";
    NewPersona => "New persona", "Nieuwe persona";
    AddPersona => "Add persona", "Persona toevoegen";
    DeletePersona => "Delete persona", "Persona verwijderen";
    PersonaName => "Persona's name", "Naam van de persona";
    PersonaColor => "Persona's colour", "Kleur van de persona";
    PersonaGoals => "Goals", "Doelen";
    PersonaFrustrations => "Frustrations", "Frustraties";
    PersonaQuote => "Quote", "Citaat";
    Lanes => "Lanes", "Banen";
    LanesShown => "{shown} of {all} shown", "{shown} van {all} getoond";
    NewLane => "New lane", "Nieuwe baan";
    AddLane => "Add lane", "Baan toevoegen";
    LaneName => "Lane's name", "Naam van de baan";
    ShowLane => "Show {lane}", "{lane} tonen";
    MoveLaneUp => "Move {lane} up", "{lane} omhoog";
    MoveLaneDown => "Move {lane} down", "{lane} omlaag";
    DeleteLane => "Delete {lane} and its cards", "{lane} en de kaarten erin verwijderen";
    Currency => "Currency of the plan", "Valuta van het plan";
    CurrencyColumn => "Currency", "Valuta";
    ExportLanesCsv => "Pain points and opportunities as CSV", "Pijnpunten en kansen als CSV";
    CurrencyTooLong => "A currency has at most 8 characters, such as EUR.", "Een valuta heeft hoogstens 8 tekens, zoals EUR.";
    NotANumberOrNegative => "Enter a number of 0 or more, such as 12.5, or leave it empty.", "Vul een getal van 0 of meer in, zoals 12,5, of laat het leeg.";
    KpiName => "KPI name", "Naam van de KPI";
    Unit => "Unit", "Eenheid";
    Direction => "Better when", "Beter als";
    HigherIsBetter => "higher", "hoger";
    LowerIsBetter => "lower", "lager";
    Baseline => "Baseline", "Nulmeting";
    Target => "Target", "Doel";
    Latest => "Latest", "Laatste";
    OfTheWay => "of the way to the target", "van de weg naar het doel";
    OnTrack => "On track: target reached", "Op koers: doel gehaald";
    Behind => "Behind: target not reached yet", "Achter: doel nog niet gehaald";
    NoProgressYet => "Set a target and add a measurement to see progress.", "Stel een doel in en voeg een meting toe om de voortgang te zien.";
    DeleteKpi => "Delete KPI", "KPI verwijderen";
    Measurements => "Measurements", "Metingen";
    Date => "Date", "Datum";
    Value => "Value", "Waarde";
    AddMeasurement => "Add measurement", "Meting toevoegen";
    RemoveMeasurement => "Remove measurement", "Meting verwijderen";
    NotANumber => "Enter a number such as 12.5, or leave it empty.", "Vul een getal in, zoals 12,5, of laat het leeg.";
    ExportJson => "Export as JSON", "Exporteren als JSON";
    Export => "Export", "Exporteren";
    ShareLink => "Share link", "Deellink";
    ShareExplain => "Anyone with this link sees the map as it is now. The map travels inside the link; no server is involved.", "Wie deze link heeft, ziet de klantreis zoals die nu is. De klantreis zit in de link zelf; er komt geen server aan te pas.";
    Copy => "Copy", "Kopiëren";
    PartMissing => "This page could not be loaded: the connection dropped before all of Journey Mapper had been downloaded. Your maps are safe. Check the connection and try again.", "Deze pagina kon niet laden: de verbinding viel weg voordat Journey Mapper helemaal was gedownload. Je klantreizen zijn veilig. Controleer de verbinding en probeer het opnieuw.";
    TryAgain => "Try again", "Opnieuw proberen";
    LiveSession => "Live session", "Live sessie";
    LiveStart => "Start live session", "Live sessie starten";
    LiveLeave => "Leave live session", "Live sessie verlaten";
    LiveJoin => "Join", "Deelnemen";
    LiveJoinHeading => "Join a live session", "Deelnemen aan een live sessie";
    LiveYourName => "Your name, as the others see it", "Je naam, zoals de anderen hem zien";
    LiveServer => "Session server (ws:// or wss:// address; several, separated by spaces)", "Sessieserver (adres met ws:// of wss://; meerdere, gescheiden door spaties)";
    LiveJoinLink => "Join link", "Deelnamelink";
    LiveQrAlt => "QR code of the join link", "QR-code van de deelnamelink";
    LiveExplain => "Everyone with the join link can see and change this map while the session runs; the watch link only lets them see it. The server you choose stores the map and sees everything in it, and who is there by the names they give; of the links' keys it keeps only a fingerprint. Every browser keeps its own copy; leaving keeps yours, no longer live.", "Iedereen met de deelnamelink kan deze klantreis zien en wijzigen zolang de sessie loopt; met de meekijklink kan men hem alleen zien. De server die je kiest bewaart de klantreis en ziet alles wat erin staat, en wie er is onder de namen die ze opgeven; van de sleutels in de links bewaart hij alleen een vingerafdruk. Elke browser houdt een eigen kopie; wie vertrekt houdt de zijne, niet meer live.";
    LivePeople => "In this session", "In deze sessie";
    LiveMe => "you", "jij";
    LiveInCard => "in", "in";
    LiveConnecting => "Connecting to the session server…", "Verbinden met de sessieserver…";
    LiveConnected => "Live: changes reach everyone.", "Live: wijzigingen bereiken iedereen.";
    LiveDisconnected => "Connection lost. Keep working: your changes are kept here and sent when the connection returns.", "Verbinding verbroken. Werk gewoon door: je wijzigingen blijven hier bewaard en gaan mee zodra de verbinding terug is.";
    LiveLoadFailed => "The live session could not start: its script did not load. Check the connection and try again.", "De live sessie kon niet starten: het script ervan laadde niet. Controleer de verbinding en probeer het opnieuw.";
    LiveBadServer => "The server address must start with ws:// or wss://.", "Het serveradres moet beginnen met ws:// of wss://.";
    LiveRefused => "A change from the live session was refused and not applied; your map stays as it was. The problems:", "Een wijziging uit de live sessie is geweigerd en niet toegepast; je klantreis blijft zoals hij was. De problemen:";
    LiveLargeGone => "The large change from the live session is gone from its room again: nothing of it reached your map.", "De grote wijziging uit de live sessie is weer uit de kamer verdwenen: er is niets van in je klantreis gekomen.";
    LiveLarge => "A large change is coming from the live session ({size} MB): it is being read and checked before anything of it reaches your map.", "Er komt een grote wijziging uit de live sessie ({size} MB): die wordt gelezen en gecontroleerd voordat er iets van in je klantreis komt.";
    LiveNotThisMap => "what the room holds is not this session's map.", "wat de kamer bevat is niet de klantreis van deze sessie.";
    LiveStray => "What had no place in the map ({nodes}: written by a client that is not the app, or left under something deleted meanwhile) was taken out of the live session's room; no one's map changed.", "Wat geen plaats had in de klantreis ({nodes}: geschreven door een client die niet de app is, of achtergebleven onder iets dat intussen is verwijderd) is uit de kamer van de live sessie gehaald; niemands klantreis is veranderd.";
    RoomNodeOne => "1 of the room's nodes", "1 knoop van de kamer";
    RoomNodes => "{n} of the room's nodes", "{n} knopen van de kamer";
    LiveMapPutBack => "Someone deleted the map from the live session's room, which the app never does; it was put back as it was ({nodes}), and no one's map changed.", "Iemand verwijderde de klantreis uit de kamer van de live sessie, wat de app nooit doet; hij is teruggezet zoals hij was ({nodes}), en niemands klantreis is veranderd.";
    LivePutBack => "Someone wrote {nodes} as the app never writes them (a place or fields of the wrong kind, a place no path leads from to the map, or a node deleted without what is under it); all of it was put back in the live session's room as it was, and no one's map changed.", "Iemand schreef {nodes} zoals de app dat nooit doet (een plaats of velden van de verkeerde soort, een plaats vanwaar geen pad naar de klantreis leidt, of een knoop verwijderd zonder wat eronder hangt); alles is in de kamer van de live sessie teruggezet zoals het was, en niemands klantreis is veranderd.";
    LiveTextTooLong => "a text in it is longer than {max} characters, more than any the app writes.", "een tekst erin is langer dan {max} tekens, meer dan de app ooit schrijft.";
    LiveTooLarge => "the map is larger than 10 MB, more than a journey map can be.", "de klantreis is groter dan 10 MB, meer dan een klantreis kan zijn.";
    LiveWaiting => "Waiting for the map from the session…", "Wachten op de klantreis uit de sessie…";
    TooLargeForLink => "This map is too large for a link that works everywhere. Export it as a JSON file and share that instead.", "Deze klantreis is te groot voor een link die overal werkt. Exporteer hem als JSON-bestand en deel dat.";
    SharedMap => "Shared map, read-only", "Gedeelde klantreis, alleen lezen";
    NoRoomForCopy => "This map does not fit in the browser's storage: it needs {needed} and {free} is left of about 10 MB. Download it as a file to keep it (Import opens it again), or delete maps to make room.", "Deze klantreis past niet in de opslag van de browser: ze heeft {needed} nodig en er is nog {free} vrij van ongeveer 10 MB. Download ze als bestand om ze te bewaren (Importeren opent ze weer), of verwijder klantreizen om ruimte te maken.";
    DownloadAsFile => "Download as a file", "Downloaden als bestand";
    SaveCopy => "Save a copy to my maps", "Een kopie bewaren bij mijn klantreizen";
    LinkTooLarge => "This share link unpacks to more than 10 MB, more than a journey map can be. Nothing has changed. Ask for a JSON file instead.", "Deze deellink wordt uitgepakt groter dan 10 MB, meer dan een klantreis kan zijn. Er is niets veranderd. Vraag in plaats daarvan om een JSON-bestand.";
    LinkNewer => "This share link was made by a newer version of the app. Nothing has changed. Update the app (reload the page once it is online) to open it.", "Deze deellink is gemaakt met een nieuwere versie van de app. Er is niets veranderd. Werk de app bij (laad de pagina opnieuw zodra die online is) om hem te openen.";
    LinkDamaged => "This share link is damaged or incomplete. Nothing has changed. Ask for the link again, or for a JSON file.", "Deze deellink is beschadigd of onvolledig. Er is niets veranderd. Vraag de link opnieuw, of vraag om een JSON-bestand.";
    ExportTouchpointsCsv => "Touchpoints as CSV", "Contactmomenten als CSV";
    ExportKpisCsv => "KPIs as CSV", "KPI's als CSV";
    ExportMermaid => "Mermaid diagram", "Mermaid-diagram";
    CsvSeparator => "CSV separator", "CSV-scheidingsteken";
    Comma => "comma (,)", "komma (,)";
    Semicolon => "semicolon (;)", "puntkomma (;)";
    ImportMeasurementsCsv => "Import measurements from CSV", "Metingen importeren uit CSV";
    MeasurementsReady => "{n} measurements ready to add; a date you already have takes the file's value.", "{n} metingen klaar om toe te voegen; een datum die je al hebt krijgt de waarde uit het bestand.";
    MeasurementReady => "1 measurement ready to add; a date you already have takes the file's value.", "1 meting klaar om toe te voegen; een datum die je al hebt krijgt de waarde uit het bestand.";
    MeasurementsNone => "The file holds no rows of a date and a value: nothing to add.", "Het bestand heeft geen rijen met een datum en een waarde: niets om toe te voegen.";
    MeasurementsRepeated => "{n} rows name a date another row names too: of each date, the last row counts.", "{n} rijen noemen een datum die een andere rij ook noemt: van elke datum telt de laatste rij.";
    MeasurementRepeated => "1 row names a date another row names too: of each date, the last row counts.", "1 rij noemt een datum die een andere rij ook noemt: van elke datum telt de laatste rij.";
    AddMeasurements => "Add measurements", "Metingen toevoegen";
    MeasurementsOverLimit => "Added to the {existing} this KPI already has, that makes {count} measurements, more than the {max} a KPI keeps. Nothing was added: leave older rows out of the file, or remove measurements from the KPI first.", "Samen met de {existing} die deze KPI al heeft worden dat {count} metingen, meer dan de {max} die een KPI bewaart. Er is niets toegevoegd: laat oudere rijen weg uit het bestand, of verwijder eerst metingen uit de KPI.";
    MeasurementsNotAdded => "The measurements could not be added: the KPI is no longer in this map.", "De metingen konden niet worden toegevoegd: de KPI staat niet meer in deze kaart.";
    RowsLeftOut => "Rows with problems, left out:", "Rijen met problemen, overgeslagen:";
    ImportJson => "Import JSON file", "JSON-bestand importeren";
    DropHint => "or drop a file anywhere on the page", "of sleep een bestand ergens op de pagina";
    ImportFrom => "Import from", "Importeren uit";
    ImportExplain => "Nothing changes until you choose Import.", "Er verandert niets tot je voor Importeren kiest.";
    ImportNew => "New map: it will be added.", "Nieuwe klantreis: wordt toegevoegd.";
    ImportExists => "You already have a map with this id.", "Je hebt al een klantreis met deze id.";
    ImportAsCopy => "Add it as a copy", "Als kopie toevoegen";
    ImportReplace => "Replace my map with it (can be undone)", "Mijn klantreis erdoor vervangen (kan ongedaan worden gemaakt)";
    ImportWarnings => "Warnings (the rest of the file is fine)", "Waarschuwingen (de rest van het bestand is in orde)";
    Import => "Import", "Importeren";
    Cancel => "Cancel", "Annuleren";
    ImportFailed => "This file was not imported. Nothing has changed.", "Dit bestand is niet geïmporteerd. Er is niets veranderd.";
    FileTooLarge => "The file is larger than 10 MB, more than a journey map can be. Check that this is the right file.", "Het bestand is groter dan 10 MB, meer dan een klantreis kan zijn. Controleer of dit het juiste bestand is.";
    MeasurementsFileTooLarge => "The file is larger than 10 MB, more than a file of measurements can be. Check that this is the right file.", "Het bestand is groter dan 10 MB, meer dan een bestand met metingen kan zijn. Controleer of dit het juiste bestand is.";
    NotText => "This is not a text file (perhaps an image or a document), so it cannot be read here.", "Dit is geen tekstbestand (misschien een afbeelding of document), dus het kan hier niet worden gelezen.";
    ReadTooSlow => "Reading this was stopped after 1.5 seconds: it holds far more, or is nested far deeper, than any journey map. Nothing has changed.", "Het lezen is na 1,5 seconde gestopt: dit bevat veel meer, of is veel dieper genest, dan welke klantreis ook. Er is niets veranderd.";
    ReaderUnavailable => "The part of the app that reads files and links could not be started. Check the connection and try again. Nothing has changed.", "Het deel van de app dat bestanden en links leest kon niet worden gestart. Controleer de verbinding en probeer het opnieuw. Er is niets veranderd.";
    ReadingLink => "Reading the link…", "De link wordt gelezen…";
    Imported => "Imported", "Geïmporteerd";
    NotImported => "Not imported, and nothing of them changed:", "Niet geïmporteerd, en er is niets van veranderd:";
    Close => "Close", "Sluiten";
    Done => "Done", "Klaar";
    NoData => "No data", "Geen gegevens";
    OnTrackShort => "On track", "Op koers";
    BehindShort => "Behind", "Achter";
    PhaseKpiSummary => "KPIs: {on_track} on track, {behind} behind, {none} without data", "KPI's: {on_track} op koers, {behind} achter, {none} zonder gegevens";
    KeptAsCopy => "This map was also changed in another tab or window. That version is shown now; your changes from this tab were kept as a separate map:", "Deze klantreis is ook in een ander tabblad of venster gewijzigd. Die versie staat nu hier; je wijzigingen uit dit tabblad zijn bewaard als aparte klantreis:";
    FromThisTab => "from this tab", "uit dit tabblad";
    WrittenBack => "Maps stored in this browser were removed while this tab had them open (the site's data was cleared, or the browser made room). This tab still has them and stores them again:", "Klantreizen die in deze browser waren opgeslagen, zijn verwijderd terwijl dit tabblad ze open had (de sitegegevens zijn gewist, of de browser maakte ruimte). Dit tabblad heeft ze nog en slaat ze opnieuw op:";
    ChartsHeading => "Charts", "Grafieken";
    FitToScreen => "Fit to screen", "Passend op scherm";
    ExperienceCurve => "Experience curve", "Belevingscurve";
    KpiProgress => "KPI progress", "Voortgang van KPI's";
    KpiTrend => "KPI trend", "Verloop van een KPI";
    ChannelCoverage => "Channels per phase", "Kanalen per fase";
    ChartNoRated => "No rated touchpoints yet: rate them from −2 to +2 to draw the curve.", "Nog geen beoordeelde contactmomenten: geef ze −2 tot +2 om de curve te tekenen.";
    ChartUnrated => "not rated, left out", "niet beoordeeld, weggelaten";
    ChartNoProgress => "No KPI has both a target and a measurement yet.", "Nog geen KPI heeft zowel een doel als een meting.";
    ChartNoTrend => "Add at least two measurements to this KPI to see its trend.", "Voeg minstens twee metingen aan deze KPI toe om het verloop te zien.";
    ChartBudget => "Where the money goes", "Waar het geld heen gaat";
    ChartPressure => "Contact pressure per phase", "Contactdruk per fase";
    ChartVotes => "Pain points and opportunities by votes", "Pijnpunten en kansen naar stemmen";
    ChartBudgetNote => "{share} % · {kpis}", "{share} % · {kpis}";
    ChartPressureOver => "{n} a month, over the limit of {limit}", "{n} per maand, boven de grens van {limit}";
    ChartPressureWithin => "{n} a month, limit {limit}", "{n} per maand, grens {limit}";
    ChartNoCosts => "No touchpoint has a cost yet.", "Nog geen contactmoment heeft kosten.";
    ChartNoContacts => "No touchpoint has contacts per month yet.", "Nog geen contactmoment heeft contacten per maand.";
    ChartNoVotes => "No pain points or opportunities have votes yet.", "Nog geen pijnpunten of kansen met stemmen.";
    ShareOfBudget => "Share of the budget", "Deel van het budget";
    PhaseKpisStatus => "KPIs", "KPI's";
    ChartNoChannels => "No touchpoint has a channel yet.", "Nog geen contactmoment heeft een kanaal.";
    ChartShareAxis => "% of the way from baseline to target", "% van de weg van nulmeting naar doel";
    Average => "average", "gemiddelde";
    ChooseKpi => "KPI to show", "Te tonen KPI";
    DownloadPng => "Download PNG", "PNG downloaden";
    ShowData => "The data in this chart", "De gegevens in deze grafiek";
    Rows => "{n} rows of data, listed below the chart", "{n} rijen gegevens, onder de grafiek";
    RowOne => "1 row of data, listed below the chart", "1 rij gegevens, onder de grafiek";
    Saved => "All changes saved", "Alle wijzigingen opgeslagen";
    Saving => "Saving…", "Opslaan…";
    NotSaved => "Not saved", "Niet opgeslagen";
    // What an imported file holds that it should not; `{…}` is filled in by `Lang::fill`.
    ProblemEmpty => "the file is empty", "het bestand is leeg";
    ProblemNotJson => "this is not valid JSON (line {line}, column {column})", "dit is geen geldige JSON (regel {line}, kolom {column})";
    ProblemNumberTooLarge => "a number is too large to be used (line {line}, column {column})", "een getal is te groot om te gebruiken (regel {line}, kolom {column})";
    ProblemTooManyEntries => "a list or object holds more than {max} entries, more than any journey map has (line {line}, column {column})", "een lijst of object heeft meer dan {max} onderdelen, meer dan welke klantreis ook (regel {line}, kolom {column})";
    ProblemTooDeep => "the file is nested far too deeply to be a journey map (line {line}, column {column})", "het bestand is veel te diep genest voor een klantreis (regel {line}, kolom {column})";
    ProblemExpected => "expected {expected}, found {found}", "verwacht: {expected}, gevonden: {found}";
    ProblemMissing => "missing; expected {expected}", "ontbreekt; verwacht: {expected}";
    ProblemUnknownField => "unknown field, ignored", "onbekend veld, genegeerd";
    ProblemNoPlace => "no place a map has: a list its parent does not hold, or under something that holds none", "geen plaats die een klantreis heeft: een lijst die de bovenliggende knoop niet heeft, of onder iets dat er geen heeft";
    ProblemWrongFormat => "this is not a journey map file (format is {found}, expected \"{map}\" or \"{bundle}\")", "dit is geen klantreisbestand (format is {found}, verwacht \"{map}\" of \"{bundle}\")";
    ProblemNewerVersion => "made by a newer version of the app (format version {found}; this app reads up to version {version}): update the app to open it", "gemaakt met een nieuwere versie van de app (formaatversie {found}; deze app leest tot en met versie {version}): werk de app bij om het te openen";
    ProblemDuplicateId => "the id {id} is already used at {first}", "de id {id} wordt al gebruikt bij {first}";
    ProblemTooMany => "{count} entries, more than the {max} this app accepts", "{count} onderdelen, meer dan de {max} die deze app aankan";
    ProblemTitleLength => "a title needs 1 to {max} characters, this one has {chars}", "een titel heeft 1 tot {max} tekens nodig, deze heeft er {chars}";
    ProblemTextLength => "a text may have at most {max} characters, this one has {chars}", "een tekst mag hoogstens {max} tekens hebben, deze heeft er {chars}";
    ProblemMoreProblems => "and {count} more problems", "en nog {count} problemen";
    // What a file held, or should have held, where a problem is.
    AList => "a list", "een lijst";
    AnObject => "an object", "een object";
    ExpectedText => "text", "tekst";
    ExpectedId => "a non-empty id", "een niet-lege id";
    ExpectedNumber => "a number", "een getal";
    ExpectedNumberOrNull => "a number or null", "een getal of null";
    ExpectedEmotionOrNull => "a whole number from -2 to 2, or null", "een geheel getal van -2 tot 2, of null";
    ExpectedDirection => "\"increase\" / \"decrease\"", "\"increase\" / \"decrease\"";
    ExpectedDate => "a date as YYYY-MM-DD", "een datum als JJJJ-MM-DD";
    ExpectedColor => "a colour as #rrggbb", "een kleur als #rrggbb";
    ExpectedTimestamp => "a date and time such as 2026-01-31T09:00:00Z", "een datum en tijd zoals 2026-01-31T09:00:00Z";
    ExpectedLanguageTag => "a language code such as nl or en-GB", "een taalcode zoals nl of en-GB";
    ExpectedVersion => "a whole version number from 1", "een geheel versienummer vanaf 1";
    ExpectedLaneKind => "one of \"does\", \"thinks\", \"pain_points\", \"opportunities\", \"backstage\", \"custom\"", "een van \"does\", \"thinks\", \"pain_points\", \"opportunities\", \"backstage\", \"custom\"";
    ExpectedSeverity => "1, 2 or 3, or null", "1, 2 of 3, of null";
    ExpectedVotes => "a whole number from 0 to 9999", "een geheel getal van 0 tot 9999";
    ExpectedPlanNumber => "a number from 0 to 10¹², or null", "een getal van 0 tot 10¹², of null";
    ExpectedReach => "\"mass\" or \"personal\", or null", "\"mass\" of \"personal\", of null";
    ExpectedBool => "true or false", "true of false";
    ExpectedKpiKind => "a KPI kind such as \"number\", \"nps\" or \"repeat_purchase_rate\"", "een soort KPI zoals \"number\", \"nps\" of \"repeat_purchase_rate\"";
    ExpectedCustomerBase => "a customer base as an order export gives it: counts per period and a fitted forecast", "een klantenbestand zoals een bestelexport het geeft: aantallen per periode en een berekende voorspelling";
    ExpectedMapping => "the columns of a survey, order or campaign file, by role", "de kolommen van een enquête-, bestel- of campagnebestand, per rol";
    ExpectedCounts => "counts of the KPI's kind that give a value (answers by score, part and whole, or order counts)", "aantallen van de soort van de KPI die een waarde geven (antwoorden per score, deel en geheel, of bestelaantallen)";
    ExpectedCurrency => "a currency of at most 8 characters, such as \"EUR\"", "een valuta van hoogstens 8 tekens, zoals \"EUR\"";
    ProblemUnknownPersona => "this map has no persona with the id {id}", "deze kaart heeft geen persona met id {id}";
    ProblemUnknownLane => "this map has no lane with the id {id}", "deze kaart heeft geen baan met id {id}";
    // A row of a measurements file that cannot be read.
    RowColumns => "row {row}: expected 2 columns (date and value), found {count}", "rij {row}: 2 kolommen verwacht (datum en waarde), {count} gevonden";
    RowDate => "row {row}: “{date}” is not a date (use 2026-01-31 or 31-01-2026)", "rij {row}: “{date}” is geen datum (gebruik 2026-01-31 of 31-01-2026)";
    RowValue => "row {row}: “{value}” is not a number", "rij {row}: “{value}” is geen getal";
    RowTooMany => "row {row}: the file goes on past the {max} rows this app reads; the rest was not read", "rij {row}: het bestand gaat verder dan de {max} rijen die deze app leest; de rest is niet gelezen";
    Name => "Name", "Naam";
    OccasionNamed => "Named", "Benoemd";
    OccasionBeforeImport => "Before an import replaced it", "Vóór een import die hem verving";
    OccasionBeforeRestore => "Before a version was restored", "Vóór het terugzetten van een versie";
    OccasionBeforeMigration => "Before an update of the stored format", "Vóór een update van het opslagformaat";
    OccasionDaily => "Before the day's first change", "Vóór de eerste wijziging van de dag";
    Versions => "Versions", "Versies";
    VersionsOf => "Versions of {title}", "Versies van {title}";
    VersionsExplain => "A version is kept automatically before an import or a restore replaces the map, and once a day before its first change. The 20 most recent automatic versions of each map are kept; versions you name stay until you delete them.", "Automatisch wordt een versie bewaard voordat een import of het terugzetten van een versie de klantreis vervangt, en eens per dag vóór de eerste wijziging. Van elke klantreis blijven de 20 nieuwste automatische versies bewaard; versies die je een naam geeft blijven tot je ze verwijdert.";
    VersionsUse => "Versions of this map take {size} of the browser's storage.", "Versies van deze klantreis nemen {size} van de opslag van de browser in.";
    VersionName => "Name for this version", "Naam voor deze versie";
    KeepVersion => "Keep this version", "Deze versie bewaren";
    VersionKept => "Version kept.", "Versie bewaard.";
    VersionNotKept => "The version could not be kept: the browser's storage is full or refuses it. Download the map to keep a copy.", "De versie kon niet worden bewaard: de opslag van de browser is vol of weigert het. Download de klantreis om een kopie te bewaren.";
    NoVersionsYet => "No versions yet.", "Nog geen versies.";
    VersionTaken => "Taken", "Gemaakt";
    VersionWhy => "Why", "Waarom";
    Size => "Size", "Grootte";
    OpenVersion => "Open", "Openen";
    RestoreVersion => "Restore", "Terugzetten";
    DownloadVersion => "Download", "Downloaden";
    VersionRestored => "Version restored. Undo (Ctrl+Z) brings back the map as it was; it was also kept as a version.", "Versie teruggezet. Ongedaan maken (Ctrl+Z) brengt de klantreis terug zoals hij was; die is ook als versie bewaard.";
    VersionsUnreadable => "Stored versions of this map that cannot be read (damaged): {count}. They are left as they are and not listed.", "Opgeslagen versies van deze klantreis die niet te lezen zijn (beschadigd): {count}. Ze blijven zoals ze zijn en staan niet in de lijst.";
    VersionUnreadable => "This version cannot be read; it stays stored as it is.", "Deze versie kan niet worden gelezen; ze blijft opgeslagen zoals ze is.";
    CloseVersion => "Close", "Sluiten";
    VersionShown => "The version of {time}, read only", "De versie van {time}, alleen lezen";
    ActionsFor => "{action}: version of {time}", "{action}: versie van {time}";
    Compare => "Compare", "Vergelijken";
    CompareFrom => "From", "Van";
    CompareTo => "To", "Naar";
    TheMapNow => "{title} (now)", "{title} (nu)";
    NoDifferences => "No differences.", "Geen verschillen.";
    Differences => "Differences", "Verschillen";
    What => "What", "Wat";
    Change => "Change", "Wijziging";
    Added => "Added", "Toegevoegd";
    Removed => "Removed", "Verwijderd";
    ChangedFields => "Changed: {fields}", "Gewijzigd: {fields}";
    KindMap => "Map", "Klantreis";
    KpiValuesCompared => "KPI values side by side", "KPI-waarden naast elkaar";
    FromLatest => "From: latest", "Van: laatste";
    FromTarget => "From: target", "Van: doel";
    ToLatest => "To: latest", "Naar: laatste";
    ToTarget => "To: target", "Naar: doel";
    Absent => "not there", "ontbreekt";
    CurvesCompared => "Experience curves compared", "Belevingscurves vergeleken";
    VersionFile => "version", "versie";
    DeleteVersionConfirm => "Delete this version? This cannot be undone.", "Deze versie verwijderen? Dit kan niet ongedaan worden gemaakt.";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every() -> impl Iterator<Item = &'static Text> {
        ALL.iter()
            .chain(super::loyalty::ALL)
            .chain(super::customers::ALL)
            .chain(super::workshop::ALL)
            .chain(super::comments::ALL)
            .chain(super::facilitation::ALL)
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for &text in every() {
            assert!(!Lang::En.t(text).is_empty(), "{text:?} has no English");
            assert!(!Lang::Nl.t(text).is_empty(), "{text:?} has no Dutch");
        }
    }

    /// The `{name}`s of a text, sorted.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn both_languages_fill_in_the_same_values() {
        for &text in every() {
            assert_eq!(
                placeholders(Lang::En.t(text)),
                placeholders(Lang::Nl.t(text)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn filling_in_puts_values_in_once_and_as_they_are() {
        let filled = Lang::En.fill(Text::RowValue, &[("row", "3"), ("value", "{row}")]);
        assert_eq!(filled, "row 3: “{row}” is not a number");
        let nl = Lang::Nl.fill(Text::ProblemNotJson, &[("line", "1"), ("column", "2")]);
        assert_eq!(nl, "dit is geen geldige JSON (regel 1, kolom 2)");
        // A placeholder without a value stays as it is.
        assert_eq!(
            Lang::En.fill(Text::ProblemMissing, &[]),
            "missing; expected {expected}"
        );
    }

    #[test]
    fn counts_use_singular_and_plural() {
        assert_eq!(Lang::En.counts(1, 2, 0), "1 phase · 2 touchpoints · 0 KPIs");
        assert_eq!(
            Lang::Nl.counts(3, 1, 1),
            "3 fases · 1 contactmoment · 1 KPI"
        );
        assert_eq!(
            Lang::Nl.counts(0, 0, 2),
            "0 fases · 0 contactmomenten · 2 KPI's"
        );
    }

    #[test]
    fn language_from_browser_tag() {
        assert_eq!(Lang::from_tag("nl-BE"), Lang::Nl);
        assert_eq!(Lang::from_tag("NL"), Lang::Nl);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }
}

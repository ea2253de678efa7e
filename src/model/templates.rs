//! Ready-made journeys from the models the trade already uses, each in English and Dutch, and the
//! catalogue of channels touchpoints are picked from.

use super::loyalty::KpiKind;
use super::{
    Direction, Emotion, JourneyMap, Kpi, LaneCard, LaneKind, Persona, Phase, Reach, Severity,
    Touchpoint, PHASE_PALETTE,
};
use crate::i18n::Lang;

/// English and Dutch.
type Both = (&'static str, &'static str);

/// How a template's KPI, by its English name, is measured: computed from the shop's exports
/// where a formula gives it, typed otherwise.
fn kind_of(name: &str) -> KpiKind {
    match name {
        "Net Promoter Score" => KpiKind::Nps,
        "Customer satisfaction" => KpiKind::Csat5,
        "E-mail open rate" => KpiKind::OpenRate,
        "Click-through rate" | "Remarketing click-through rate" => KpiKind::ClickThroughRate,
        "Repeat purchase ratio" => KpiKind::RepeatPurchaseRate,
        "Average order value" => KpiKind::AverageOrderValue,
        _ => KpiKind::Number,
    }
}

fn pick((en, nl): Both, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

/// Channels offered when choosing a touchpoint's channel; any other text may be typed too.
pub const CHANNELS: &[Both] = &[
    ("E-mail", "E-mail"),
    ("Newsletter", "Nieuwsbrief"),
    ("Remarketing", "Remarketing"),
    ("Display advertising", "Display-advertenties"),
    ("Social media", "Social media"),
    ("Social ads", "Social advertenties"),
    ("SEO", "SEO"),
    ("SEA", "SEA"),
    ("PR", "PR"),
    ("Website", "Website"),
    ("Webshop checkout", "Webshop-afrekenpagina"),
    ("App", "App"),
    (
        "Online community / customer portal",
        "Online community / klantportaal",
    ),
    ("Reviews", "Reviews"),
    ("Loyalty programme", "Loyaliteitsprogramma"),
    ("Referral programme", "Doorverwijsprogramma"),
    (
        "Customer service / call centre",
        "Klantenservice / callcenter",
    ),
    ("SMS", "Sms"),
    ("Delivery", "Bezorging"),
    ("Packaging", "Verpakking"),
    ("Store / staff", "Winkel / personeel"),
    ("Events", "Evenementen"),
    ("Print", "Drukwerk"),
];

/// A typical plan for a touchpoint of each channel in [`CHANNELS`], in euros: cost per month,
/// contacts per customer per month, and whether it reaches many at once. Rough figures for a
/// small webshop, for a template to show what the plan looks like; users put in their own.
const CHANNEL_PLAN: [(f64, f64, Reach); 23] = {
    use Reach::{Mass, Personal};
    [
        (150.0, 2.0, Personal),  // e-mail
        (100.0, 2.0, Personal),  // newsletter
        (800.0, 3.0, Personal),  // remarketing
        (1500.0, 4.0, Mass),     // display
        (400.0, 4.0, Mass),      // social media
        (1200.0, 3.0, Mass),     // social ads
        (600.0, 1.0, Mass),      // SEO
        (2000.0, 1.0, Mass),     // SEA
        (500.0, 0.5, Mass),      // PR
        (300.0, 1.0, Mass),      // website
        (200.0, 1.0, Personal),  // checkout
        (400.0, 2.0, Personal),  // app
        (350.0, 1.0, Personal),  // community
        (100.0, 1.0, Personal),  // reviews
        (500.0, 1.0, Personal),  // loyalty
        (250.0, 0.5, Personal),  // referral
        (2500.0, 0.5, Personal), // service
        (80.0, 1.0, Personal),   // SMS
        (0.0, 1.0, Personal),    // delivery
        (0.0, 1.0, Personal),    // packaging
        (3000.0, 0.5, Personal), // store
        (1000.0, 0.3, Mass),     // events
        (700.0, 0.5, Mass),      // print
    ]
};

/// Where a template's phase stands in the customer's life: what its example lane cards and
/// contact limit are drawn from.
#[derive(Clone, Copy)]
enum Stage {
    Aware,
    Consider,
    Buy,
    Receive,
    Keep,
    Engage,
    Advocate,
}

type CardSpec = (LaneKind, Both, Option<u8>);

impl Stage {
    /// The most contacts per customer per month a team would accept: more early on, when few
    /// notice, fewer once someone is a customer (campaigns tied to moments, not a stream).
    fn contact_limit(self) -> f64 {
        match self {
            Stage::Aware => 12.0,
            Stage::Consider => 8.0,
            Stage::Buy => 6.0,
            Stage::Receive => 4.0,
            Stage::Keep | Stage::Engage => 4.0,
            Stage::Advocate => 2.0,
        }
    }

    /// Example cards for each lane: what a workshop on a webshop's journey typically brings up.
    fn cards(self) -> &'static [CardSpec] {
        use LaneKind::*;
        match self {
            Stage::Aware => &[
                (
                    Does,
                    (
                        "Scrolls social media in the evening",
                        "Scrolt 's avonds door social media",
                    ),
                    None,
                ),
                (
                    Thinks,
                    ("Do I need this at all?", "Heb ik dit eigenlijk nodig?"),
                    None,
                ),
                (
                    PainPoints,
                    (
                        "Sees the same ad too often",
                        "Ziet dezelfde advertentie te vaak",
                    ),
                    Some(2),
                ),
                (
                    Opportunities,
                    (
                        "Show the product in use by real customers",
                        "Het product laten zien bij echte klanten",
                    ),
                    None,
                ),
                (
                    Backstage,
                    (
                        "Content team, ad platforms",
                        "Contentteam, advertentieplatforms",
                    ),
                    None,
                ),
            ],
            Stage::Consider => &[
                (
                    Does,
                    (
                        "Compares prices and reviews",
                        "Vergelijkt prijzen en reviews",
                    ),
                    None,
                ),
                (
                    Thinks,
                    ("Is this shop reliable?", "Is deze winkel betrouwbaar?"),
                    None,
                ),
                (
                    PainPoints,
                    (
                        "Delivery costs only shown at checkout",
                        "Verzendkosten pas zichtbaar bij afrekenen",
                    ),
                    Some(3),
                ),
                (
                    Opportunities,
                    (
                        "Delivery costs on every product page",
                        "Verzendkosten op elke productpagina",
                    ),
                    None,
                ),
                (
                    Backstage,
                    ("Product information system", "Productinformatiesysteem"),
                    None,
                ),
            ],
            Stage::Buy => &[
                (
                    Does,
                    (
                        "Pays with iDEAL on a phone",
                        "Betaalt met iDEAL op de telefoon",
                    ),
                    None,
                ),
                (
                    Thinks,
                    ("When will it arrive?", "Wanneer komt het binnen?"),
                    None,
                ),
                (
                    PainPoints,
                    (
                        "Has to create an account to order",
                        "Moet een account maken om te bestellen",
                    ),
                    Some(3),
                ),
                (
                    Opportunities,
                    ("Order as a guest", "Bestellen als gast"),
                    None,
                ),
                (
                    Backstage,
                    (
                        "Payment provider, order system",
                        "Betaalprovider, ordersysteem",
                    ),
                    None,
                ),
            ],
            Stage::Receive => &[
                (Does, ("Tracks the parcel", "Volgt het pakket"), None),
                (Thinks, ("Will I be home?", "Ben ik dan thuis?"), None),
                (
                    PainPoints,
                    (
                        "No say in the delivery time",
                        "Geen invloed op het bezorgmoment",
                    ),
                    Some(2),
                ),
                (
                    Opportunities,
                    ("Choose a delivery slot", "Zelf een bezorgmoment kiezen"),
                    None,
                ),
                (
                    Backstage,
                    ("Warehouse, carrier", "Magazijn, vervoerder"),
                    None,
                ),
            ],
            Stage::Keep => &[
                (
                    Does,
                    (
                        "Uses the product, opens our e-mails now and then",
                        "Gebruikt het product, opent soms onze e-mails",
                    ),
                    None,
                ),
                (
                    Thinks,
                    ("Was it worth the money?", "Was het het geld waard?"),
                    None,
                ),
                (
                    PainPoints,
                    (
                        "Review request arrives before the parcel",
                        "Reviewverzoek komt binnen vóór het pakket",
                    ),
                    Some(3),
                ),
                (
                    Opportunities,
                    (
                        "Ask for a review a week after delivery",
                        "Een week na levering om een review vragen",
                    ),
                    None,
                ),
                (
                    Backstage,
                    (
                        "E-mail platform, customer service",
                        "E-mailplatform, klantenservice",
                    ),
                    None,
                ),
            ],
            Stage::Engage => &[
                (
                    Does,
                    (
                        "Joins the community, asks a question",
                        "Doet mee in de community, stelt een vraag",
                    ),
                    None,
                ),
                (
                    Thinks,
                    ("Do they know me here?", "Kennen ze mij hier?"),
                    None,
                ),
                (
                    PainPoints,
                    (
                        "Gets offers for what they already bought",
                        "Krijgt aanbiedingen voor wat al gekocht is",
                    ),
                    Some(2),
                ),
                (
                    Opportunities,
                    (
                        "Tips based on what they bought",
                        "Tips op basis van wat gekocht is",
                    ),
                    None,
                ),
                (
                    Backstage,
                    ("CRM, community manager", "CRM, communitymanager"),
                    None,
                ),
            ],
            Stage::Advocate => &[
                (
                    Does,
                    ("Recommends us to a friend", "Raadt ons aan bij een vriend"),
                    None,
                ),
                (
                    Thinks,
                    (
                        "What's in it for my friend?",
                        "Wat heeft mijn vriend eraan?",
                    ),
                    None,
                ),
                (
                    PainPoints,
                    (
                        "Referral code hard to find",
                        "Doorverwijscode lastig te vinden",
                    ),
                    Some(1),
                ),
                (
                    Opportunities,
                    (
                        "Share button in the order confirmation",
                        "Deelknop in de orderbevestiging",
                    ),
                    None,
                ),
                (
                    Backstage,
                    ("Referral platform", "Doorverwijsplatform"),
                    None,
                ),
            ],
        }
    }
}

/// The example persona a template brings.
const PERSONA: [Both; 5] = [
    ("Sanne, online shopper", "Sanne, online shopper"),
    (
        "34, works four days a week, shops on her phone in the evening.",
        "34, werkt vier dagen per week, shopt 's avonds op haar telefoon.",
    ),
    (
        "Find something good without spending an evening on it.",
        "Iets goeds vinden zonder er een avond aan kwijt te zijn.",
    ),
    (
        "Hidden costs; being chased by the same ad.",
        "Verborgen kosten; achtervolgd worden door dezelfde advertentie.",
    ),
    (
        "If I have to make an account, I'm gone.",
        "Als ik een account moet aanmaken, ben ik weg.",
    ),
];

/// The channel catalogue in one language.
pub fn channels(lang: Lang) -> impl Iterator<Item = &'static str> {
    CHANNELS.iter().map(move |&c| pick(c, lang))
}

/// Units offered for KPIs: percentage, count, currency, score; any other text may be typed too.
const UNITS: &[Both] = &[
    ("%", "%"),
    ("count", "aantal"),
    ("€", "€"),
    ("score", "score"),
];

/// The units offered in one language.
pub fn units(lang: Lang) -> impl Iterator<Item = &'static str> {
    UNITS.iter().map(move |&u| pick(u, lang))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    SeeThinkDoCare,
    KijkKiesKoop,
    AwarenessToAdvocacy,
    ExistingCustomers,
    Blank,
}

struct PhaseSpec {
    name: Both,
    goal: Both,
    touchpoints: &'static [(Both, usize, Option<i8>)],
    kpis: &'static [(Both, usize, Direction)],
}

const fn phase(
    name: Both,
    goal: Both,
    touchpoints: &'static [(Both, usize, Option<i8>)],
    kpis: &'static [(Both, usize, Direction)],
) -> PhaseSpec {
    PhaseSpec {
        name,
        goal,
        touchpoints,
        kpis,
    }
}

// Indexes into CHANNELS and UNITS, named for reading the tables below.
const EMAIL: usize = 0;
const NEWSLETTER: usize = 1;
const REMARKETING: usize = 2;
const DISPLAY: usize = 3;
const SOCIAL: usize = 4;
const SOCIAL_ADS: usize = 5;
const SEO: usize = 6;
const SEA: usize = 7;
const PR: usize = 8;
const WEBSITE: usize = 9;
const CHECKOUT: usize = 10;
const APP: usize = 11;
const COMMUNITY: usize = 12;
const REVIEWS: usize = 13;
const LOYALTY: usize = 14;
const REFERRAL: usize = 15;
const SERVICE: usize = 16;
const SMS: usize = 17;
const PACKAGING: usize = 19;
const STORE: usize = 20;
const PERCENT: usize = 0;
const COUNT: usize = 1;
const MONEY: usize = 2;
const SCORE: usize = 3;
const UP: Direction = Direction::Increase;
const DOWN: Direction = Direction::Decrease;

const SEE_THINK_DO_CARE: &[PhaseSpec] = &[
    phase(
        ("See", "See"),
        (
            "Be seen by everyone who could ever buy from us",
            "Gezien worden door iedereen die ooit bij ons zou kunnen kopen",
        ),
        &[
            (("Inspiring posts", "Inspirerende posts"), SOCIAL, Some(1)),
            (("Display campaign", "Displaycampagne"), DISPLAY, Some(0)),
            (("Press coverage", "Aandacht in de pers"), PR, None),
        ],
        &[
            (("Reach", "Bereik"), COUNT, UP),
            (("Social likes", "Social likes"), COUNT, UP),
        ],
    ),
    phase(
        ("Think", "Think"),
        (
            "Help people who are considering a purchase choose",
            "Mensen die een aankoop overwegen helpen kiezen",
        ),
        &[
            (("Buying guides", "Koopgidsen"), SEO, Some(1)),
            (("Search ads", "Zoekadvertenties"), SEA, Some(0)),
            (
                ("Reviews on product pages", "Reviews op productpagina's"),
                REVIEWS,
                Some(1),
            ),
        ],
        &[(
            ("Returning visitors", "Terugkerende bezoekers"),
            PERCENT,
            UP,
        )],
    ),
    phase(
        ("Do", "Do"),
        (
            "Make buying easy for those ready to buy",
            "Kopen makkelijk maken voor wie wil kopen",
        ),
        &[
            (
                ("Clear call to action", "Duidelijke call-to-action"),
                WEBSITE,
                Some(1),
            ),
            (
                ("Simple checkout", "Eenvoudig afrekenen"),
                CHECKOUT,
                Some(0),
            ),
            (
                ("Cart remarketing", "Remarketing op winkelwagen"),
                REMARKETING,
                Some(-1),
            ),
        ],
        &[
            (("Conversion rate", "Conversieratio"), PERCENT, UP),
            (("Cart abandonment", "Verlaten winkelwagens"), PERCENT, DOWN),
        ],
    ),
    phase(
        ("Care", "Care"),
        (
            "Turn customers into loyal, returning customers",
            "Klanten laten terugkomen en trouw maken",
        ),
        &[
            (
                (
                    "E-mail with labels and personalised content",
                    "E-mail met labels en gepersonaliseerde content",
                ),
                EMAIL,
                Some(1),
            ),
            (
                (
                    "Review request timed after delivery",
                    "Reviewverzoek getimed na levering",
                ),
                REVIEWS,
                Some(0),
            ),
            (
                (
                    "Remarketing list for customers",
                    "Remarketinglijst voor klanten",
                ),
                REMARKETING,
                None,
            ),
            (
                (
                    "Customer account, app and community",
                    "Klantaccount, app en community",
                ),
                COMMUNITY,
                Some(2),
            ),
        ],
        &[
            (
                ("Repeat purchase ratio", "Herhaalaankoopratio"),
                PERCENT,
                UP,
            ),
            (
                (
                    "Customer lifetime value growth",
                    "Groei customer lifetime value",
                ),
                PERCENT,
                UP,
            ),
            (("E-mail open rate", "Openratio e-mail"), PERCENT, UP),
            (("Social likes", "Social likes"), COUNT, UP),
            (("Number of reviews", "Aantal reviews"), COUNT, UP),
            (
                (
                    "Remarketing click-through rate",
                    "Doorklikratio remarketing",
                ),
                PERCENT,
                UP,
            ),
            (
                (
                    "Usage of the customer environment",
                    "Gebruik van de klantomgeving",
                ),
                PERCENT,
                UP,
            ),
        ],
    ),
];

const KIJK_KIES_KOOP: &[PhaseSpec] = &[
    phase(
        ("Look", "Kijk"),
        (
            "Get noticed by the right people",
            "Opvallen bij de juiste mensen",
        ),
        &[
            (("Social media", "Social media"), SOCIAL, Some(1)),
            (
                ("Display advertising", "Display-advertenties"),
                DISPLAY,
                Some(0),
            ),
            (("PR", "PR"), PR, None),
        ],
        &[(("Reach", "Bereik"), COUNT, UP)],
    ),
    phase(
        ("Choose", "Kies"),
        ("Be the obvious choice", "De logische keuze zijn"),
        &[
            (
                ("Found in search", "Vindbaar in zoekmachines"),
                SEO,
                Some(0),
            ),
            (("Search ads", "Zoekadvertenties"), SEA, Some(0)),
            (("Social ads", "Social advertenties"), SOCIAL_ADS, Some(0)),
            (
                ("Website content", "Content op de website"),
                WEBSITE,
                Some(1),
            ),
            (
                ("Reviews and references", "Reviews en referenties"),
                REVIEWS,
                Some(2),
            ),
        ],
        &[(("Click-through rate", "Doorklikratio"), PERCENT, UP)],
    ),
    phase(
        ("Buy", "Koop"),
        (
            "Make buying quick and free of surprises",
            "Kopen snel en zonder verrassingen maken",
        ),
        &[
            (
                ("Clear calls to action", "Duidelijke call-to-actions"),
                WEBSITE,
                Some(1),
            ),
            (("Fast site", "Snelle site"), WEBSITE, Some(1)),
            (
                ("Simple forms", "Eenvoudige formulieren"),
                CHECKOUT,
                Some(0),
            ),
            (
                (
                    "Costs and delivery time up front",
                    "Kosten en levertijd vooraf duidelijk",
                ),
                CHECKOUT,
                Some(1),
            ),
        ],
        &[
            (("Conversion rate", "Conversieratio"), PERCENT, UP),
            (("Cart abandonment", "Verlaten winkelwagens"), PERCENT, DOWN),
        ],
    ),
    phase(
        ("Receive", "Krijg"),
        (
            "Deliver as promised, and a little better",
            "Leveren zoals beloofd, en net iets beter",
        ),
        &[
            (
                (
                    "SMS and e-mail about the delivery",
                    "Sms en mail over de bezorging",
                ),
                SMS,
                Some(1),
            ),
            (("Packaging", "Verpakking"), PACKAGING, Some(2)),
            (("Friendly staff", "Vriendelijk personeel"), STORE, Some(2)),
        ],
        &[
            (("Delivered on time", "Op tijd bezorgd"), PERCENT, UP),
            (("Complaints", "Klachten"), COUNT, DOWN),
        ],
    ),
    phase(
        ("Cherish", "Koester"),
        ("Keep customers coming back", "Klanten laten terugkomen"),
        &[
            (
                (
                    "Voucher for the next purchase",
                    "Tegoedbon voor de volgende aankoop",
                ),
                EMAIL,
                Some(2),
            ),
            (
                (
                    "Feedback and review requests",
                    "Feedback- en reviewverzoeken",
                ),
                REVIEWS,
                Some(0),
            ),
            (("Newsletters", "Nieuwsbrieven"), NEWSLETTER, Some(0)),
            (("Social media", "Social media"), SOCIAL, Some(1)),
        ],
        &[
            (
                ("Repeat purchase ratio", "Herhaalaankoopratio"),
                PERCENT,
                UP,
            ),
            (("Net Promoter Score", "Net Promoter Score"), SCORE, UP),
        ],
    ),
];

const AWARENESS_TO_ADVOCACY: &[PhaseSpec] = &[
    phase(
        ("Awareness", "Bekendheid"),
        ("Make the brand known", "Het merk bekend maken"),
        &[
            (("Social media", "Social media"), SOCIAL, Some(1)),
            (
                ("Display advertising", "Display-advertenties"),
                DISPLAY,
                Some(0),
            ),
        ],
        &[(("Brand awareness", "Naamsbekendheid"), PERCENT, UP)],
    ),
    phase(
        ("Consideration", "Overweging"),
        ("Show why we fit", "Laten zien waarom wij passen"),
        &[
            (
                (
                    "Personalised recommendations",
                    "Gepersonaliseerde aanbevelingen",
                ),
                WEBSITE,
                Some(1),
            ),
            (("Reviews", "Reviews"), REVIEWS, Some(1)),
        ],
        &[(
            ("Product page views", "Weergaven productpagina's"),
            COUNT,
            UP,
        )],
    ),
    phase(
        ("Purchase", "Aankoop"),
        (
            "Remove every obstacle to buying",
            "Elke drempel om te kopen wegnemen",
        ),
        &[
            (
                ("Simple checkout", "Eenvoudig afrekenen"),
                CHECKOUT,
                Some(0),
            ),
            (
                (
                    "Easy re-order of favourites",
                    "Favorieten makkelijk opnieuw bestellen",
                ),
                APP,
                Some(2),
            ),
        ],
        &[
            (("Conversion rate", "Conversieratio"), PERCENT, UP),
            (("Average order value", "Gemiddelde orderwaarde"), MONEY, UP),
        ],
    ),
    phase(
        ("Retention", "Behoud"),
        (
            "Make returning worth it",
            "Terugkomen de moeite waard maken",
        ),
        &[
            (
                (
                    "Rewards for returning customers",
                    "Beloningen voor terugkerende klanten",
                ),
                LOYALTY,
                Some(2),
            ),
            (
                (
                    "Personalised recommendations by e-mail",
                    "Gepersonaliseerde aanbevelingen per e-mail",
                ),
                EMAIL,
                Some(1),
            ),
        ],
        &[
            (
                ("Repeat purchase ratio", "Herhaalaankoopratio"),
                PERCENT,
                UP,
            ),
            (("Churn", "Klantverloop"), PERCENT, DOWN),
        ],
    ),
    phase(
        ("Advocacy", "Ambassadeurschap"),
        (
            "Turn happy customers into promoters",
            "Tevreden klanten tot promotors maken",
        ),
        &[
            (
                (
                    "Satisfaction survey with NPS, twice a year",
                    "Tevredenheidsonderzoek met NPS, twee keer per jaar",
                ),
                EMAIL,
                Some(0),
            ),
            (("Reviews", "Reviews"), REVIEWS, Some(1)),
            (
                ("Referral programme", "Doorverwijsprogramma"),
                REFERRAL,
                Some(1),
            ),
        ],
        &[
            (("Net Promoter Score", "Net Promoter Score"), SCORE, UP),
            (("Number of reviews", "Aantal reviews"), COUNT, UP),
        ],
    ),
];

const EXISTING_CUSTOMERS: &[PhaseSpec] = &[
    phase(
        ("Retention", "Behoud"),
        (
            "Give customers reasons to stay",
            "Klanten redenen geven om te blijven",
        ),
        &[
            (
                ("Exclusive discounts", "Exclusieve kortingen"),
                EMAIL,
                Some(1),
            ),
            (("Savings programme", "Spaarprogramma"), LOYALTY, Some(1)),
            (
                (
                    "Early access to new products",
                    "Eerder toegang tot nieuwe producten",
                ),
                NEWSLETTER,
                Some(2),
            ),
        ],
        &[
            (("Churn", "Klantverloop"), PERCENT, DOWN),
            (
                ("Repeat purchase ratio", "Herhaalaankoopratio"),
                PERCENT,
                UP,
            ),
        ],
    ),
    phase(
        ("Engagement", "Betrokkenheid"),
        ("Stay in conversation", "In gesprek blijven"),
        &[
            (
                ("Dialogue on social media", "Dialoog via social media"),
                SOCIAL,
                Some(1),
            ),
            (("Customer service", "Klantenservice"), SERVICE, Some(0)),
            (
                ("App as an extra service", "App als extra service"),
                APP,
                Some(1),
            ),
        ],
        &[
            (("Active app users", "Actieve app-gebruikers"), COUNT, UP),
            (("Customer satisfaction", "Klanttevredenheid"), SCORE, UP),
        ],
    ),
    phase(
        ("Ambassadors", "Ambassadeurs"),
        (
            "Let customers bring in new customers",
            "Klanten nieuwe klanten laten aanbrengen",
        ),
        &[
            (
                (
                    "Referral reward for both the existing and the new customer",
                    "Beloning voor doorverwijzen voor zowel de bestaande als de nieuwe klant",
                ),
                REFERRAL,
                Some(2),
            ),
            (("Reviews", "Reviews"), REVIEWS, Some(1)),
        ],
        &[
            (("Referrals", "Doorverwijzingen"), COUNT, UP),
            (("Net Promoter Score", "Net Promoter Score"), SCORE, UP),
        ],
    ),
];

impl Template {
    pub const ALL: [Template; 5] = [
        Template::SeeThinkDoCare,
        Template::KijkKiesKoop,
        Template::AwarenessToAdvocacy,
        Template::ExistingCustomers,
        Template::Blank,
    ];

    pub fn name(self, lang: Lang) -> &'static str {
        pick(
            match self {
                Template::SeeThinkDoCare => ("See – Think – Do – Care", "See – Think – Do – Care"),
                Template::KijkKiesKoop => (
                    "Look – Choose – Buy – Receive – Cherish",
                    "Kijk – Kies – Koop – Krijg – Koester",
                ),
                Template::AwarenessToAdvocacy => (
                    "Awareness – Consideration – Purchase – Retention – Advocacy",
                    "Bekendheid – Overweging – Aankoop – Behoud – Ambassadeurschap",
                ),
                Template::ExistingCustomers => (
                    "Existing customers: Retention – Engagement – Ambassadors",
                    "Bestaande klanten: Behoud – Betrokkenheid – Ambassadeurs",
                ),
                Template::Blank => ("Blank", "Leeg"),
            },
            lang,
        )
    }

    fn phases(self) -> &'static [PhaseSpec] {
        match self {
            Template::SeeThinkDoCare => SEE_THINK_DO_CARE,
            Template::KijkKiesKoop => KIJK_KIES_KOOP,
            Template::AwarenessToAdvocacy => AWARENESS_TO_ADVOCACY,
            Template::ExistingCustomers => EXISTING_CUSTOMERS,
            Template::Blank => &[],
        }
    }

    /// Where each of its phases stands in the customer's life.
    fn stages(self) -> &'static [Stage] {
        use Stage::*;
        match self {
            Template::SeeThinkDoCare => &[Aware, Consider, Buy, Keep],
            Template::KijkKiesKoop => &[Aware, Consider, Buy, Receive, Keep],
            Template::AwarenessToAdvocacy => &[Aware, Consider, Buy, Keep, Advocate],
            Template::ExistingCustomers => &[Keep, Engage, Advocate],
            Template::Blank => &[],
        }
    }

    /// A new map from this template, in `lang`, titled `title`: its phases with their
    /// touchpoints (each with a typical plan for its channel) and KPIs, an example persona, and
    /// example cards in every lane.
    pub fn build(self, lang: Lang, id: impl Into<String>, title: impl Into<String>) -> JourneyMap {
        let mut map = JourneyMap::new(id, title);
        map.language = lang.code().into();
        let mut n = 0;
        let mut next_id = |prefix: &str| {
            n += 1;
            format!("{prefix}-{n}")
        };
        if self != Template::Blank {
            map.currency = "EUR".into();
            let [name, description, goals, frustrations, quote] = PERSONA.map(|t| pick(t, lang));
            map.personas.push(Persona {
                description: description.into(),
                goals: goals.into(),
                frustrations: frustrations.into(),
                quote: quote.into(),
                ..Persona::new(next_id("persona"), name, PHASE_PALETTE[3])
            });
        }
        for (i, (spec, stage)) in self.phases().iter().zip(self.stages()).enumerate() {
            let mut phase = Phase::new(
                next_id("phase"),
                pick(spec.name, lang),
                PHASE_PALETTE[i % PHASE_PALETTE.len()],
            );
            phase.goal = pick(spec.goal, lang).into();
            phase.contact_limit = Some(stage.contact_limit());
            for &(name, channel, emotion) in spec.touchpoints {
                let (cost, contacts, reach) = CHANNEL_PLAN[channel];
                phase.touchpoints.push(Touchpoint {
                    channel: pick(CHANNELS[channel], lang).into(),
                    emotion: emotion.and_then(|e| Emotion::new(e.into())),
                    cost_per_month: Some(cost),
                    contacts_per_month: Some(contacts),
                    reach: Some(reach),
                    ..Touchpoint::new(next_id("touchpoint"), pick(name, lang))
                });
            }
            for &(kind, text, severity) in stage.cards() {
                let lane = map.lanes.iter().find(|l| l.kind == kind);
                let lane = lane.expect("a new map has every standard lane").id.clone();
                let card = LaneCard {
                    severity: severity.and_then(|s| Severity::new(s.into())),
                    ..LaneCard::new(next_id("card"), pick(text, lang))
                };
                phase.cards.entry(lane).or_default().push(card);
            }
            for &(name, unit, direction) in spec.kpis {
                phase.kpis.push(Kpi {
                    unit: pick(UNITS[unit], lang).into(),
                    direction,
                    kind: kind_of(name.0),
                    ..Kpi::new(next_id("kpi"), pick(name, lang))
                });
            }
            map.phases.push(phase);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::exchange;

    #[test]
    fn every_template_builds_a_valid_map_in_both_languages() {
        for template in Template::ALL {
            for lang in [Lang::En, Lang::Nl] {
                let map = template.build(lang, "t", template.name(lang));
                // A template's cards are all built at once on the map page (`ALWAYS_BUILT` in
                // src/ui/on_screen.rs), so page search and screen readers reach every one.
                assert!(map
                    .phases
                    .iter()
                    .all(|p| p.touchpoints.len() + p.kpis.len() + p.card_count() <= 17));
                if template != Template::Blank {
                    assert_eq!(map.personas.len(), 1);
                    assert!(map
                        .phases
                        .iter()
                        .all(|p| p.cards.len() == 5 && p.contact_limit.is_some()));
                }
                let text = exchange::export_map(&map, None);
                assert_eq!(
                    exchange::import(&text).unwrap().maps,
                    vec![map],
                    "{template:?} in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn templates_carry_what_the_models_put_in_each_phase() {
        let care = Template::SeeThinkDoCare.build(Lang::En, "t", "STDC");
        let names: Vec<_> = care.phases.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["See", "Think", "Do", "Care"]);
        assert_eq!(care.phases[3].touchpoints.len(), 4);
        assert_eq!(care.phases[3].kpis.len(), 7);
        assert!(care.phases[3]
            .kpis
            .iter()
            .any(|k| k.name == "Repeat purchase ratio" && k.kind == KpiKind::RepeatPurchaseRate));
        // Every kind a template names is one the function knows: none is left a number by a typo.
        let kinds: std::collections::HashSet<KpiKind> = Template::ALL
            .iter()
            .flat_map(|t| t.build(Lang::Nl, "t", "T").phases)
            .flat_map(|p| p.kpis)
            .map(|k| k.kind)
            .collect();
        assert!(kinds.contains(&KpiKind::Nps) && kinds.contains(&KpiKind::Csat5));
        assert!(kinds.contains(&KpiKind::OpenRate) && kinds.contains(&KpiKind::AverageOrderValue));
        assert!(kinds.contains(&KpiKind::ClickThroughRate));

        let kkk = Template::KijkKiesKoop.build(Lang::Nl, "t", "KKK");
        let names: Vec<_> = kkk.phases.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Kijk", "Kies", "Koop", "Krijg", "Koester"]);
        assert!(kkk.phases[3].touchpoints.iter().any(|t| t.channel == "Sms"));
        assert!(kkk.phases[2]
            .kpis
            .iter()
            .any(|k| k.direction == Direction::Decrease));

        let existing = Template::ExistingCustomers.build(Lang::En, "t", "E");
        assert!(existing.phases[2].touchpoints[0]
            .name
            .contains("both the existing and the new customer"));
        assert!(Template::Blank
            .build(Lang::Nl, "t", "Leeg")
            .phases
            .is_empty());
    }

    #[test]
    fn care_brings_the_review_request_before_delivery_as_a_pain_point() {
        let map = Template::SeeThinkDoCare.build(Lang::En, "t", "STDC");
        let pains = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::PainPoints)
            .unwrap();
        let care = &map.phases[3];
        let pain = &care.lane_cards(&pains.id)[0];
        assert_eq!(pain.text, "Review request arrives before the parcel");
        assert_eq!(pain.severity, Severity::new(3));
        // Care contacts its customers more often than its limit, which the template shows as
        // the warning it is; the phases before it stay within theirs.
        let over: Vec<bool> = map.phases.iter().map(|p| p.over_contact_limit()).collect();
        assert_eq!(over, [false, false, false, true]);
        assert_eq!(map.phases[0].touchpoints[0].reach, Some(Reach::Mass));
    }

    #[test]
    fn the_catalogue_names_every_channel_in_both_languages() {
        assert_eq!(CHANNEL_PLAN.len(), CHANNELS.len());
        assert_eq!(channels(Lang::En).count(), channels(Lang::Nl).count());
        assert!(channels(Lang::En).any(|c| c == "Customer service / call centre"));
        assert!(channels(Lang::Nl).any(|c| c == "Winkel / personeel"));
    }
}

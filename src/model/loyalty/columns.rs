//! Which column of an export holds what: guessed from the header (English and Dutch, as shops,
//! survey tools and mailing tools name them), changed by the user, and remembered on the KPI so
//! that next month's export is one drop.

use super::kind::Source;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Date,
    OrderId,
    Customer,
    Total,
    Score,
    Sent,
    Delivered,
    Opened,
    Clicked,
}

/// Per month or per quarter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    #[default]
    Month,
    Quarter,
}

/// A file's columns by role, named by their header (not their place, which exports move), and
/// the period measured per.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mapping {
    pub source: Source,
    pub period: Period,
    /// The header of each role's column.
    pub columns: BTreeMap<Role, String>,
}

impl Source {
    /// The columns a file of this kind needs, in the order the mapping step asks for them.
    pub fn roles(self) -> &'static [Role] {
        match self {
            Source::Survey => &[Role::Date, Role::Score],
            Source::Orders => &[Role::OrderId, Role::Customer, Role::Date, Role::Total],
            // Sent is shown for reference; the rates are of what was delivered.
            Source::Campaign => &[Role::Date, Role::Delivered, Role::Opened, Role::Clicked],
        }
    }
}

impl Role {
    /// Headers that name this role outright, lowercased with punctuation as spaces.
    fn names(self) -> &'static [&'static str] {
        match self {
            Role::Date => &[
                "date",
                "order date",
                "created at",
                "created",
                "paid at",
                "submitted at",
                "timestamp",
                "response date",
                "send date",
                "sent at",
                "datum",
                "besteldatum",
                "orderdatum",
                "aangemaakt op",
                "aangemaakt",
                "tijdstempel",
                "ingediend op",
                "verzenddatum",
                "verzonden op",
            ],
            Role::OrderId => &[
                "order id",
                "order",
                "order number",
                "order no",
                "order nr",
                "name",
                "id",
                "bestelling",
                "bestelnummer",
                "ordernummer",
                "order nummer",
                "bestel id",
                "factuurnummer",
            ],
            Role::Customer => &[
                "customer id",
                "customer",
                "customer email",
                "email",
                "e mail",
                "billing email",
                "user id",
                "client id",
                "klant",
                "klantnummer",
                "klant id",
                "klant nummer",
                "e mailadres",
                "emailadres",
                "debiteurnummer",
                "relatienummer",
            ],
            Role::Total => &[
                "total",
                "order total",
                "amount",
                "revenue",
                "grand total",
                "total amount",
                "totaal",
                "bedrag",
                "totaalbedrag",
                "omzet",
                "ordertotaal",
                "orderbedrag",
                "totaal incl btw",
            ],
            Role::Score => &[
                "score",
                "nps",
                "rating",
                "answer",
                "csat",
                "ces",
                "cijfer",
                "antwoord",
                "beoordeling",
                "waardering",
            ],
            Role::Sent => &[
                "sent",
                "emails sent",
                "recipients",
                "verzonden",
                "ontvangers",
            ],
            Role::Delivered => &["delivered", "afgeleverd", "bezorgd", "ontvangen"],
            Role::Opened => &[
                "opened",
                "opens",
                "unique opens",
                "geopend",
                "opens uniek",
                "unieke opens",
            ],
            Role::Clicked => &[
                "clicked",
                "clicks",
                "unique clicks",
                "geklikt",
                "kliks",
                "klikken",
                "unieke kliks",
                "unieke klikken",
            ],
        }
    }

    /// Words that, found in a longer header, suggest the role (a survey's question as header).
    fn hints(self) -> &'static [&'static str] {
        match self {
            Role::Date => &["date", "datum", "time", "tijd"],
            Role::OrderId => &["order", "bestel"],
            Role::Customer => &["customer", "klant", "mail"],
            Role::Total => &["total", "totaal", "amount", "bedrag"],
            Role::Score => &[
                "recommend",
                "aanbevelen",
                "aanraden",
                "likely",
                "waarschijnlijk",
                "satisf",
                "tevreden",
                "effort",
                "moeite",
                "easy",
                "makkelijk",
                "gemakkelijk",
            ],
            Role::Sent => &["sent", "verzond"],
            Role::Delivered => &["deliver", "afgeleverd", "bezorgd"],
            Role::Opened => &["open"],
            Role::Clicked => &["click", "klik"],
        }
    }
}

/// A header lowercased, with everything but letters and digits as single spaces.
fn plain(header: &str) -> String {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Mapping {
    /// A column chosen for two roles (the date as the customer too): a mistake in the mapping,
    /// which would count every day as a customer.
    pub fn shared_column(&self) -> Option<&str> {
        let mut seen = std::collections::BTreeSet::new();
        self.columns
            .values()
            .find(|h| !seen.insert(h.as_str()))
            .map(String::as_str)
    }

    /// Whether a column is named by a person's e-mail address: the first row of a file without
    /// its header, which no map may keep.
    pub fn names_a_person(&self) -> bool {
        self.columns.values().any(|h| super::table::is_personal(h))
    }

    /// The best guess for `header`: each role takes the column whose header names it outright,
    /// else one whose header holds a hint of it; no column serves two roles. A role no header
    /// suggests is left out, for the user to choose.
    pub fn guess(source: Source, header: &[String]) -> Self {
        let plain: Vec<String> = header.iter().map(|h| plain(h)).collect();
        let mut taken = vec![false; header.len()];
        let mut columns = BTreeMap::new();
        for &role in source.roles() {
            let named = |i: usize| role.names().contains(&plain[i].as_str());
            let hinted = |i: usize| role.hints().iter().any(|h| plain[i].contains(h));
            let found = (0..header.len())
                .find(|&i| !taken[i] && named(i))
                .or_else(|| (0..header.len()).find(|&i| !taken[i] && hinted(i)));
            if let Some(i) = found {
                taken[i] = true;
                columns.insert(role, header[i].clone());
            }
        }
        Mapping {
            source,
            period: Period::default(),
            columns,
        }
    }

    /// The header this mapping names for `role`.
    pub fn column(&self, role: Role) -> Option<&str> {
        self.columns.get(&role).map(String::as_str)
    }

    /// Where each role's column is in `header`, in the order of [`Source::roles`]; the roles
    /// this mapping leaves out or whose header is not in the file are returned instead.
    pub fn places(&self, header: &[String]) -> Result<Vec<usize>, Vec<Role>> {
        let mut places = Vec::new();
        let mut missing = Vec::new();
        for &role in self.source.roles() {
            match self
                .column(role)
                .and_then(|h| header.iter().position(|c| c == h))
            {
                Some(i) => places.push(i),
                None => missing.push(role),
            }
        }
        if missing.is_empty() {
            Ok(places)
        } else {
            Err(missing)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_column_chosen_for_two_roles_is_named() {
        let mut m = Mapping::guess(
            Source::Orders,
            &[
                "Order".into(),
                "Klant".into(),
                "Datum".into(),
                "Totaal".into(),
            ],
        );
        assert_eq!(m.shared_column(), None);
        m.columns.insert(Role::Customer, "Datum".into());
        assert_eq!(m.shared_column(), Some("Datum"));
    }

    #[test]
    fn a_shops_english_export_and_a_dutch_one() {
        // Shopify's order export, its first columns.
        let shopify = header(&[
            "Name",
            "Email",
            "Financial Status",
            "Paid at",
            "Subtotal",
            "Total",
            "Created at",
        ]);
        let m = Mapping::guess(Source::Orders, &shopify);
        assert_eq!(m.column(Role::OrderId), Some("Name"));
        assert_eq!(m.column(Role::Customer), Some("Email"));
        assert_eq!(m.column(Role::Date), Some("Paid at"));
        assert_eq!(m.column(Role::Total), Some("Total"));
        let dutch = header(&[
            "Bestelnummer",
            "Klantnummer",
            "Besteldatum",
            "Totaal (incl. btw)",
        ]);
        let m = Mapping::guess(Source::Orders, &dutch);
        assert_eq!(m.places(&dutch), Ok(vec![0, 1, 2, 3]));
    }

    #[test]
    fn a_surveys_question_as_its_header() {
        let h = header(&[
            "Tijdstempel",
            "Hoe waarschijnlijk is het dat u ons aanbeveelt?",
            "Toelichting",
        ]);
        let m = Mapping::guess(Source::Survey, &h);
        assert_eq!(m.places(&h), Ok(vec![0, 1]));
        let h = header(&[
            "Submitted At",
            "How likely are you to recommend us to a friend?",
        ]);
        assert_eq!(
            Mapping::guess(Source::Survey, &h).places(&h),
            Ok(vec![0, 1])
        );
    }

    #[test]
    fn a_role_no_header_suggests_is_left_for_the_user() {
        let h = header(&["Wanneer", "Wat"]);
        let m = Mapping::guess(Source::Campaign, &h);
        assert!(m.columns.is_empty());
        assert_eq!(
            m.places(&h),
            Err(vec![
                Role::Date,
                Role::Delivered,
                Role::Opened,
                Role::Clicked
            ])
        );
    }
}

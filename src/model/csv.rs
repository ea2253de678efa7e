//! Spreadsheet files: touchpoints and KPIs out, KPI measurements in.
//!
//! Files are UTF-8 with a byte-order mark, so spreadsheet programs read accents right. Dutch
//! spreadsheets expect semicolons and decimal commas, English ones commas and decimal points.

use super::exchange::quoted;
use super::loyalty::forecast::CustomerForecast;
use super::workshop::Score;
use super::{limits, numbers, Date, Direction, JourneyMap, Measurement, Reach};
use crate::i18n::{Lang, Text};
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    Comma,
    Semicolon,
}

impl Separator {
    /// The separator spreadsheets in `lang` expect: Dutch ones semicolons, English ones commas.
    pub fn of(lang: Lang) -> Self {
        if lang == Lang::Nl {
            Separator::Semicolon
        } else {
            Separator::Comma
        }
    }

    fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }

    /// Numbers in the style the spreadsheet expects with this separator.
    fn number(self, value: f64) -> String {
        numbers::exact(
            value,
            if self == Separator::Semicolon {
                Lang::Nl
            } else {
                Lang::En
            },
        )
    }
}

const BOM: char = '\u{feff}';

/// A text field, quoted where needed, with every place a spreadsheet might start a cell guarded.
/// Quoting alone cannot keep a hostile name a name: a program splitting on another separator
/// than the file was written with ignores quotes that do not open a field, so in
/// `Phase,"See details;=1+2"` read with semicolons a cell starts at `=1+2`. Any such place —
/// the start, or just after a comma, semicolon, tab or line break, past spaces and quotes —
/// holding `=`, `+`, `-`, `@`, a tab or a carriage return gets an apostrophe before it, the mark
/// spreadsheets read as "this is text". The property test below reads the export of texts made
/// of every such character with every separator.
fn text_field(text: &str, sep: Separator) -> String {
    let mut guarded = guard_formulas(text);
    // A field's closing quote after a separator or line break starts a cell in some reading,
    // one that opens a quote and holds the row's line break first: a space keeps that quote
    // from opening.
    if guarded.ends_with([',', ';', '\t', '\n', '\r']) {
        guarded.push(' ');
    }
    if guarded.contains([sep.char(), ',', ';', '\t', '"', '\n', '\r'])
        || guarded.starts_with(' ')
        || guarded.ends_with(' ')
    {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn guard_formulas(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    let mut cell_start = true;
    for c in text.chars() {
        if cell_start && matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r') {
            out.push('\'');
        }
        out.push(c);
        cell_start =
            matches!(c, ',' | ';' | '\t' | '\n' | '\r') || (cell_start && matches!(c, ' ' | '"'));
    }
    out
}

fn number_field(value: Option<f64>, sep: Separator) -> String {
    value
        .map(|v| sep.number(v))
        .map(|v| text_or_quoted(&v, sep))
        .unwrap_or_default()
}

/// A number written with a decimal comma must be quoted when commas separate fields.
fn text_or_quoted(value: &str, sep: Separator) -> String {
    if value.contains(sep.char()) {
        format!("\"{value}\"")
    } else {
        value.to_owned()
    }
}

fn file(header: &[Text], rows: Vec<Vec<String>>, sep: Separator, lang: Lang) -> String {
    let s = sep.char().to_string();
    let head: Vec<String> = header.iter().map(|&t| text_field(lang.t(t), sep)).collect();
    let mut out = String::from(BOM);
    for row in std::iter::once(head).chain(rows) {
        out += &row.join(&s);
        out += "\r\n";
    }
    out
}

/// One row per touchpoint: phase, touchpoint, channel, emotion, owner, description, and its
/// plan: cost per month (in the map's currency), contacts per customer per month, reach and the
/// lifecycle event that triggers it.
pub fn touchpoints(map: &JourneyMap, sep: Separator, lang: Lang) -> String {
    let rows = map
        .phases
        .iter()
        .flat_map(|p| p.touchpoints.iter().map(move |t| (p, t)))
        .map(|(p, t)| {
            let reach = t.reach.map(|r| {
                lang.t(match r {
                    Reach::Mass => Text::ReachMass,
                    Reach::Personal => Text::ReachPersonal,
                })
            });
            vec![
                text_field(&p.name, sep),
                text_field(&t.name, sep),
                text_field(&t.channel, sep),
                t.emotion.map(|e| e.score().to_string()).unwrap_or_default(),
                text_field(&t.owner, sep),
                text_field(&t.description, sep),
                number_field(t.cost_per_month, sep),
                text_field(&map.currency, sep),
                number_field(t.contacts_per_month, sep),
                text_field(reach.unwrap_or_default(), sep),
                text_field(&t.trigger, sep),
            ]
        })
        .collect();
    let header = [
        Text::Phase,
        Text::Touchpoint,
        Text::Channel,
        Text::Emotion,
        Text::Owner,
        Text::Description,
        Text::CostPerMonth,
        Text::CurrencyColumn,
        Text::ContactsPerMonth,
        Text::Reach,
        Text::Trigger,
    ];
    file(&header, rows, sep, lang)
}

/// The backlog ([`JourneyMap::backlog`]): one row per card, most votes first, with
/// its phase, lane, severity and votes, its score and quadrant, and, chosen as an action, its
/// owner and due date.
pub fn lane_cards(map: &JourneyMap, sep: Separator, lang: Lang) -> String {
    let rows = map
        .backlog()
        .into_iter()
        .map(|v| {
            let card = v.card;
            let score = |f: fn(&Score) -> u8| card.score.as_ref().map(f).map(|n| n.to_string());
            let action = card.action.as_ref();
            vec![
                text_field(&v.phase.name, sep),
                text_field(&v.lane.name_in(lang), sep),
                text_field(&card.text, sep),
                card.severity
                    .map(|s| s.level().to_string())
                    .unwrap_or_default(),
                card.votes.to_string(),
                score(|s| s.customer).unwrap_or_default(),
                score(|s| s.business).unwrap_or_default(),
                score(|s| s.effort).unwrap_or_default(),
                card.score
                    .map(|s| text_field(lang.t(s.quadrant().name()), sep))
                    .unwrap_or_default(),
                action
                    .map(|a| text_field(&a.owner, sep))
                    .unwrap_or_default(),
                action
                    .and_then(|a| a.due)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let header = [
        Text::Phase,
        Text::Kind,
        Text::CardText,
        Text::Severity,
        Text::Votes,
        Text::ScoreCustomer,
        Text::ScoreBusiness,
        Text::ScoreEffort,
        Text::Quadrant,
        Text::ActionOwner,
        Text::ActionDue,
    ];
    file(&header, rows, sep, lang)
}

/// One row per measurement (and one for a KPI without any): phase, KPI, unit, direction,
/// baseline, target, date, value.
pub fn kpis(map: &JourneyMap, sep: Separator, lang: Lang) -> String {
    let mut rows = Vec::new();
    for phase in &map.phases {
        for kpi in &phase.kpis {
            let direction = lang.t(match kpi.direction {
                Direction::Increase => Text::HigherIsBetter,
                Direction::Decrease => Text::LowerIsBetter,
            });
            let fixed = vec![
                text_field(&phase.name, sep),
                text_field(&kpi.name, sep),
                text_field(&kpi.unit, sep),
                text_field(direction, sep),
                number_field(kpi.baseline, sep),
                number_field(kpi.target, sep),
            ];
            let kind = text_field(lang.t(kpi.kind.label()), sep);
            if kpi.measurements.is_empty() {
                let empty = vec![String::new(); 4];
                rows.push([fixed.clone(), empty, vec![kind.clone()]].concat());
            }
            for m in &kpi.measurements {
                let sample = m.counts.as_ref().and_then(|c| kpi.kind.sample(c));
                let counts = m.counts.as_ref().map(|c| c.describe()).unwrap_or_default();
                rows.push(
                    [
                        fixed.clone(),
                        vec![
                            m.date.to_string(),
                            number_field(Some(m.value), sep),
                            number_field(sample.map(|s| s.size as f64), sep),
                            text_field(&counts, sep),
                            kind.clone(),
                        ],
                    ]
                    .concat(),
                );
            }
        }
    }
    let header = [
        Text::Phase,
        Text::Kpi,
        Text::Unit,
        Text::Direction,
        Text::Baseline,
        Text::Target,
        Text::Date,
        Text::Value,
        Text::SampleSize,
        Text::Counts,
        Text::MeasuredAs,
    ];
    file(&header, rows, sep, lang)
}

/// Measurements as a file of two columns, date and value, that [`measurements`] reads back.
pub fn measurement_file(list: &[Measurement], sep: Separator, lang: Lang) -> String {
    let rows = list
        .iter()
        .map(|m| vec![m.date.to_string(), number_field(Some(m.value), sep)])
        .collect();
    file(&[Text::Date, Text::Value], rows, sep, lang)
}

/// Each customer's forecast, the likeliest buyers first: the customer as the export names
/// them (guarded like every text: an id may start with `=`), first and last order, repeat
/// purchases so far, the chance they are still a customer in percent, the repeat purchases
/// expected in the next 12 months and the predicted value.
pub fn customer_forecasts(rows: &[CustomerForecast], sep: Separator, lang: Lang) -> String {
    let round = |v: f64, places: i32| {
        let k = 10f64.powi(places);
        (v * k).round() / k
    };
    let rows = rows
        .iter()
        .map(|c| {
            vec![
                text_field(&c.customer, sep),
                c.first.to_string(),
                c.last.to_string(),
                c.repeat_purchases.to_string(),
                number_field(Some(round(c.alive * 100.0, 1)), sep),
                number_field(Some(round(c.expected, 3)), sep),
                number_field(c.value.map(|v| round(v, 2)), sep),
            ]
        })
        .collect();
    file(
        &[
            Text::CustomerColumn,
            Text::FirstOrder,
            Text::LastOrder,
            Text::RepeatPurchasesSoFar,
            Text::ChanceStillCustomer,
            Text::ExpectedNextYear,
            Text::PredictedValue,
        ],
        rows,
        sep,
        lang,
    )
}

/// What is wrong with one row of a measurements file; `row` counts lines from 1.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RowProblem {
    pub row: usize,
    pub kind: RowProblemKind,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum RowProblemKind {
    Columns(usize),
    Date(String),
    Value(String),
    /// The file goes on past the rows read, from this row.
    TooManyRows,
    /// Problems in rows beyond those listed, counted.
    More(usize),
}

impl RowProblem {
    pub fn message(&self, lang: Lang) -> String {
        let row = self.row.to_string();
        let (text, name, value) = match &self.kind {
            RowProblemKind::Columns(n) => (Text::RowColumns, "count", n.to_string()),
            RowProblemKind::Date(d) => (Text::RowDate, "date", quoted(d)),
            RowProblemKind::Value(v) => (Text::RowValue, "value", quoted(v)),
            RowProblemKind::TooManyRows => (Text::RowTooMany, "max", limits::CSV_ROWS.to_string()),
            RowProblemKind::More(n) => (Text::ProblemMoreProblems, "count", n.to_string()),
        };
        lang.fill(text, &[("row", &row), (name, &value)])
    }
}

/// Splits one line into fields, honouring double quotes.
fn fields(line: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().expect("never empty").push('"');
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(String::new()),
            c => out.last_mut().expect("never empty").push(c),
        }
    }
    out
}

/// `2026-01-31`, or `31-01-2026` / `31/1/2026` as Dutch spreadsheets write dates.
fn date(text: &str) -> Option<Date> {
    Date::parse(text).or_else(|| {
        let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
        let [d, m, y] = parts.as_slice() else {
            return None;
        };
        if y.len() != 4 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    })
}

/// Excel's hint (`sep=;` as the first line, which some exports write so that Excel splits on
/// that character): the separator it names and the text after its line.
pub fn separator_hint(text: &str) -> Option<(u8, &str)> {
    let rest = text.strip_prefix("sep=")?;
    let sep = *rest.as_bytes().first()?;
    if !sep.is_ascii() || matches!(sep, b'\n' | b'\r' | b'"') {
        return None;
    }
    let rest = &rest[1..];
    let after = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix(['\n', '\r']))
        .or_else(|| rest.is_empty().then_some(rest))?;
    Some((sep, after))
}

/// Reads date–value rows: comma, semicolon or tab separated, with or without a header row.
/// Returns the measurements it could read and a problem for every row it could not.
pub fn measurements(text: &str) -> (Vec<Measurement>, Vec<RowProblem>) {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let (hint, text) = match separator_hint(text) {
        Some((sep, after)) => (Some(char::from(sep)), after),
        None => (None, text),
    };
    // Rows are numbered as the file's lines, the hint's among them.
    let skipped = usize::from(hint.is_some());
    // Old Mac files end their lines with a carriage return alone.
    let text = if text.contains('\n') {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.replace('\r', "\n"))
    };
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1 + skipped, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let first = lines.first().map_or("", |(_, l)| l);
    let sep = hint.unwrap_or_else(|| {
        [';', '\t']
            .into_iter()
            .find(|&c| first.contains(c))
            .unwrap_or(',')
    });
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let mut more = 0;
    let mut problem = |row, kind| {
        if problems.len() < limits::PROBLEMS_LISTED {
            problems.push(RowProblem { row, kind });
        } else {
            more += 1;
        }
    };
    for (index, &(row, line)) in lines.iter().take(limits::CSV_ROWS).enumerate() {
        let cells = fields(line, sep);
        let cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
        if cells.len() != 2 {
            problem(row, RowProblemKind::Columns(cells.len()));
            continue;
        }
        let (d, v) = (date(cells[0]), numbers::parse(cells[1]));
        match (d, v) {
            (Some(date), Ok(Some(value))) => found.push(Measurement::typed(date, value)),
            // A first row that is neither date nor number is a header.
            (None, Err(_)) if index == 0 => {}
            (None, _) => problem(row, RowProblemKind::Date(cells[0].into())),
            (Some(_), _) => problem(row, RowProblemKind::Value(cells[1].into())),
        }
    }
    let last = lines.get(limits::CSV_ROWS.min(lines.len()).saturating_sub(1));
    if let Some(&(row, _)) = last.filter(|_| more > 0) {
        problems.push(RowProblem {
            row,
            kind: RowProblemKind::More(more),
        });
    }
    if let Some(&(row, _)) = lines.get(limits::CSV_ROWS) {
        problems.push(RowProblem {
            row,
            kind: RowProblemKind::TooManyRows,
        });
    }
    (found, problems)
}

/// Adding a file's measurements would give a KPI more than it keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct OverLimit {
    pub existing: usize,
    pub count: usize,
}

/// [`merge`], refused when the KPI would hold more than [`limits::MEASUREMENTS_PER_KPI`]: known
/// when the file is read, so the preview says so rather than an Add that cannot be done.
pub fn merge_within_limit(
    existing: &[Measurement],
    incoming: &[Measurement],
) -> Result<Vec<Measurement>, OverLimit> {
    let merged = merge(existing, incoming);
    if merged.len() > limits::MEASUREMENTS_PER_KPI {
        return Err(OverLimit {
            existing: existing.len(),
            count: merged.len(),
        });
    }
    Ok(merged)
}

/// `existing` with `incoming` added: a date present in both takes the incoming value. In date order.
pub fn merge(existing: &[Measurement], incoming: &[Measurement]) -> Vec<Measurement> {
    let mut merged: Vec<Measurement> = existing
        .iter()
        .filter(|m| !incoming.iter().any(|n| n.date == m.date))
        .cloned()
        .collect();
    merged.extend(incoming.iter().cloned());
    // Stable sort, then keep the last of equal dates: a file that names a date twice means its later row.
    merged.sort_by_key(|m| m.date);
    merged.dedup_by(|later, earlier| {
        later.date == earlier.date && {
            *earlier = later.clone();
            true
        }
    });
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::{self, Size};
    use crate::model::templates::Template;

    #[test]
    fn each_customers_forecast_is_a_row_and_an_id_never_starts_a_formula() {
        let row = CustomerForecast {
            customer: "=HYPERLINK(\"x\")".into(),
            first: Date::new(2026, 1, 5).unwrap(),
            last: Date::new(2026, 4, 1).unwrap(),
            repeat_purchases: 2,
            alive: 0.8766,
            expected: 1.23456,
            value: Some(12.345),
        };
        let text = customer_forecasts(&[row], Separator::Semicolon, Lang::Nl);
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(lines[0], "\u{feff}Klant;Eerste bestelling;Laatste bestelling;Herhaalaankopen tot nu;Kans nog klant (%);\"Verwachte herhaalaankopen, komende 12 maanden\";\"Voorspelde waarde, komende 12 maanden\"");
        assert_eq!(
            lines[1],
            "\"'=HYPERLINK(\"\"x\"\")\";2026-01-05;2026-04-01;2;87,7;1,235;12,35"
        );
    }

    #[test]
    fn the_backlog_lists_pain_points_and_ideas_most_voted_first_and_any_scored_or_chosen_card() {
        let mut map = Template::SeeThinkDoCare.build(Lang::En, "m", "W");
        let ideas = map.lanes[3].id.clone();
        let other = map
            .lanes
            .iter()
            .position(|l| !l.kind.has_votes() && map.phases[0].cards.contains_key(&l.id))
            .expect("a lane without votes with a card");
        let other = map.lanes[other].id.clone();
        let chosen = &mut map.phases[0].cards.get_mut(&other).unwrap()[0];
        chosen.action = Some(crate::model::workshop::Action {
            owner: "Bram".into(),
            due: None,
        });
        let chosen = chosen.text.clone();
        let guest = &mut map.phases[2].cards.get_mut(&ideas).unwrap()[0];
        guest.votes = 7;
        guest.score = Some(Score {
            customer: 5,
            business: 4,
            effort: 2,
        });
        guest.action = Some(crate::model::workshop::Action {
            owner: "=Anna".into(),
            due: Date::new(2027, 1, 15),
        });
        let text = lane_cards(&map, Separator::Comma, Lang::En);
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(lines[0], "\u{feff}Phase,Kind,Text,Severity,Votes,Value to the customer (1–5),Value to the business (1–5),Effort (1–5),Quadrant,Owner,Due date");
        assert_eq!(
            lines[1],
            "Do,Opportunities,Order as a guest,,7,5,4,2,Quick wins,'=Anna,2027-01-15"
        );
        assert!(
            lines.contains(&"Care,Pain points,Review request arrives before the parcel,3,0,,,,,,")
        );
        assert!(lines
            .iter()
            .any(|l| l.contains(&chosen) && l.ends_with(",Bram,")));
        assert_eq!(
            lines.len(),
            1 + 8 + 1,
            "four phases, a pain point and an idea each, and the chosen card of another lane"
        );
    }

    #[test]
    fn touchpoints_file_opens_in_spreadsheets() {
        let mut map = Template::SeeThinkDoCare.build(Lang::En, "m", "W");
        map.phases[0].touchpoints[0].description = "Line one\nline \"two\"; =SUM(A1)".into();
        map.phases[0].touchpoints[1].name = "=HYPERLINK(\"http://x\")".into();
        let text = touchpoints(&map, Separator::Semicolon, Lang::Nl);
        let mut lines = text.split("\r\n");
        assert_eq!(
            lines.next(),
            Some("\u{feff}Fase;Contactmoment;Kanaal;Emotie;Eigenaar;Beschrijving;Kosten per maand;Valuta;Contacten per klant per maand;Bereik;Aanleiding (moment in de klantrelatie)")
        );
        assert_eq!(
            lines.next(),
            Some("See;Inspiring posts;Social media;1;;\"Line one\nline \"\"two\"\"; '=SUM(A1)\";400;EUR;4;Massa (above the line);")
        );
        assert_eq!(
            lines.next(),
            Some("See;\"'=HYPERLINK(\"\"http://x\"\")\";Display advertising;0;;;1500;EUR;4;Massa (above the line);")
        );
    }

    /// The cells a spreadsheet makes of `text` when it splits on `sep`: quotes count only where
    /// they open a cell, as in RFC 4180, and a line break ends a row wherever it is.
    fn cells_as_split(text: &str, sep: char) -> Vec<String> {
        let mut cells = vec![String::new()];
        let (mut quoted, mut opened) = (false, false);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let cell = cells.last_mut().expect("never empty");
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' if quoted => quoted = false,
                '"' if !opened => quoted = true,
                c if !quoted && (c == sep || c == '\n' || c == '\r') => {
                    cells.push(String::new());
                    opened = false;
                    continue;
                }
                c => cell.push(c),
            }
            opened = true;
        }
        cells
    }

    #[test]
    fn no_cell_starts_a_formula_whichever_separator_the_spreadsheet_splits_on() {
        let hostile = [
            "See details;=1+2",
            "Web,@SUM(A1)",
            "Team\t-2+3",
            "a, =1",
            "a;\"=1\"",
            "x\r\n+1",
            "=a,;\t-b",
            "\"\"=1",
            "a,\t=1",
            ";;@x",
            "-",
        ];
        let mut map = Template::SeeThinkDoCare.build(Lang::En, "m", "W");
        for (i, name) in hostile.iter().enumerate() {
            let tp = &mut map.phases[0].touchpoints[i % 3];
            match i / 3 {
                0 => tp.name = (*name).into(),
                1 => tp.channel = (*name).into(),
                2 => tp.owner = (*name).into(),
                _ => tp.description = (*name).into(),
            }
        }
        for written in [Separator::Comma, Separator::Semicolon] {
            let text = touchpoints(&map, written, Lang::En);
            for read in [',', ';', '\t'] {
                for cell in cells_as_split(&text, read) {
                    let is_number = numbers::parse(&cell).is_ok_and(|n| n.is_some());
                    assert!(
                        is_number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "written with {written:?}, read with {read:?}: cell {cell:?}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn no_text_of_separators_quotes_and_line_breaks_starts_a_formula_cell(
            texts in proptest::collection::vec("[,;\t\n\r\" =+@x-]{0,8}", 4)
        ) {
            let mut map = Template::SeeThinkDoCare.build(Lang::En, "m", "W");
            map.phases[0].name = texts[0].clone();
            let tp = &mut map.phases[0].touchpoints[0];
            tp.name = texts[1].clone();
            tp.description = texts[2].clone();
            // The last column: its text ends where the row's line break begins.
            tp.trigger = texts[3].clone();
            for written in [Separator::Comma, Separator::Semicolon] {
                let text = touchpoints(&map, written, Lang::En);
                for read in [',', ';', '\t'] {
                    for cell in cells_as_split(&text, read) {
                        let is_number = numbers::parse(&cell).is_ok_and(|n| n.is_some());
                        proptest::prop_assert!(
                            is_number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                            "written with {:?}, read with {:?}: cell {:?} of {:?}", written, read, cell, texts
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn guarded_text_keeps_every_character() {
        for text in ["See details;=1+2", "a, \"=1", "plain", "-x"] {
            let guarded = guard_formulas(text);
            assert_eq!(guarded.replace('\'', ""), text.replace('\'', ""));
        }
    }

    #[test]
    fn kpi_file_has_a_row_per_measurement_with_local_numbers() {
        let mut map = generate::map(
            1,
            Size {
                phases: 1,
                touchpoints: 0,
                kpis: 2,
                measurements: 2,
                ..Size::SMALL
            },
        );
        map.phases[0].kpis[0].baseline = Some(1.5);
        map.phases[0].kpis[1].measurements.clear();
        let comma = kpis(&map, Separator::Comma, Lang::En);
        let lines: Vec<&str> = comma.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\u{feff}Phase,KPI,Unit,Better when,Baseline,Target,Date,Value,Sample,Counts,Measured as"
        );
        assert!(lines[1].starts_with("Phase 1,KPI 0,"), "{}", lines[1]);
        assert!(lines[1].contains(",1.5,"), "{}", lines[1]);
        assert_eq!(
            lines.len(),
            1 + 2 + 1 + 1,
            "two measurements, one empty KPI, final line end"
        );
        let semi = kpis(&map, Separator::Semicolon, Lang::Nl);
        assert!(semi.contains(";1,5;"), "decimal comma with semicolons");
        assert!(semi.contains("Nulmeting"));
    }

    #[test]
    fn a_computed_kpi_carries_its_sample_and_counts_beside_each_value() {
        use crate::model::loyalty::{Counts, KpiKind, Ratio};
        let mut map = generate::map(
            1,
            Size {
                phases: 1,
                touchpoints: 0,
                kpis: 1,
                measurements: 0,
                ..Size::SMALL
            },
        );
        let kpi = &mut map.phases[0].kpis[0];
        kpi.kind = KpiKind::OpenRate;
        kpi.measurements = vec![Measurement {
            date: Date::parse("2026-01-01").unwrap(),
            value: 25.0,
            counts: Some(Counts::Ratio(Ratio {
                part: 250,
                whole: 1000,
            })),
        }];
        let text = kpis(&map, Separator::Semicolon, Lang::Nl);
        let row = text.split("\r\n").nth(1).unwrap();
        assert!(
            row.ends_with(";2026-01-01;25;1000;part=250 whole=1000;Openratio e-mail"),
            "{row}"
        );
    }

    #[test]
    fn excels_separator_line_names_the_separator_and_is_no_row() {
        // A hostile try's `sep=;` line was called a bad row.
        let (found, problems) =
            measurements("sep=;\r\nDatum;Waarde\r\n31-01-2026;4,5\r\nx;y;z\r\n");
        assert_eq!(
            found,
            vec![Measurement::typed(Date::new(2026, 1, 31).unwrap(), 4.5)]
        );
        assert_eq!(
            problems,
            vec![RowProblem {
                row: 4,
                kind: RowProblemKind::Columns(3)
            }]
        );
        let (found, _) = measurements("sep=,\n2026-01-31,4;5\n");
        assert_eq!(found, vec![]);
        assert_eq!(separator_hint("sep=\t"), Some((b'\t', "")));
        assert_eq!(separator_hint("sep=;;\n"), None);
        assert_eq!(separator_hint("separator;value"), None);
    }

    #[test]
    fn measurements_read_with_either_separator_and_date_style() {
        let (found, problems) =
            measurements("\u{feff}Datum;Waarde\r\n31-01-2026;4,5\r\n2026-02-28;5\r\n\r\n");
        assert_eq!(problems, vec![]);
        assert_eq!(
            found,
            vec![
                Measurement::typed(Date::parse("2026-01-31").unwrap(), 4.5),
                Measurement::typed(Date::parse("2026-02-28").unwrap(), 5.0),
            ]
        );
        let (found, _) = measurements("date,value\n2026-03-01,\"1,25\"\n1/4/2026,-2");
        assert_eq!(
            found.iter().map(|m| m.value).collect::<Vec<_>>(),
            vec![1.25, -2.0]
        );
        assert_eq!(found[1].date, Date::parse("2026-04-01").unwrap());
    }

    #[test]
    fn lines_ended_by_a_carriage_return_alone_are_rows() {
        let (found, problems) = measurements("date;value\r2026-01-31;1\r2026-02-28;2\r");
        assert_eq!((found.len(), problems), (2, Vec::new()));
    }

    #[test]
    fn every_bad_row_is_named() {
        let (found, problems) = measurements(
            "date,value\n2026-02-30,1\n2026-01-01,abc\n2026-01-02\n2026-01-03,4\nx,y,z",
        );
        assert_eq!(found.len(), 1);
        let messages: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
        assert_eq!(
            messages,
            vec![
                "row 2: “2026-02-30” is not a date (use 2026-01-31 or 31-01-2026)",
                "row 3: “abc” is not a number",
                "row 4: expected 2 columns (date and value), found 1",
                "row 6: expected 2 columns (date and value), found 3",
            ]
        );
        assert!(problems[0].message(Lang::Nl).starts_with("rij 2:"));
    }

    #[test]
    fn a_file_is_read_up_to_its_row_limit_and_its_problems_listed_up_to_theirs() {
        let long = "x".repeat(100_000);
        let mut text = String::from("date;value\n");
        for _ in 0..150 {
            text += &format!("{long};1\n");
        }
        for _ in 150..limits::CSV_ROWS + 50 {
            text += "2026-01-01;1\n";
        }
        let (found, problems) = measurements(&text);
        // The header is the first of the rows read.
        assert_eq!(found.len(), limits::CSV_ROWS - 1 - 150);
        assert_eq!(problems.len(), limits::PROBLEMS_LISTED + 2);
        let messages: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
        assert_eq!(
            messages[0],
            format!(
                "row 2: “{}…” is not a date (use 2026-01-31 or 31-01-2026)",
                &long[..40]
            )
        );
        assert_eq!(messages[100], "and 50 more problems");
        assert_eq!(
            messages[101],
            "row 10001: the file goes on past the 10000 rows this app reads; the rest was not read"
        );
    }

    #[test]
    fn a_kpi_never_holds_more_measurements_than_its_limit() {
        let day = |i: usize| {
            Measurement::typed(
                Date::from_days(Date::parse("2000-01-01").unwrap().days() + i as i64).unwrap(),
                i as f64,
            )
        };
        let file: Vec<Measurement> = (0..=limits::MEASUREMENTS_PER_KPI).map(day).collect();
        assert_eq!(
            merge_within_limit(&[], &file),
            Err(OverLimit {
                existing: 0,
                count: limits::MEASUREMENTS_PER_KPI + 1
            })
        );
        let existing: Vec<Measurement> = (0..10).map(day).collect();
        // The same dates again replace what is there: 1000 in all.
        let merged = merge_within_limit(&existing, &file[..limits::MEASUREMENTS_PER_KPI]);
        assert_eq!(merged.map(|m| m.len()), Ok(limits::MEASUREMENTS_PER_KPI));
    }

    #[test]
    fn merging_takes_the_file_value_for_a_known_date() {
        let m = |d: &str, v: f64| Measurement::typed(Date::parse(d).unwrap(), v);
        let merged = merge(
            &[m("2026-01-01", 1.0), m("2026-03-01", 3.0)],
            &[
                m("2026-03-01", 30.0),
                m("2026-02-01", 2.0),
                m("2026-02-01", 20.0),
            ],
        );
        assert_eq!(
            merged,
            vec![
                m("2026-01-01", 1.0),
                m("2026-02-01", 20.0),
                m("2026-03-01", 30.0)
            ]
        );
    }
}

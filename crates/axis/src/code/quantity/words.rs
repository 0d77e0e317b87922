//! Word lists and number words for `code::quantity`.

use super::Unit;

/// Parses a number token: its value and the multiplier of its suffix ("5bn"), or `None` when it
/// is no plain number ("1950s", "2nd", "5km", "1.2.3").
pub(super) fn parse_digits(w: &str, with_currency: bool) -> Option<(f64, Option<f64>)> {
    let split = w.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(w.len());
    let (digits, suffix) = w.split_at(split);
    if digits.bytes().filter(|&b| b == b'.').count() > 1 {
        return None;
    }
    let value: f64 = digits.replace(',', "").parse().ok()?;
    let multiplier = match suffix {
        "" => None,
        "k" => Some(1e3),
        "mln" | "mn" => Some(1e6),
        "bn" | "bln" => Some(1e9),
        "tn" | "trn" => Some(1e12),
        "m" if with_currency => Some(1e6),
        "b" if with_currency => Some(1e9),
        _ => return None,
    };
    Some((value, multiplier))
}

/// The multiplier of a scale word.
pub(super) fn scale(w: &str, with_currency: bool) -> Option<f64> {
    Some(match w {
        "dozen" => 12.0,
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        "m" if with_currency => 1e6,
        "b" if with_currency => 1e9,
        _ => return None,
    })
}

/// The lower bound of a vague plural ("hundreds" of).
pub(super) fn vague(w: &str) -> Option<f64> {
    Some(match w {
        "tens" => 10.0,
        "dozens" => 12.0,
        "scores" => 20.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    })
}

pub(super) fn small_number(w: &str) -> Option<f64> {
    #[rustfmt::skip]
pub(super) const UNITS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
    #[rustfmt::skip]
pub(super) const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
    if let Some(k) = UNITS.iter().position(|u| *u == w) {
        return Some((k + 1) as f64);
    }
    TENS.iter().position(|t| *t == w).map(|k| (20 + 10 * k) as f64)
}

pub(super) fn currency_word(w: &str) -> Option<Unit> {
    Some(match w {
        "dollar" | "dollars" => Unit::Usd,
        "euro" | "euros" => Unit::Eur,
        "yuan" | "renminbi" | "rmb" => Unit::Cny,
        "rouble" | "roubles" | "ruble" | "rubles" => Unit::Rub,
        "pound" | "pounds" | "sterling" => Unit::Gbp,
        "yen" => Unit::Jpy,
        _ if OTHER_CURRENCIES.contains(&w) => Unit::Currency,
        _ => return None,
    })
}

pub(super) fn adjective(w: &str) -> bool {
    ADJECTIVES.contains(&w)
        || (w.len() > 4
            && ["al", "ive", "ous", "ful", "less", "ic", "ed", "ish"].iter().any(|s| w.ends_with(s))
            && !NOT_ADJECTIVES.contains(&w))
}

pub(super) fn is_people(w: &str) -> bool {
    PEOPLE.contains(&w) || w.strip_suffix('s').is_some_and(|s| PEOPLE.contains(&s))
}

/// People nouns (singular or without their plural "s").
#[rustfmt::skip]
pub(super) const PEOPLE: &[&str] = &[
    "troop", "soldier", "people", "person", "persons", "refugee", "civilian", "worker", "engineer",
    "student", "migrant", "protester", "protestor", "prisoner", "resident", "citizen", "tourist",
    "adviser", "advisor", "personnel", "fighter", "militant", "officer", "police", "policemen", "sailor",
    "marine", "diplomat", "children", "child", "women", "woman", "men", "man", "journalist", "doctor",
    "nurse", "pilot", "staff", "employee", "demonstrator", "volunteer", "mercenary", "mercenaries",
    "inhabitant", "immigrant", "victim", "casualties", "hostage", "detainee", "passenger", "pilgrim",
    "voter", "delegate", "specialist", "expert", "scientist", "teacher", "farmer", "miner", "peacekeeper",
    "guard", "contractor", "settler", "evacuee", "survivor", "individual", "national", "member",
    "supporter", "lawmaker", "deputies", "seeker", "rebel", "insurgent", "reservist", "conscript",
    "recruit", "official",
];

/// Adjectives the suffix rule misses.
#[rustfmt::skip]
pub(super) const ADJECTIVES: &[&str] = &[
    "new", "more", "other", "additional", "extra", "foreign", "young", "old", "small", "large", "big",
    "major", "minor", "total", "overall", "annual", "key", "top", "senior", "elite", "regular", "unarmed",
    "innocent", "ordinary", "fresh", "further", "combined", "estimated", "many", "several", "few",
    "two-way", "bilateral", "mutual", "direct", "net", "gross", "average", "entire", "whole", "same",
    "own", "local",
];

/// Words the adjective suffix rule would wrongly catch.
#[rustfmt::skip]
pub(super) const NOT_ADJECTIVES: &[&str] = &[
    "capital", "official", "officials", "national", "nationals", "arsenal", "proposal", "approval",
    "terminal", "rival", "signal", "metal", "deal",
];

/// Function words: never part of a noun phrase.
#[rustfmt::skip]
pub(super) const FUNCTION: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "into",
    "onto", "over", "under", "about", "after", "before", "since", "until", "during", "between", "among",
    "against", "through", "across", "per", "than", "as", "and", "or", "but", "nor", "so", "yet", "if",
    "that", "which", "who", "whom", "whose", "what", "when", "where", "while", "this", "these", "those",
    "its", "their", "his", "her", "our", "my", "your", "it", "they", "them", "he", "she", "we", "i",
    "you", "us", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do",
    "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not",
    "no", "each", "every", "all", "some", "any", "such", "also", "even", "still", "last", "next", "said",
    "says", "say", "told", "ago", "later", "earlier", "again", "both", "either", "neither", "here",
    "there", "then", "now", "today", "up", "down", "out", "off", "away", "back", "via", "times", "others",
    "more", "less", "most", "least", "other", "another", "how", "why", "very", "too", "just", "only",
    "like", "unlike", "within", "toward", "towards", "upon", "amid", "despite", "whether", "because",
    "although", "though", "mr.", "mrs.",
];

/// Words between a verb and its number: "rose by", "reached nearly", "some", "more than".
#[rustfmt::skip]
pub(super) const LEAD: &[&str] = &[
    "by", "to", "at", "about", "around", "nearly", "almost", "some", "roughly", "approximately", "over",
    "under", "only", "just", "than", "more", "less", "fewer", "up", "down", "estimated", "an", "a",
    "least", "as", "much", "many", "of", "the", "another", "additional", "extra", "record", "below",
    "above", "close", "exceeding", "barely", "still", "even", "precisely", "exactly", "fully", "perhaps",
    "possibly",
];

/// Change and level verbs that introduce a quantity of their subject.
#[rustfmt::skip]
pub(super) const CHANGE_VERBS: &[&str] = &[
    "rose", "rise", "rises", "risen", "fell", "fall", "falls", "fallen", "grew", "grow", "grows", "grown",
    "surged", "surges", "jumped", "jumps", "dropped", "drops", "declined", "declines", "climbed",
    "climbs", "soared", "soars", "plunged", "plunges", "slumped", "increased", "increases", "decreased",
    "expanded", "shrank", "shrunk", "shrinks", "contracted", "gained", "gains", "lost", "reached",
    "reaches", "reaching", "totalled", "totaled", "totals", "totalling", "totaling", "hit", "hits",
    "hitting", "stood", "stands", "amounted", "amounting", "doubled", "tripled", "edged", "slipped",
    "slid", "tumbled", "accounted", "accounts", "accounting", "is", "was", "are", "were", "be", "been",
    "rising", "falling", "growing", "bringing", "valued", "topped", "tops", "topping", "exceeded", "exceeds",
    "exceeding", "came",
];

/// Auxiliaries before a change verb: "has risen", "will reach", "had been".
#[rustfmt::skip]
pub(super) const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "was", "were", "are", "been", "be", "will", "would", "could", "may",
    "might", "n't", "not", "also", "already",
];

/// Nouns of change: "a 27% rise in trade".
#[rustfmt::skip]
pub(super) const CHANGE_NOUNS: &[&str] = &[
    "rise", "increase", "drop", "fall", "decline", "growth", "jump", "cut", "cuts", "reduction", "surge",
    "hike", "gain", "loss", "slump", "dip", "boost", "investment", "investments",
];

/// Determiners skipped before a noun phrase.
#[rustfmt::skip]
pub(super) const DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those", "a", "an",
    "all",
];

/// Words before a number word that make it a reference ("the two countries"), not a quantity.
#[rustfmt::skip]
pub(super) const REFERENCE: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "my", "your", "these", "those", "both", "first", "last",
    "next", "other",
];

/// Prepositions whose object is not a quantity's subject.
#[rustfmt::skip]
pub(super) const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "into", "onto", "over", "under",
    "about", "after", "before", "since", "during", "between", "among", "against", "through", "across",
    "toward", "towards", "upon", "amid", "despite", "via", "within", "like", "than", "near",
];

/// Time and duration words: a number before them is no quantity.
#[rustfmt::skip]
pub(super) const TIME_WORDS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "decade", "decades", "century", "centuries", "a.m.", "p.m.", "am", "pm",
    "gmt", "utc", "o'clock", "hrs", "times", "year-old", "years-old", "weekend", "weekends", "night",
    "nights", "morning", "evening", "afternoon",
];

/// Words after which a number names something: "Article 5", "No. 10".
#[rustfmt::skip]
pub(super) const IDENT_WORDS: &[&str] = &[
    "no.", "number", "article", "resolution", "chapter", "section", "page", "paragraph", "flight",
    "route", "room", "phase", "level", "grade", "item", "vol.", "model", "type", "version", "category",
    "stage", "round", "game", "line", "unit", "block", "gate", "platform", "highway", "road", "street",
    "channel", "seat", "row", "table", "figure", "step",
];

/// Month names and their abbreviations, lower case and without a dot.
#[rustfmt::skip]
pub(super) const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
];

/// Currency words without a unit of their own.
#[rustfmt::skip]
pub(super) const OTHER_CURRENCIES: &[&str] = &[
    "rupee", "rupees", "lira", "liras", "lire", "franc", "francs", "peso", "pesos", "rupiah", "riyal",
    "riyals", "rial", "rials", "dinar", "dinars", "dirham", "dirhams", "hryvnia", "hryvnias", "hryvnas",
    "shekel", "shekels", "ringgit", "baht", "naira", "zloty", "zlotys", "krona", "kronor", "krone",
    "kroner", "manat", "tenge", "won", "reais", "rand", "cedi", "cedis", "shilling", "shillings", "dong",
    "kyat", "taka", "forint", "koruna", "lev", "leva", "lei", "afghanis", "birr", "kwacha",
];

/// CAMEO region codes: three letters but no country.
#[rustfmt::skip]
pub(super) const REGIONS: &[&str] = &[
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA",
    "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST",
];

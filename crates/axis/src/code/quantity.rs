//! Quantities: sums of money, percentages and head-counts, a second kind of record next to events.
//!
//! [`find_into`] scans one sentence's tokens left to right and appends every [`Quantity`] it finds:
//! the number (digits or words, with its scale), what it measures ([`Unit`]), the noun it counts or
//! the thing it is a share of (`what`), the actor mentions it belongs to and the date of its clause.
//! There is no parser: the rules are shallow and meant to be predictable. Where a quantity is found,
//! scanning resumes after its last token, so quantities never overlap.
//!
//! # Numbers
//!
//! - **Digits** with separators: `3,000` (commas are dropped), `14.7`; a range `5-6` is its lower
//!   bound. A glued scale suffix counts: `5bn`, `5bln`, `5mln`, `2tn`, `10k`; `5m` and `5b` only
//!   with a currency (`$5m`), since `5m` is also five metres.
//! - **Words**: `one` .. `nineteen`, `twenty` .. `ninety` (`twenty-five`), `a`/`an`/`half a` before
//!   a scale word (`a dozen`, `a million`, `half a billion`), `three hundred fifty`.
//! - **Scale words** multiply: `dozen`, `hundred`, `thousand`, `million`, `billion`, `trillion`,
//!   `mln`, `bln`, `bn`, `tn` (`m` and `b` only after a currency sign).
//! - **Vague plurals** before "of" give their unit as a lower bound: `dozens of` 12, `scores of`
//!   20, `hundreds of` 100, `thousands of` 1000, `millions of` 1e6, and they multiply: `tens of
//!   thousands of` 1e4. Such a quantity needs a noun after "of".
//!
//! # What is not a quantity
//!
//! - **Years**: four plain digits in 1800..=2100 with no currency, scale or percent, unless a
//!   people noun follows (`1956 troops` is a head-count).
//! - **Dates and times**: a number inside a temporal expression of the sentence (`Sept. 12`, `3
//!   days ago`) unless it has a currency, scale, percent or people noun; a day number (1..=31) or
//!   year next to a month name even when the date was not resolved; `10:30`; a number before a time
//!   or duration word (`10 am`, `48 hours`, `5 years`, `3 times`).
//! - **Decades, ordinals and other suffixes**: `1950s`, `1960's`, `2nd`, `5km` (an unknown suffix).
//! - **Names and modifiers**: a number glued to a word or a hyphenated name (`F-16`, `G-20`), one
//!   glued to a following hyphen and word (`12-year-old`, `10-point plan`), a fraction or date with
//!   `/`, and a number after an identifying word (`Article 5`, `Resolution 2231`, `Boeing 737`: a
//!   capitalized word that is not a function word, or `no.`, `number`, `article`, ...).
//! - **References**: a number word right after `the`, a possessive or `both` ("the two countries").
//! - **Ages**: digits alone between commas after a mention ("Putin, 65, said").
//! - **Bare number words**: `one` with no noun, unit or scale after it ("one of them").
//!
//! # Units
//!
//! - **Currency** before the number: `$` and `US$` → [`Unit::Usd`] (`C$`, `HK$`: [`Unit::Currency`]),
//!   `€` → Eur, `£` → Gbp, `¥` → Jpy, `₽` → Rub, other signs (`₹`, `₩`) → Currency.
//! - **Currency words** after the number and its scale, possibly after up to two capitalized
//!   qualifiers: `dollars` → Usd unless a qualifier other than `U.S.`/`US`/`American` comes first
//!   (`Canadian dollars`, `Hong Kong dollars` → Currency); `euros` → Eur; `yuan`, `renminbi`,
//!   `rmb` → Cny; `roubles`, `rubles` → Rub; `pounds`, `sterling` → Gbp (but `500 pounds of` with no
//!   scale or sign is a weight, counted as [`Unit::Count`] of "pounds"); `yen` → Jpy; `rupees`,
//!   `lira`, `pesos`, ... → Currency (`won` only after a scale word).
//! - **Percent**: `%`, `percent`, `per cent`, `pct`, `percentage point(s)`.
//! - **People and Count**: otherwise, the noun after the number, possibly
//!   after one demonym or actor mention (`3,000 Chinese troops`) or one adjective (`5 new ships`);
//!   a noun and a plural noun after it form one (`oil tankers`). A people noun (`troops`,
//!   `soldiers`, `people`, `refugees`, `civilians`, `workers`, `students`, `protesters`, ... see
//!   the `PEOPLE` table) gives [`Unit::People`], any other noun [`Unit::Count`]. Digits with no noun at all
//!   are a Count with no `what`.
//!
//! The span covers the number phrase: currency sign, number, scale and currency or percent word
//! (`$107 billion`, `14.7%`, `1.2 trillion yuan`, `hundreds`); never the counted noun, which is in
//! `what`.
//!
//! # What it measures
//!
//! For people and counts, the noun counted (`troops`, `oil tankers`). For money and percentages,
//! and for a count with no noun after it, the first rule that applies:
//!
//! 1. **After**: `of`, `worth of` or (money only) `in` + a noun phrase (`14.7% of its currency
//!    reserves` → "currency reserves", `$5m in aid` → "aid"); a change noun + `in` + a noun phrase
//!    (`a 27% rise in trade` → "trade"); a noun right after (`a 25% tariff` → "tariff", but not a
//!    change noun: `a 5% rise`). Determiners and a possessive actor (`of China's exports`) are
//!    skipped; a phrase must end in a noun and not be followed by a time word (`in a few months`).
//! 2. **Before**: going back over approximators and prepositions (`by`, `to`, `about`, `nearly`,
//!    `some`, `more than`, ...) and temporal expressions:
//!    - to the end of the previous quantity, possibly before a comma or parenthesis (`rose 5% to
//!      $20 billion`, `$107 billion, up 27%`, `1.19 trillion yuan ($177.61 billion)`): its `what`
//!      (rule 3);
//!    - to `of` after a noun (`a population of 6.2 million` → "population");
//!    - to `worth` after a noun, possibly before a comma (`30 agreements worth $15 billion` →
//!      "agreements", `the deal, worth $3 billion` → "deal");
//!    - to a change or level verb (`rose`, `surged`, `reached`, `totalled`, `is`, ..., the
//!      `CHANGE_VERBS` table; no other verb), then over auxiliaries (`has risen`) to the noun
//!      phrase before it (`trade surged by 27%` → "trade"), passing over a prepositional phrase of
//!      up to six tokens (`trade between China and Russia rose`, `trade between the two countries
//!      rose` → "trade").
//! 3. **Continuation**: a quantity in a participial clause (`, reaching $107 billion`) or right
//!    after another one (rule 2) takes the `what` of the previous quantity of the sentence.
//!
//! A noun phrase is at most three lower-case content words (or an acronym such as `GDP`); leading
//! adjectives (a short list, and words in -al, -ive, -ous, -ful, -less, -ic, -ed, -ish) are
//! dropped (`bilateral trade` → "trade", `foreign currency reserves` → "currency reserves").
//!
//! # Actors
//!
//! `actors` are indices into the sentence's mentions, ascending:
//!
//! 1. **Inside or right after**: mentions overlapping the number phrase (after any currency
//!    prefix), starting right after it (or after its `of`), or holding the counted noun
//!    (`3,000 Chinese troops` → the "Chinese troops" mention).
//! 2. **Subject**: else the nearest mention before it in its clause that is not the object of a
//!    preposition (a mention coordinated with one that is, `between China and Russia`, counts as
//!    one too) and that no earlier quantity counted (`1956 troops and five ships`: the ships are
//!    not the troops'), with the mentions coordinated before it (`Russia and China signed 30
//!    agreements` → both).
//! 3. **Continuation**: else, for a quantity that continues another (`what` rule 3), that one's
//!    actors.
//! 4. **Bilateral**: when `what` ends in "trade", "commerce" or "turnover", or "bilateral" comes
//!    earlier in the sentence, also the two nearest distinct countries (mentions whose actor part is
//!    a three-letter code that is not `---` nor a CAMEO region), first before the quantity, nearest
//!    first, then after it.
//!
//! `date` is the date of the clause holding the phrase's first token.
//!
//! No input makes it panic: tokens, mentions and clauses are all read through checked access, so
//! even mentions or dates from another sentence only give poorer results.

use crate::mention::Mention;
use crate::text::{Span, Token};
use crate::when::{ResolvedDate, SentenceDates};
use serde::Serialize;

/// What a quantity measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// US dollars.
    Usd,
    /// Euros.
    Eur,
    /// Chinese yuan (renminbi).
    Cny,
    /// Russian roubles.
    Rub,
    /// Pounds sterling.
    Gbp,
    /// Japanese yen.
    Jpy,
    /// Another or an unknown currency ("Canadian dollars", "rupees", "₹").
    Currency,
    /// A percentage (or percentage points).
    Percent,
    /// People: troops, soldiers, people, refugees, workers, students, ...
    People,
    /// A bare count of something else.
    Count,
}

impl Unit {
    /// The name used in JSON: `usd`, `eur`, ..., `people`, `count`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Usd => "usd",
            Unit::Eur => "eur",
            Unit::Cny => "cny",
            Unit::Rub => "rub",
            Unit::Gbp => "gbp",
            Unit::Jpy => "jpy",
            Unit::Currency => "currency",
            Unit::Percent => "percent",
            Unit::People => "people",
            Unit::Count => "count",
        }
    }

    /// Whether this is money.
    pub fn is_currency(self) -> bool {
        matches!(self, Unit::Usd | Unit::Eur | Unit::Cny | Unit::Rub | Unit::Gbp | Unit::Jpy | Unit::Currency)
    }
}

/// A quantity found in a sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    /// The number phrase with its currency and percent marks: "$107 billion", "14.7%", "3,000".
    pub span: Span,
    /// The value, scaled: 107e9, 14.7, 3000.0, 8e6. A lower bound for "hundreds of" and ranges.
    pub value: f64,
    /// What it measures.
    pub unit: Unit,
    /// The noun it counts or the thing it is a share of, lower-case: "troops", "currency reserves".
    pub what: Option<String>,
    /// Indices into the sentence's mentions that it is tied to, ascending.
    pub actors: Vec<usize>,
    /// The date of the clause of its first token.
    pub date: Option<ResolvedDate>,
}

/// Appends the quantities of one sentence to `out`, in token order.
///
/// `text` is the document's normalised text and `lower` its lower-cased copy with the same byte
/// offsets; `tokens` are the sentence's tokens, `mentions` its actor mentions (token ranges
/// relative to `tokens`) and `dates` its dated clauses.
pub fn find_into(
    text: &str,
    lower: &str,
    tokens: &[Token],
    mentions: &[Mention],
    dates: &SentenceDates,
    out: &mut Vec<Quantity>,
) {
    debug_assert_eq!(text.len(), lower.len(), "lower must share the text's byte offsets");
    let scan = Scan { lower, tokens, mentions, dates };
    let first = out.len();
    // Mentions that earlier quantities counted: objects, never a later quantity's subject.
    let mut counted = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let earlier = out.get(first..).unwrap_or(&[]);
        match scan.quantity_at(i, earlier, &mut counted) {
            Some((q, next)) => {
                out.push(q);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
}

/// A number phrase before its unit is known.
#[derive(Clone, Copy, Debug)]
struct Number {
    /// First token of the phrase (the currency prefix if any).
    start: usize,
    /// First token of the number itself.
    num: usize,
    /// One past the number and its scale words.
    end: usize,
    value: f64,
    /// Currency from a prefix sign.
    prefix: Option<Unit>,
    /// Written in digits.
    digits: bool,
    /// A scale word or suffix applied.
    scaled: bool,
    /// "hundreds of": `end` is followed by "of", and a noun must come after it.
    vague: bool,
    /// Four plain digits in 1800..=2100.
    year_shaped: bool,
}

/// The noun a number counts.
#[derive(Clone, Copy, Debug)]
struct Counted {
    /// First token of the noun (a compound "oil tankers" has two).
    first: usize,
    /// Its last token, the head noun.
    head: usize,
    /// The head is a people noun.
    people: bool,
}

/// Where `what` came from, for money and percentages.
enum What {
    Found(Option<String>),
    /// A participial clause or a quantity right after another: the `what` and actors of this
    /// earlier quantity of the sentence.
    Continues(usize),
}

struct Scan<'a> {
    lower: &'a str,
    tokens: &'a [Token],
    mentions: &'a [Mention],
    dates: &'a SentenceDates,
}

mod scan;
mod words;

#[cfg(test)]
mod tests;

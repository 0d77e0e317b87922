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

use crate::mention::{Mention, MentionKind};
use crate::text::{Span, Token, TokenKind};
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

impl<'a> Scan<'a> {
    fn w(&self, i: usize) -> &'a str {
        self.tokens.get(i).and_then(|t| self.lower.get(t.span.range())).unwrap_or("")
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.has(Token::SPACE_BEFORE))
    }

    fn capitalized(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_capitalized())
    }

    fn all_caps(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.has(Token::ALL_CAPS))
    }

    /// The mention starting at token `i`.
    fn mention_at(&self, i: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.tokens.start == i && !m.tokens.is_empty())
    }

    fn in_mention(&self, i: usize) -> bool {
        self.mentions.iter().any(|m| m.tokens.contains(&i))
    }

    /// A lower-case content word: no function word, no number, scale, unit or time word.
    fn content(&self, i: usize) -> bool {
        let w = self.w(i);
        self.kind(i) == Some(TokenKind::Word)
            // Capitalized only as the sentence's first word or an acronym ("GDP"), never a name.
            && (!self.capitalized(i) || ((i == 0 || self.all_caps(i)) && !self.in_mention(i)))
            && w.chars().count() >= 2
            && w.chars().all(char::is_alphabetic)
            && !FUNCTION.contains(&w)
            && !LEAD.contains(&w)
            && !TIME_WORDS.contains(&w)
            && scale(w, true).is_none()
            && vague(w).is_none()
            && small_number(w).is_none()
            && currency_word(w).is_none()
            && !matches!(w, "percent" | "pct" | "cent")
    }

    /// A content word that can head a noun phrase.
    fn noun(&self, i: usize) -> bool {
        let w = self.w(i);
        self.content(i) && !adjective(w) && !w.ends_with("ly")
    }

    /// The quantity starting at token `i` and the token after it; adds the mentions it counts (and
    /// any in its currency prefix) to `counted_mentions`.
    fn quantity_at(
        &self,
        i: usize,
        earlier: &[Quantity],
        counted_mentions: &mut Vec<usize>,
    ) -> Option<(Quantity, usize)> {
        let n = self.number_at(i)?;
        if self.not_a_quantity(&n) {
            return None;
        }
        let mut end = n.end;
        let mut unit = n.prefix;
        // "500 pounds of": the token of "pounds", a weight.
        let mut weight = None;
        if self.w(end) == "%" {
            unit = Some(Unit::Percent);
            end += 1;
        } else if let Some(e) = self.percent_word(end) {
            unit = Some(Unit::Percent);
            end = e;
        } else if let Some((u, e)) = self.currency_after(end, n.scaled) {
            if n.prefix.is_none() && !n.scaled && u == Unit::Gbp && self.w(e) == "of" {
                weight = Some(e - 1);
            } else {
                unit = Some(n.prefix.unwrap_or(u));
                end = e;
            }
        }
        if unit.is_none() && weight.is_none() {
            // A duration or clock time, not a quantity.
            if TIME_WORDS.contains(&self.w(end)) {
                return None;
            }
        }
        let span = self.tokens.get(n.start)?.span.cover(self.tokens.get(end - 1)?.span);

        let mut counted = None;
        let share = |u: Unit| match self.what_of_share(&n, end, u, earlier) {
            What::Found(what) => (u, what, None),
            What::Continues(k) => (u, earlier.get(k).and_then(|q| q.what.clone()), Some(k)),
        };
        let (unit, what, continues) = match unit {
            Some(u) => share(u),
            None => {
                let after = if n.vague { end + 1 } else { end };
                counted = match weight {
                    Some(k) => Some(Counted { first: k, head: k, people: false }),
                    None => self.counted(after),
                };
                match counted {
                    Some(c) => {
                        let unit = if c.people { Unit::People } else { Unit::Count };
                        (unit, Some(self.join(c.first..c.head + 1)), None)
                    }
                    // An age in apposition: "Putin, 65, said".
                    None if self.w(n.start.wrapping_sub(1)) == ","
                        && self.w(end) == ","
                        && n.start.checked_sub(2).is_some_and(|p| self.in_mention(p)) =>
                    {
                        return None
                    }
                    // Digits alone are a count; words alone only with a scale ("two million").
                    None if !n.vague && (n.digits || n.scaled) => share(Unit::Count),
                    None => return None,
                }
            }
        };
        if n.digits && !unit.is_currency() && unit != Unit::Percent && self.identifier_before(n.start) {
            return None;
        }

        let mut actors = self.actors_inside(&n, end, counted);
        counted_mentions.extend_from_slice(&actors);
        // "US$": the prefix names a currency, not an actor.
        let prefix = self
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.tokens.start < n.num && n.start < m.tokens.end);
        counted_mentions.extend(prefix.map(|(k, _)| k));
        if actors.is_empty() {
            self.subject_into(n.start, counted_mentions, &mut actors);
        }
        if actors.is_empty() {
            if let Some(q) = continues.and_then(|k| earlier.get(k)) {
                actors.extend_from_slice(&q.actors);
            }
        }
        if self.bilateral(n.num, what.as_deref()) {
            self.countries_into(n.start, end, &mut actors);
        }
        actors.sort_unstable();
        actors.dedup();
        let date = self.dates.date_at(n.start);
        let q = Quantity { span, value: n.value, unit, what, actors, date };
        let next = counted.map_or(end, |c| c.head + 1).max(end);
        Some((q, next))
    }

    /// The number phrase starting at `i`, with its currency prefix and scale words.
    fn number_at(&self, i: usize) -> Option<Number> {
        let (prefix, num) = self.currency_prefix(i).map_or((None, i), |(u, j)| (Some(u), j));
        let mut n = Number {
            start: i,
            num,
            end: num + 1,
            value: 0.0,
            prefix,
            digits: false,
            scaled: false,
            vague: false,
            year_shaped: false,
        };
        let with_currency = prefix.is_some();
        match self.kind(num)? {
            TokenKind::Number => {
                let w = self.w(num);
                let (value, suffix) = parse_digits(w, with_currency)?;
                n.digits = true;
                n.value = value;
                n.year_shaped = suffix.is_none()
                    && w.len() == 4
                    && w.bytes().all(|b| b.is_ascii_digit())
                    && (1800.0..=2100.0).contains(&value);
                // A range "5-6": the lower bound, with the second number's scale suffix.
                let mut suffix = suffix;
                if self.w(num + 1) == "-"
                    && self.glued(num + 1)
                    && self.glued(num + 2)
                    && self.kind(num + 2) == Some(TokenKind::Number)
                {
                    let (_, s) = parse_digits(self.w(num + 2), with_currency)?;
                    suffix = s;
                    n.end = num + 3;
                    n.year_shaped = false;
                }
                if let Some(s) = suffix {
                    n.value *= s;
                    n.scaled = true;
                }
            }
            TokenKind::Word => {
                if prefix.is_some() {
                    return None;
                }
                self.number_words(&mut n)?;
            }
            _ => return None,
        }
        if !n.vague {
            self.scale_words(&mut n);
        }
        (n.value.is_finite() && n.value >= 0.0).then_some(n)
    }

    /// `$`, `€`, `£`, `¥`, `₽`, `US$`, `HK$`, ... right before a number: the unit and the number's
    /// token.
    fn currency_prefix(&self, i: usize) -> Option<(Unit, usize)> {
        let sign = |w: &str| match w {
            "$" => Some(Unit::Usd),
            "€" => Some(Unit::Eur),
            "£" => Some(Unit::Gbp),
            "¥" => Some(Unit::Jpy),
            "₽" => Some(Unit::Rub),
            "₹" | "₩" | "₺" | "₪" | "₴" | "₦" => Some(Unit::Currency),
            _ => None,
        };
        let number = |j: usize| self.kind(j) == Some(TokenKind::Number);
        if let Some(u) = sign(self.w(i)) {
            return number(i + 1).then_some((u, i + 1));
        }
        if self.kind(i) == Some(TokenKind::Word) && self.w(i + 1) == "$" && self.glued(i + 1) && number(i + 2)
        {
            let w = self.w(i);
            let u = match w {
                "us" | "u.s." => Unit::Usd,
                _ if w.len() <= 3 && self.tokens.get(i).is_some_and(|t| t.is_capitalized()) => Unit::Currency,
                _ => return None,
            };
            return Some((u, i + 2));
        }
        None
    }

    /// Number words at `n.num`: "two", "twenty-five", "a dozen", "half a million", "hundreds of".
    fn number_words(&self, n: &mut Number) -> Option<()> {
        let j = n.num;
        let w = self.w(j);
        if let Some(v) = vague(w) {
            if self.w(j + 1) != "of" {
                return None;
            }
            n.value = v;
            n.vague = true;
            // "tens of thousands of", "hundreds of millions of".
            while let Some(v) = vague(self.w(n.end + 1)).filter(|_| self.w(n.end + 2) == "of") {
                n.value *= v;
                n.end += 2;
            }
            return Some(());
        }
        if matches!(w, "a" | "an") {
            // "a dozen", "a million": the scale words supply the value.
            scale(self.w(j + 1), false)?;
            n.value = 1.0;
        } else if w == "half" && matches!(self.w(j + 1), "a" | "an") {
            scale(self.w(j + 2), false)?;
            n.value = 0.5;
            n.end = j + 2;
        } else {
            n.value = small_number(w)?;
            if self.w(j + 1) == "-" && self.glued(j + 1) {
                // "twenty-five"; any other hyphen is a modifier ("two-thirds", "one-year").
                let unit =
                    small_number(self.w(j + 2)).filter(|u| n.value >= 20.0 && *u < 10.0 && self.glued(j + 2));
                n.value += unit?;
                n.end = j + 3;
            }
        }
        Some(())
    }

    /// Multiplies by the scale words after the number: "107 billion", "two hundred thousand".
    fn scale_words(&self, n: &mut Number) {
        let with_currency = n.prefix.is_some();
        while let Some(s) = scale(self.w(n.end), with_currency) {
            n.value *= s;
            n.scaled = true;
            n.end += 1;
            // "three hundred fifty".
            if s == 100.0 && !n.digits {
                if let Some(v) = small_number(self.w(n.end)) {
                    n.value += v;
                    n.end += 1;
                }
            }
        }
    }

    /// The shapes that look like numbers but are not quantities (see the module docs).
    fn not_a_quantity(&self, n: &Number) -> bool {
        let j = n.num;
        let next = self.w(n.end);
        let unit_follows = n.prefix.is_some()
            || next == "%"
            || self.percent_word(n.end).is_some()
            || self.currency_after(n.end, n.scaled).is_some();
        let people_follow = self.counted(n.end).is_some_and(|c| c.people);
        if n.digits {
            // Glued to a word or a hyphenated name: "F-16", "G-20".
            let prev = j.checked_sub(1);
            if prev.is_some_and(|p| self.glued(j) && self.kind(p) == Some(TokenKind::Word)) {
                return true;
            }
            if let Some(p) = prev.filter(|&p| self.glued(j) && matches!(self.w(p), "-" | "/" | "#" | ":")) {
                let name = p
                    .checked_sub(1)
                    .is_some_and(|q| self.glued(p) && self.kind(q) != Some(TokenKind::Number));
                if name || self.w(p) != "-" {
                    return true;
                }
            }
            // "10:30", "9/11", "12-year-old", "1960's".
            if self.glued(n.end) && matches!(next, ":" | "/" | "-" | "'s" | "'") {
                return true;
            }
        } else if !n.scaled
            && j.checked_sub(1)
                .is_some_and(|p| REFERENCE.contains(&self.w(p)) || self.kind(p) == Some(TokenKind::Clitic))
        {
            return true;
        }
        let plain = !n.scaled && n.prefix.is_none();
        if n.year_shaped && plain && !unit_follows && !people_follow {
            return true;
        }
        // Day numbers and years next to a month, even where the date was not resolved.
        let day_like = n.digits && plain && n.value.fract() == 0.0 && (1.0..=31.0).contains(&n.value);
        if (day_like || n.year_shaped) && (self.month(j.wrapping_sub(1)) || self.month(n.end)) {
            return true;
        }
        let in_expr = self.dates.exprs.iter().any(|e| e.tokens.contains(&j));
        if in_expr && plain && !unit_follows && !people_follow {
            return true;
        }
        false
    }

    fn month(&self, i: usize) -> bool {
        let w = self.w(i);
        let w = w.strip_suffix('.').unwrap_or(w);
        MONTHS.contains(&w) && (self.capitalized(i) || !matches!(w, "may" | "march"))
    }

    /// `percent`, `per cent`, `pct`, `percentage point(s)` at `i`: the end of the word(s).
    fn percent_word(&self, i: usize) -> Option<usize> {
        match self.w(i) {
            "percent" | "pct" => Some(i + 1),
            "per" if self.w(i + 1) == "cent" => Some(i + 2),
            "percentage" if matches!(self.w(i + 1), "point" | "points") => Some(i + 2),
            _ => None,
        }
    }

    /// A currency word at `i`, possibly after up to two capitalized qualifiers: its unit and end.
    fn currency_after(&self, i: usize, scaled: bool) -> Option<(Unit, usize)> {
        let mut k = i;
        while k < i + 2 && self.capitalized(k) && self.kind(k) == Some(TokenKind::Word) {
            k += 1;
        }
        let mut unit = currency_word(self.w(k))?;
        if self.w(k) == "won" && !scaled {
            return None;
        }
        if unit == Unit::Usd && (i..k).any(|q| !matches!(self.w(q), "u.s." | "us" | "american")) {
            unit = Unit::Currency;
        }
        let end = if matches!(self.w(k), "pound" | "pounds") && self.w(k + 1) == "sterling" {
            k + 2
        } else {
            k + 1
        };
        Some((unit, end))
    }

    /// The noun counted at `k`: an optional adjective, then a mention or a demonym, then a noun.
    fn counted(&self, k: usize) -> Option<Counted> {
        let mut k = k;
        let w = self.w(k);
        let modifier =
            (adjective(w) && self.content(k)) || matches!(w, "more" | "other" | "additional" | "extra");
        if modifier && (self.noun(k + 1) || self.mention_at(k + 1).is_some()) {
            k += 1;
        }
        let (first, head) = if let Some(m) = self.mention_at(k).and_then(|m| self.mentions.get(m)) {
            // "Chinese troops", "Russian tanks", "Chinese military advisers".
            let (last, after) = (m.tokens.end.saturating_sub(1), m.tokens.end);
            if self.noun(after) && (is_people(self.w(after)) || !self.noun(last)) {
                (after, after)
            } else if self.noun(last) {
                (last, last)
            } else {
                return None;
            }
        } else if self.capitalized(k) && is_people(self.w(k + 1)) && self.noun(k + 1) {
            (k + 1, k + 1)
        } else if self.noun(k) {
            (k, k)
        } else {
            return None;
        };
        // A noun and a plural after it: "oil tankers".
        let (a, b) = (self.w(head), self.w(head + 1));
        let head =
            if first == head && self.noun(head + 1) && b.ends_with('s') && !a.ends_with('s') && !is_people(a)
            {
                head + 1
            } else {
                head
            };
        Some(Counted { first, head, people: is_people(self.w(head)) })
    }

    /// `what` for money and percentages (rules 1-3 of the module docs).
    fn what_of_share(&self, n: &Number, end: usize, unit: Unit, earlier: &[Quantity]) -> What {
        let w = self.w(end);
        let after = match w {
            "of" => self.phrase_after(end + 1),
            "worth" if self.w(end + 1) == "of" => self.phrase_after(end + 2),
            "in" if unit.is_currency() => self.phrase_after(end + 1),
            _ if CHANGE_NOUNS.contains(&w) && self.w(end + 1) == "in" => self.phrase_after(end + 2),
            // "a 25% tariff"; but "a 5% rise" says nothing of what rose.
            _ if self.noun(end) && !CHANGE_NOUNS.contains(&w) => Some(self.join(end..end + 1)),
            _ => None,
        };
        if after.is_some() {
            return What::Found(after);
        }
        // Back over "by", "about", ... and temporal expressions to the verb.
        let mut k = n.start;
        while let Some(p) = k.checked_sub(1) {
            if LEAD.contains(&self.w(p)) || self.dates.exprs.iter().any(|e| e.tokens.contains(&p)) {
                k = p;
            } else {
                break;
            }
        }
        let continues = match earlier.len().checked_sub(1) {
            Some(last) => What::Continues(last),
            None => What::Found(None),
        };
        // "rose 5% to $20 billion", "$107 billion, up 27%": the same thing, measured twice.
        let previous_end = earlier.last().map(|q| q.span.end);
        let ends_previous = |p: Option<usize>| {
            p.and_then(|p| self.tokens.get(p)).is_some_and(|t| Some(t.span.end) == previous_end)
        };
        let comma = k.checked_sub(1).is_some_and(|p| matches!(self.w(p), "," | "("));
        if ends_previous(k.checked_sub(1)) || (comma && ends_previous(k.checked_sub(2))) {
            return continues;
        }
        // "a population of 6.2 million", "an increase of 27%".
        if self.w(k) == "of" && k.checked_sub(1).is_some_and(|p| self.noun(p)) {
            return What::Found(self.phrase_before(k));
        }
        // "agreements worth $15 billion", "the deal, worth $3 billion"; "is worth" goes on to the verb.
        if k.checked_sub(1).is_some_and(|p| self.w(p) == "worth") {
            k -= 1;
            let noun = if self.w(k.wrapping_sub(1)) == "," { k.checked_sub(2) } else { k.checked_sub(1) };
            if let Some(p) = noun.filter(|&p| self.noun(p)) {
                return What::Found(self.phrase_before(p + 1));
            }
        }
        let Some(verb) = k.checked_sub(1).filter(|&v| self.verb(v)) else {
            return What::Found(None);
        };
        if self.w(verb).ends_with("ing") && verb.checked_sub(1).is_some_and(|p| self.w(p) == ",") {
            return continues;
        }
        let mut k = verb;
        while k.checked_sub(1).is_some_and(|p| AUXILIARIES.contains(&self.w(p))) {
            k -= 1;
        }
        What::Found(self.phrase_before(k))
    }

    fn verb(&self, i: usize) -> bool {
        let w = self.w(i);
        self.kind(i) == Some(TokenKind::Word) && !self.capitalized(i) && CHANGE_VERBS.contains(&w)
    }

    /// A noun phrase from `k` on: determiners and a possessive actor skipped, up to three words.
    fn phrase_after(&self, k: usize) -> Option<String> {
        let mut k = k;
        loop {
            if DETERMINERS.contains(&self.w(k)) {
                k += 1;
            } else if let Some(m) = self.mention_at(k).and_then(|m| self.mentions.get(m)) {
                if !matches!(self.w(m.tokens.end), "'s" | "'") {
                    break;
                }
                k = m.tokens.end + 1;
            } else {
                break;
            }
        }
        let start = k;
        while k < start + 3 && self.content(k) {
            k += 1;
        }
        // "in a few months" is a time, not a thing.
        if k == start || !self.noun(k - 1) || TIME_WORDS.contains(&self.w(k)) {
            return None;
        }
        self.phrase(start..k)
    }

    /// The noun phrase ending before `k`: up to three words, over a prepositional phrase.
    fn phrase_before(&self, k: usize) -> Option<String> {
        let mut end = k;
        if let Some(p) = self.prepositional_start(end) {
            end = p;
        }
        let mut start = end;
        while start > 0 && end - start < 3 && self.content(start - 1) {
            start -= 1;
        }
        self.phrase(start..end)
    }

    /// If the (at most six) tokens before `k` are a prepositional phrase after a noun ("trade
    /// between China and Russia", "trade between the two countries"), the preposition's index.
    fn prepositional_start(&self, k: usize) -> Option<usize> {
        let mut p = k.checked_sub(1)?;
        for _ in 0..6 {
            let w = self.w(p);
            if matches!(w, "between" | "with" | "of" | "to" | "from" | "in" | "among" | "for" | "on") {
                return p.checked_sub(1).filter(|&h| self.noun(h)).map(|_| p);
            }
            let inside = self.in_mention(p)
                || self.content(p)
                || small_number(w).is_some()
                || self.kind(p) == Some(TokenKind::Number)
                || DETERMINERS.contains(&w)
                || matches!(w, "and" | "or" | "," | "'s" | "both");
            if !inside {
                return None;
            }
            p = p.checked_sub(1)?;
        }
        None
    }

    /// The words of `range`, leading adjectives dropped, joined by spaces.
    fn phrase(&self, range: std::ops::Range<usize>) -> Option<String> {
        let mut start = range.start;
        while range.end - start > 1 && adjective(self.w(start)) {
            start += 1;
        }
        (start < range.end).then(|| self.join(start..range.end))
    }

    fn join(&self, range: std::ops::Range<usize>) -> String {
        let mut s = String::new();
        for i in range {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(self.w(i));
        }
        s
    }

    /// "Article 5", "Resolution 2231", "Boeing 737": a number after an identifying word.
    fn identifier_before(&self, start: usize) -> bool {
        let Some(p) = start.checked_sub(1) else { return false };
        let w = self.w(p);
        if IDENT_WORDS.contains(&w) {
            return true;
        }
        self.kind(p) == Some(TokenKind::Word)
            && self.capitalized(p)
            && !FUNCTION.contains(&w)
            && !LEAD.contains(&w)
            && !self.dates.exprs.iter().any(|e| e.tokens.contains(&p))
    }

    /// Actor rule 1: mentions overlapping the phrase, right after it, or holding the counted noun.
    fn actors_inside(&self, n: &Number, end: usize, counted: Option<Counted>) -> Vec<usize> {
        let after = if n.vague || self.w(end) == "of" { end + 1 } else { end };
        let mut out = Vec::new();
        for (k, m) in self.mentions.iter().enumerate() {
            let overlaps = m.tokens.start < end && n.num < m.tokens.end;
            let holds = counted.is_some_and(|c| m.tokens.contains(&c.head));
            if overlaps || m.tokens.start == end || m.tokens.start == after || holds {
                out.push(k);
            }
        }
        out
    }

    /// Actor rule 2: the nearest mention before `start` in its clause, not after a preposition,
    /// with the mentions coordinated before it ("Russia and China signed").
    fn subject_into(&self, start: usize, counted: &[usize], out: &mut Vec<usize>) {
        let clause_start =
            self.dates.clauses.iter().find(|c| c.tokens.contains(&start)).map_or(0, |c| c.tokens.start);
        let mut best: Option<usize> = None;
        for (k, m) in self.mentions.iter().enumerate() {
            let inside = m.tokens.start >= clause_start && m.tokens.end <= start && !m.tokens.is_empty();
            let nearer = best.is_none_or(|b| self.mentions[b].tokens.start < m.tokens.start);
            if inside && nearer && !counted.contains(&k) && !self.after_preposition(m) {
                best = Some(k);
            }
        }
        let Some(mut cur) = best else { return };
        out.push(cur);
        // Each step moves to a mention that starts strictly earlier, so this ends.
        while let Some(k) = self.mentions.iter().position(|o| {
            let next = &self.mentions[cur];
            o.tokens.end < next.tokens.start
                && o.tokens.end + 1 == next.tokens.start
                && o.tokens.start >= clause_start
                && o.tokens.start < o.tokens.end
                && matches!(self.w(o.tokens.end), "and" | "or" | ",")
        }) {
            out.push(k);
            cur = k;
        }
    }

    /// Whether a mention is the object of a preposition, directly or coordinated with one that is.
    fn after_preposition(&self, m: &Mention) -> bool {
        let mut p = m.tokens.start;
        // Each step moves strictly back, so this ends.
        while p > 0 {
            let w = self.w(p - 1);
            if matches!(w, "the" | "a" | "an") {
                p -= 1;
            } else if matches!(w, "and" | "or" | ",") {
                let coordinated =
                    |o: &&Mention| o.tokens.end < p && o.tokens.end + 1 == p && o.tokens.start < p - 1;
                match self.mentions.iter().find(coordinated) {
                    Some(o) => p = o.tokens.start,
                    None => break,
                }
            } else {
                break;
            }
        }
        p > 0 && PREPOSITIONS.contains(&self.w(p - 1))
    }

    /// Actor rule 4 applies.
    fn bilateral(&self, num: usize, what: Option<&str>) -> bool {
        let last = what.and_then(|w| w.rsplit(' ').next());
        matches!(last, Some("trade" | "commerce" | "turnover")) || (0..num).any(|i| self.w(i) == "bilateral")
    }

    /// Actor rule 4: adds the two nearest distinct countries, before the quantity first.
    fn countries_into(&self, start: usize, end: usize, out: &mut Vec<usize>) {
        let before = self.mentions.iter().enumerate().rev().filter(|(_, m)| m.tokens.end <= start);
        let after = self.mentions.iter().enumerate().filter(|(_, m)| m.tokens.start >= end);
        let mut seen: Vec<&str> = Vec::new();
        for (k, m) in before.chain(after) {
            if seen.len() == 2 {
                break;
            }
            let code = m.actor.as_str();
            let country = matches!(m.kind, MentionKind::Actor | MentionKind::Person)
                && code.len() == 3
                && code != "---"
                && !REGIONS.contains(&code);
            if country && !seen.contains(&code) {
                seen.push(code);
                out.push(k);
            }
        }
    }
}

/// Parses a number token: its value and the multiplier of its suffix ("5bn"), or `None` when it
/// is no plain number ("1950s", "2nd", "5km", "1.2.3").
fn parse_digits(w: &str, with_currency: bool) -> Option<(f64, Option<f64>)> {
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
fn scale(w: &str, with_currency: bool) -> Option<f64> {
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
fn vague(w: &str) -> Option<f64> {
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

fn small_number(w: &str) -> Option<f64> {
    #[rustfmt::skip]
const UNITS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
    #[rustfmt::skip]
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
    if let Some(k) = UNITS.iter().position(|u| *u == w) {
        return Some((k + 1) as f64);
    }
    TENS.iter().position(|t| *t == w).map(|k| (20 + 10 * k) as f64)
}

fn currency_word(w: &str) -> Option<Unit> {
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

fn adjective(w: &str) -> bool {
    ADJECTIVES.contains(&w)
        || (w.len() > 4
            && ["al", "ive", "ous", "ful", "less", "ic", "ed", "ish"].iter().any(|s| w.ends_with(s))
            && !NOT_ADJECTIVES.contains(&w))
}

fn is_people(w: &str) -> bool {
    PEOPLE.contains(&w) || w.strip_suffix('s').is_some_and(|s| PEOPLE.contains(&s))
}

/// People nouns (singular or without their plural "s").
#[rustfmt::skip]
const PEOPLE: &[&str] = &[
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
const ADJECTIVES: &[&str] = &[
    "new", "more", "other", "additional", "extra", "foreign", "young", "old", "small", "large", "big",
    "major", "minor", "total", "overall", "annual", "key", "top", "senior", "elite", "regular", "unarmed",
    "innocent", "ordinary", "fresh", "further", "combined", "estimated", "many", "several", "few",
    "two-way", "bilateral", "mutual", "direct", "net", "gross", "average", "entire", "whole", "same",
    "own", "local",
];

/// Words the adjective suffix rule would wrongly catch.
#[rustfmt::skip]
const NOT_ADJECTIVES: &[&str] = &[
    "capital", "official", "officials", "national", "nationals", "arsenal", "proposal", "approval",
    "terminal", "rival", "signal", "metal", "deal",
];

/// Function words: never part of a noun phrase.
#[rustfmt::skip]
const FUNCTION: &[&str] = &[
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
const LEAD: &[&str] = &[
    "by", "to", "at", "about", "around", "nearly", "almost", "some", "roughly", "approximately", "over",
    "under", "only", "just", "than", "more", "less", "fewer", "up", "down", "estimated", "an", "a",
    "least", "as", "much", "many", "of", "the", "another", "additional", "extra", "record", "below",
    "above", "close", "exceeding", "barely", "still", "even", "precisely", "exactly", "fully", "perhaps",
    "possibly",
];

/// Change and level verbs that introduce a quantity of their subject.
#[rustfmt::skip]
const CHANGE_VERBS: &[&str] = &[
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
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "was", "were", "are", "been", "be", "will", "would", "could", "may",
    "might", "n't", "not", "also", "already",
];

/// Nouns of change: "a 27% rise in trade".
#[rustfmt::skip]
const CHANGE_NOUNS: &[&str] = &[
    "rise", "increase", "drop", "fall", "decline", "growth", "jump", "cut", "cuts", "reduction", "surge",
    "hike", "gain", "loss", "slump", "dip", "boost", "investment", "investments",
];

/// Determiners skipped before a noun phrase.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those", "a", "an",
    "all",
];

/// Words before a number word that make it a reference ("the two countries"), not a quantity.
#[rustfmt::skip]
const REFERENCE: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "my", "your", "these", "those", "both", "first", "last",
    "next", "other",
];

/// Prepositions whose object is not a quantity's subject.
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "into", "onto", "over", "under",
    "about", "after", "before", "since", "during", "between", "among", "against", "through", "across",
    "toward", "towards", "upon", "amid", "despite", "via", "within", "like", "than", "near",
];

/// Time and duration words: a number before them is no quantity.
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "decade", "decades", "century", "centuries", "a.m.", "p.m.", "am", "pm",
    "gmt", "utc", "o'clock", "hrs", "times", "year-old", "years-old", "weekend", "weekends", "night",
    "nights", "morning", "evening", "afternoon",
];

/// Words after which a number names something: "Article 5", "No. 10".
#[rustfmt::skip]
const IDENT_WORDS: &[&str] = &[
    "no.", "number", "article", "resolution", "chapter", "section", "page", "paragraph", "flight",
    "route", "room", "phase", "level", "grade", "item", "vol.", "model", "type", "version", "category",
    "stage", "round", "game", "line", "unit", "block", "gate", "platform", "highway", "road", "street",
    "channel", "seat", "row", "table", "figure", "step",
];

/// Month names and their abbreviations, lower case and without a dot.
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
];

/// Currency words without a unit of their own.
#[rustfmt::skip]
const OTHER_CURRENCIES: &[&str] = &[
    "rupee", "rupees", "lira", "liras", "lire", "franc", "francs", "peso", "pesos", "rupiah", "riyal",
    "riyals", "rial", "rials", "dinar", "dinars", "dirham", "dirhams", "hryvnia", "hryvnias", "hryvnas",
    "shekel", "shekels", "ringgit", "baht", "naira", "zloty", "zlotys", "krona", "kronor", "krone",
    "kroner", "manat", "tenge", "won", "reais", "rand", "cedi", "cedis", "shilling", "shillings", "dong",
    "kyat", "taka", "forint", "koruna", "lev", "leva", "lei", "afghanis", "birr", "kwacha",
];

/// CAMEO region codes: three letters but no country.
#[rustfmt::skip]
const REGIONS: &[&str] = &[
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA",
    "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::Dictionary;
    use crate::mention::MentionFinder;
    use crate::text::Document;
    use crate::when::{Date, Timeline};
    use std::sync::OnceLock;

    fn dict() -> &'static Dictionary {
        static DICT: OnceLock<Dictionary> = OnceLock::new();
        DICT.get_or_init(|| Dictionary::builtin().expect("the builtin dictionary loads"))
    }

    /// Runs the real pipeline on `text` and describes every quantity of every sentence as
    /// `SPAN: VALUE UNIT what=WHAT actors=[CODES] date=DATE`.
    fn describe(text: &str, story: Option<Date>) -> Vec<String> {
        let doc = Document::new("t", text, story);
        let mut finder = MentionFinder::new(dict());
        let mut timeline = Timeline::new(doc.date);
        let mut out = Vec::new();
        for s in doc.sentences() {
            let tokens = doc.sentence_tokens(s);
            let mut dates = SentenceDates::default();
            timeline.date_sentence(doc.text(), doc.lower(), tokens, &mut dates);
            let mut mentions = Vec::new();
            finder.find_into(&doc, s, &dates, &mut mentions);
            let mut found = Vec::new();
            find_into(doc.text(), doc.lower(), tokens, &mentions, &dates, &mut found);
            for q in found {
                let actors: Vec<String> = q.actors.iter().map(|&k| mentions[k].code.to_string()).collect();
                out.push(format!(
                    "{}: {} {} what={} actors=[{}] date={}",
                    doc.slice(q.span),
                    q.value,
                    q.unit.as_str(),
                    q.what.as_deref().unwrap_or("-"),
                    actors.join(","),
                    q.date.map_or("-".to_string(), |d| d.interval.to_string()),
                ));
            }
        }
        out
    }

    #[test]
    fn table() {
        let story = Date::new(2019, 2, 2);
        #[rustfmt::skip]
        let table: &[(&str, &[&str])] = &[
            ("China and Russia said bilateral trade surged by 27% last year, reaching $107 billion.", &[
                "27%: 27 percent what=trade actors=[CHN,RUS] date=2018",
                "$107 billion: 107000000000 usd what=trade actors=[CHN,RUS] date=2018",
            ]),
            ("Bilateral trade between China and Russia surged by 27% last year, reaching $107 billion.", &[
                "27%: 27 percent what=trade actors=[CHN,RUS] date=2018",
                "$107 billion: 107000000000 usd what=trade actors=[CHN,RUS] date=2018",
            ]),
            ("Russia's central bank moved 14.7% of its currency reserves into the Chinese yuan.", &[
                "14.7%: 14.7 percent what=currency reserves actors=[RUSGOVBUS] date=2019-02-02",
            ]),
            ("Beijing sent 3,000 Chinese troops to the border.", &[
                "3,000: 3000 people what=troops actors=[CHNMIL] date=2019-02-02",
            ]),
            ("The Russian Far East has only 8 million people.", &[
                "8 million: 8000000 people what=people actors=[RUS] date=2019-02-02",
            ]),
            ("Japan pledged $5m in aid.", &["$5m: 5000000 usd what=aid actors=[JPN] date=2019-02-02"]),
            ("Germany approved €2.5 billion for Ukraine.", &[
                "€2.5 billion: 2500000000 eur what=- actors=[DEU] date=2019-02-02",
            ]),
            ("China's reserves fell by 1.2 trillion yuan in 2016.", &[
                "1.2 trillion yuan: 1200000000000 cny what=reserves actors=[CHN] date=2016",
            ]),
            ("Mao Zedong visited Moscow in 1956.", &[]),
            ("Relations were close in the 1950s.", &[]),
            ("Hundreds of protesters gathered in Moscow.", &[
                "Hundreds: 100 people what=protesters actors=[---OPP] date=2019-02-02",
            ]),
            // Numbers that are not quantities.
            ("On Sept. 12 at 10:30 am, Article 5 was invoked for the 2nd time.", &[]),
            ("The two countries sent F-16 jets and a 12-year-old boy.", &[]),
            ("The 1960's were hard.", &[]),
            // Words, vague plurals, other currencies.
            ("Tens of thousands of refugees fled.", &[
                "Tens of thousands: 10000 people what=refugees actors=[---REF] date=2019-02-02",
            ]),
            ("Canada gave 5 billion Canadian dollars and two hundred fifty tanks.", &[
                "5 billion Canadian dollars: 5000000000 currency what=- actors=[CAN] date=2019-02-02",
                "two hundred fifty: 250 count what=tanks actors=[CAN] date=2019-02-02",
            ]),
            ("India holds a 25% stake and 500 pounds of gold.", &[
                "25%: 25 percent what=stake actors=[IND] date=2019-02-02",
                "500: 500 count what=pounds actors=[IND] date=2019-02-02",
            ]),
            // A year-shaped number before a people noun is a head-count (the timeline still reads
            // it as a year, hence the date).
            ("Trade between the two countries rose 5 percent to $20 billion in 2018.", &[
                "5 percent: 5 percent what=trade actors=[] date=2018",
                "$20 billion: 20000000000 usd what=trade actors=[] date=2018",
            ]),
            ("Russia and China signed 30 agreements worth $15 billion.", &[
                "30: 30 count what=agreements actors=[RUS,CHN] date=2019-02-02",
                "$15 billion: 15000000000 usd what=agreements actors=[RUS,CHN] date=2019-02-02",
            ]),
            ("China's GDP grew 6.6% in 2018, the slowest pace since 1990.", &[
                "6.6%: 6.6 percent what=gdp actors=[CHN] date=2018",
            ]),
            ("The deal is worth 400 billion dollars.", &[
                "400 billion dollars: 400000000000 usd what=deal actors=[] date=2019-02-02",
            ]),
            ("Unemployment fell to 3.7 per cent.", &[
                "3.7 per cent: 3.7 percent what=unemployment actors=[] date=2019-02-02",
            ]),
            ("Putin, 65, said Russia would send 100 more tanks.", &[
                "100: 100 count what=tanks actors=[RUS] date=2019-02-02",
            ]),
            ("A million people, half a million refugees and twenty-five soldiers.", &[
                "A million: 1000000 people what=people actors=[] date=2019-02-02",
                "half a million: 500000 people what=refugees actors=[---REF] date=2019-02-02",
                "twenty-five: 25 people what=soldiers actors=[---MIL] date=2019-02-02",
            ]),
            ("The army lost 5-6 tanks, US$3.5 billion and HK$5m.", &[
                "5-6: 5 count what=tanks actors=[---MIL] date=2019-02-02",
                "US$3.5 billion: 3500000000 usd what=- actors=[] date=2019-02-02",
                "HK$5m: 5000000 currency what=- actors=[] date=2019-02-02",
            ]),
            ("China's military budget rose 7.5% to 1.19 trillion yuan ($177.61 billion).", &[
                "7.5%: 7.5 percent what=military budget actors=[CHNMIL] date=2019-02-02",
                "1.19 trillion yuan: 1190000000000 cny what=military budget actors=[CHNMIL] date=2019-02-02",
                "$177.61 billion: 177610000000 usd what=military budget actors=[CHNMIL] date=2019-02-02",
            ]),
            ("The death toll rose to 300, and the S-400 deal, worth about $3 billion, was signed.", &[
                "300: 300 count what=death toll actors=[] date=2019-02-02",
                "$3 billion: 3000000000 usd what=deal actors=[] date=2019-02-02",
            ]),
            ("Moscow cut $96 billion in a few months.", &[
                "$96 billion: 96000000000 usd what=- actors=[RUS] date=2019-02-02",
            ]),
            ("He was born on 12 March 1950.", &[]),
            ("In 2014, Russia annexed Crimea.", &[]),
            ("Aeroflot bought Boeing 737 jets.", &[]),
            ("France deployed 1956 troops and five new ships.", &[
                "1956: 1956 people what=troops actors=[---MIL] date=1956",
                "five: 5 count what=ships actors=[FRA] date=1956",
            ]),
        ];
        let mut failures = Vec::new();
        for (text, want) in table {
            let got = describe(text, story);
            if got != *want {
                failures.push(format!("{text:?}\n  want {want:#?}\n  got  {got:#?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn serializes_with_lower_case_units() {
        let doc = Document::new("t", "Beijing sent 3,000 Chinese troops.", Date::new(2019, 2, 2));
        let sentence = &crate::mention::mentions(dict(), &doc)[0];
        let mut found = Vec::new();
        let tokens = doc.sentence_tokens(&doc.sentences()[0]);
        find_into(doc.text(), doc.lower(), tokens, &sentence.mentions, &sentence.dates, &mut found);
        let json = serde_json::to_value(&found[0]).expect("serializes");
        assert_eq!(json["unit"], "people");
        assert_eq!(json["value"], 3000.0);
        assert_eq!(json["what"], "troops");
        assert_eq!(json["actors"], serde_json::json!([1]));
        assert_eq!(json["span"], serde_json::json!({"start": 13, "end": 18}));
    }

    /// Quantities on arbitrary token mixes: no panic, spans on char boundaries inside the
    /// sentence, finite values, actor indices in range — also with mentions and dates that belong
    /// to another sentence.
    #[test]
    fn never_panics() {
        let big = "9".repeat(400);
        let pieces = [
            "$",
            "US$",
            "€",
            "£",
            "¥",
            "3,000",
            "14.7",
            "1,2.3",
            "%",
            "per",
            "cent",
            "percent",
            "billion",
            "m",
            "5m",
            "5bn",
            "10k",
            "1950s",
            "2nd",
            "1956",
            "2000",
            "hundreds",
            "tens",
            "of",
            "a",
            "dozen",
            "half",
            "twenty",
            "-",
            "five",
            "one",
            "the",
            "Chinese",
            "troops",
            "people",
            "China",
            "Russia",
            "trade",
            "bilateral",
            "rose",
            "by",
            "reaching",
            ",",
            ".",
            ":",
            "/",
            "'s",
            "Sept.",
            "12",
            "dollars",
            "Canadian",
            "pounds",
            "won",
            "yuan",
            "in",
            "aid",
            " ",
            "é",
            "北京",
            "\u{301}",
            &big,
        ];
        let mut seed = 7u64;
        let mut rng = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        let story = Date::new(2019, 2, 2);
        for _ in 0..2000 {
            let len = rng(30);
            let mut raw = String::new();
            for _ in 0..len {
                raw.push_str(pieces[rng(pieces.len())]);
                if rng(3) > 0 {
                    raw.push(' ');
                }
            }
            let doc = Document::new("p", raw.as_str(), story);
            let mut finder = MentionFinder::new(dict());
            let mut timeline = Timeline::new(doc.date);
            let mut previous: Option<(SentenceDates, Vec<Mention>)> = None;
            for s in doc.sentences() {
                let tokens = doc.sentence_tokens(s);
                let mut dates = SentenceDates::default();
                timeline.date_sentence(doc.text(), doc.lower(), tokens, &mut dates);
                let mut mentions = Vec::new();
                finder.find_into(&doc, s, &dates, &mut mentions);
                let mut found = Vec::new();
                find_into(doc.text(), doc.lower(), tokens, &mentions, &dates, &mut found);
                for q in &found {
                    assert!(q.value.is_finite() && q.value >= 0.0, "{raw:?}");
                    assert!(q.actors.iter().all(|&k| k < mentions.len()), "{raw:?}");
                    let r = q.span.range();
                    assert!(doc.text().get(r.clone()).is_some(), "{raw:?}: {r:?}");
                    assert!(q.span.start >= s.span.start && q.span.end <= s.span.end, "{raw:?}");
                }
                // Mentions and dates of another sentence, or with broken token ranges: poorer
                // results, never a panic.
                if let Some((d, m)) = &previous {
                    find_into(doc.text(), doc.lower(), tokens, m, d, &mut found);
                }
                let mut broken = mentions.clone();
                for (k, m) in broken.iter_mut().enumerate() {
                    m.tokens = match (k + rng(4)) % 4 {
                        0 => usize::MAX - 1..usize::MAX,
                        1 => std::ops::Range { start: 5, end: 2 },
                        2 => 0..tokens.len() + 10,
                        _ => m.tokens.end..usize::MAX,
                    };
                }
                find_into(doc.text(), doc.lower(), tokens, &broken, &SentenceDates::default(), &mut found);
                previous = Some((dates, mentions));
            }
        }
    }
}

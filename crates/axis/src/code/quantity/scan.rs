//! The scanner of `code::quantity`: numbers, scales, units, what they count, and their actors.

use super::words::*;
use super::*;
use crate::mention::MentionKind;
use crate::text::TokenKind;

impl<'a> Scan<'a> {
    pub(super) fn w(&self, i: usize) -> &'a str {
        self.tokens.get(i).and_then(|t| self.lower.get(t.span.range())).unwrap_or("")
    }

    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    pub(super) fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.has(Token::SPACE_BEFORE))
    }

    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_capitalized())
    }

    pub(super) fn all_caps(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.has(Token::ALL_CAPS))
    }

    /// The mention starting at token `i`.
    pub(super) fn mention_at(&self, i: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.tokens.start == i && !m.tokens.is_empty())
    }

    pub(super) fn in_mention(&self, i: usize) -> bool {
        self.mentions.iter().any(|m| m.tokens.contains(&i))
    }

    /// A lower-case content word: no function word, no number, scale, unit or time word.
    pub(super) fn content(&self, i: usize) -> bool {
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
    pub(super) fn noun(&self, i: usize) -> bool {
        let w = self.w(i);
        self.content(i) && !adjective(w) && !w.ends_with("ly")
    }

    /// The quantity starting at token `i` and the token after it; adds the mentions it counts (and
    /// any in its currency prefix) to `counted_mentions`.
    pub(super) fn quantity_at(
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
    pub(super) fn number_at(&self, i: usize) -> Option<Number> {
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
    pub(super) fn currency_prefix(&self, i: usize) -> Option<(Unit, usize)> {
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
    pub(super) fn number_words(&self, n: &mut Number) -> Option<()> {
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
    pub(super) fn scale_words(&self, n: &mut Number) {
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
    pub(super) fn not_a_quantity(&self, n: &Number) -> bool {
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

    pub(super) fn month(&self, i: usize) -> bool {
        let w = self.w(i);
        let w = w.strip_suffix('.').unwrap_or(w);
        MONTHS.contains(&w) && (self.capitalized(i) || !matches!(w, "may" | "march"))
    }

    /// `percent`, `per cent`, `pct`, `percentage point(s)` at `i`: the end of the word(s).
    pub(super) fn percent_word(&self, i: usize) -> Option<usize> {
        match self.w(i) {
            "percent" | "pct" => Some(i + 1),
            "per" if self.w(i + 1) == "cent" => Some(i + 2),
            "percentage" if matches!(self.w(i + 1), "point" | "points") => Some(i + 2),
            _ => None,
        }
    }

    /// A currency word at `i`, possibly after up to two capitalized qualifiers: its unit and end.
    pub(super) fn currency_after(&self, i: usize, scaled: bool) -> Option<(Unit, usize)> {
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
    pub(super) fn counted(&self, k: usize) -> Option<Counted> {
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
    pub(super) fn what_of_share(&self, n: &Number, end: usize, unit: Unit, earlier: &[Quantity]) -> What {
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

    pub(super) fn verb(&self, i: usize) -> bool {
        let w = self.w(i);
        self.kind(i) == Some(TokenKind::Word) && !self.capitalized(i) && CHANGE_VERBS.contains(&w)
    }

    /// A noun phrase from `k` on: determiners and a possessive actor skipped, up to three words.
    pub(super) fn phrase_after(&self, k: usize) -> Option<String> {
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
    pub(super) fn phrase_before(&self, k: usize) -> Option<String> {
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
    pub(super) fn prepositional_start(&self, k: usize) -> Option<usize> {
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
    pub(super) fn phrase(&self, range: std::ops::Range<usize>) -> Option<String> {
        let mut start = range.start;
        while range.end - start > 1 && adjective(self.w(start)) {
            start += 1;
        }
        (start < range.end).then(|| self.join(start..range.end))
    }

    pub(super) fn join(&self, range: std::ops::Range<usize>) -> String {
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
    pub(super) fn identifier_before(&self, start: usize) -> bool {
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
    pub(super) fn actors_inside(&self, n: &Number, end: usize, counted: Option<Counted>) -> Vec<usize> {
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
    pub(super) fn subject_into(&self, start: usize, counted: &[usize], out: &mut Vec<usize>) {
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
    pub(super) fn after_preposition(&self, m: &Mention) -> bool {
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
    pub(super) fn bilateral(&self, num: usize, what: Option<&str>) -> bool {
        let last = what.and_then(|w| w.rsplit(' ').next());
        matches!(last, Some("trade" | "commerce" | "turnover")) || (0..num).any(|i| self.w(i) == "bilateral")
    }

    /// Actor rule 4: adds the two nearest distinct countries, before the quantity first.
    pub(super) fn countries_into(&self, start: usize, end: usize, out: &mut Vec<usize>) {
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

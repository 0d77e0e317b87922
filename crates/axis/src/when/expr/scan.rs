//! [`Scan`], the matcher over one sentence's tokens: access to the lower-cased words, the
//! dispatch that tries every form at a token (behind a preposition, "since" or "after"), and the
//! forms resolved against the story date or the narrative time: fixed phrases, counts of units
//! "ago", "later" or "earlier", and "the past N units". The calendar forms are in `dates`.

use super::calendar::{align, shift, shift_narrative, story_relative, unit_at};
use super::tables::{Index, Part, Qty, Rel, Unit, NUMBER_WORDS, PARTS_OF_DAY, PHRASES, PREPOSITIONS};
use super::{pick, Date, Found, Granularity, Interval, TimeKind};
use crate::text::{Token, TokenKind};

pub(super) struct Scan<'a> {
    pub(super) index: &'static Index,
    pub(super) lower: &'a str,
    pub(super) tokens: &'a [Token],
    pub(super) story: Option<Date>,
    pub(super) narrative: Option<Interval>,
}

impl<'a> Scan<'a> {
    /// Lower-cased text of token `i`, or "" past the end.
    pub(super) fn w(&self, i: usize) -> &'a str {
        self.tokens.get(i).and_then(|t| self.lower.get(t.span.range())).unwrap_or("")
    }

    pub(super) fn prev(&self, i: usize) -> &'a str {
        i.checked_sub(1).map_or("", |p| self.w(p))
    }

    /// Whether token `i` exists and touches the previous one.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.has(Token::SPACE_BEFORE))
    }

    pub(super) fn is_number(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// The end of `phrase` (space-separated words) when it starts at token `i`.
    pub(super) fn seq(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut j = i;
        for word in phrase.split(' ') {
            // A single letter keeps a following dot as an initial: "World War I."
            let w = self.w(j);
            if w != word && w.strip_suffix('.') != Some(word) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The longest expression starting at token `i`.
    pub(super) fn longest(&self, i: usize) -> Option<Found> {
        let mut best = self.core(i);
        let w = self.w(i);
        if PREPOSITIONS.contains(&w) {
            pick(&mut best, self.core(i + 1));
        }
        if w == "since" {
            pick(&mut best, self.since(i + 1));
        }
        if w == "after" || w == "following" {
            pick(&mut best, self.after(i + 1));
        }
        if w == "post" && self.w(i + 1) == "-" {
            pick(&mut best, self.after(i + 2));
        }
        best
    }

    /// Every form except a leading preposition, "since" and "after".
    fn core(&self, i: usize) -> Option<Found> {
        if i >= self.tokens.len() || !(self.is_number(i) || self.index.can_start(self.w(i))) {
            return None;
        }
        let mut best = None;
        pick(&mut best, self.era(i));
        pick(&mut best, self.decade(i));
        pick(&mut best, self.century(i));
        pick(&mut best, self.year(i));
        pick(&mut best, self.iso(i));
        pick(&mut best, self.month(i));
        pick(&mut best, self.weekday(i));
        pick(&mut best, self.phrase(i));
        pick(&mut best, self.counted(i));
        pick(&mut best, self.past(i));
        best
    }

    /// "since X": from the start of X to the story date.
    fn since(&self, i: usize) -> Option<Found> {
        let f = self.core(i)?;
        let Some((iv, kind)) = f.value else {
            return Some(Found { end: f.end, value: None });
        };
        if matches!(kind, TimeKind::Present | TimeKind::Since) {
            return None;
        }
        self.open_range(f.end, iv.start)
    }

    /// "after the cold war", "post-cold war": from the end of an era to the story date.
    fn after(&self, i: usize) -> Option<Found> {
        let f = self.core(i)?;
        match f.value {
            Some((iv, TimeKind::Era)) => self.open_range(f.end, iv.end.add_days(1)),
            _ => None,
        }
    }

    /// A Since range from `start` to the story date.
    fn open_range(&self, end: usize, start: Date) -> Option<Found> {
        let Some(s) = self.story else {
            return Some(Found { end, value: None });
        };
        if start > s {
            return None;
        }
        let iv = Interval { start, end: s, granularity: Granularity::Era };
        Some(Found::new(end, Some(iv), TimeKind::Since))
    }

    /// "early", "mid" or "late", with an optional hyphen: the part and the next token.
    pub(super) fn part(&self, i: usize) -> (Option<Part>, usize) {
        let part = match self.w(i) {
            "early" => Part::Early,
            "mid" => Part::Mid,
            "late" => Part::Late,
            _ => return (None, i),
        };
        let next = if self.w(i + 1) == "-" { i + 2 } else { i + 1 };
        (Some(part), next)
    }

    /// The fixed phrases of [`PHRASES`], with an optional part of day after a day phrase.
    fn phrase(&self, i: usize) -> Option<Found> {
        let mut best: Option<(usize, Rel)> = None;
        for &k in self.index.phrases(self.w(i)) {
            let (words, rel) = PHRASES[k];
            if let Some(end) = self.seq(i, words) {
                if !matches!(best, Some((e, _)) if e >= end) {
                    best = Some((end, rel));
                }
            }
        }
        let (mut end, rel) = best?;
        if matches!(rel, Rel::Day(_)) && PARTS_OF_DAY.contains(&self.w(end)) {
            end += 1;
        }
        Some(self.resolve(end, rel))
    }

    /// "two years ago", "a half-century later", "years later", "three days earlier".
    fn counted(&self, i: usize) -> Option<Found> {
        let (q, k) = self.qty(i)?;
        match self.w(k) {
            "ago" => Some(self.ago(k + 1, q)),
            "later" => Some(self.resolve(k + 1, Rel::Shift(q))),
            "earlier" => {
                let back = Qty { lo: -q.hi, hi: -q.lo, ..q };
                Some(self.resolve(k + 1, Rel::Shift(back)))
            }
            _ => None,
        }
    }

    /// "the past year", "the last two decades", "the past few months": a Since range.
    fn past(&self, i: usize) -> Option<Found> {
        if self.w(i) != "the" || !matches!(self.w(i + 1), "past" | "last") {
            return None;
        }
        let (q, k) = match self.qty(i + 2) {
            Some(found) => found,
            None => (Qty::exact(1, unit_at(self.w(i + 2))?.0), i + 3),
        };
        Some(self.resolve(k, Rel::Recent(q)))
    }

    /// A count of units at token `i` and the token after it.
    fn qty(&self, i: usize) -> Option<(Qty, usize)> {
        // "half a century", "a half-century", "half-century"
        let h = if matches!(self.w(i), "a" | "an") && self.w(i + 1) == "half" { i + 1 } else { i };
        if self.w(h) == "half" {
            let k = if matches!(self.w(h + 1), "a" | "-") { h + 2 } else { h + 1 };
            let q = match self.w(k) {
                "century" => Qty::exact(5, Unit::Decade),
                "decade" => Qty::exact(5, Unit::Year),
                "year" => Qty::exact(6, Unit::Month),
                _ => return None,
            };
            return Some((q, k + 1));
        }
        let w = self.w(i);
        let (lo, hi, vague, k) = match w {
            "a" | "an" if self.w(i + 1) == "few" => (2, 4, true, i + 2),
            "a" if self.seq(i + 1, "couple of").is_some() => (2, 2, false, i + 3),
            "a" | "an" => (1, 1, false, i + 1),
            "few" => (2, 4, true, i + 1),
            "several" => (3, 7, true, i + 1),
            _ => match NUMBER_WORDS.iter().find(|(name, _)| *name == w) {
                Some(&(_, n)) => (n, n, false, i + 1),
                None if self.is_number(i) && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()) => {
                    let n: i32 = w.parse().ok()?;
                    (n, n, false, i + 1)
                }
                // A bare plural: "years later".
                None => match unit_at(w) {
                    Some((_, true)) => (2, 9, true, i),
                    _ => return None,
                },
            },
        };
        let (unit, plural) = unit_at(self.w(k))?;
        if (matches!(w, "a" | "an") && lo == 1 && plural) || (k == i && !plural) {
            return None;
        }
        Some((Qty { lo, hi, unit, vague }, k + 1))
    }

    /// "N units ago": the unit-aligned period(s) N units before the story date.
    fn ago(&self, end: usize, q: Qty) -> Found {
        let Some(s) = self.story else {
            return Found { end, value: None };
        };
        let a = shift(s, -q.hi, q.unit);
        let b = shift(s, -q.lo, q.unit);
        let (a, b) = align(a.min(b), a.max(b), q.unit.granularity(false));
        let iv = Interval { start: a, end: b, granularity: q.unit.granularity(q.vague) };
        Found::new(end, Some(iv), TimeKind::Relative)
    }

    /// Resolves a fixed meaning against the story date or the narrative time.
    fn resolve(&self, end: usize, rel: Rel) -> Found {
        let (iv, kind) = match (rel, self.story, self.narrative) {
            (Rel::Shift(q), _, Some(n)) => (Some(shift_narrative(n, q, self.story)), TimeKind::Anaphoric),
            (Rel::Shift(_), _, None) | (_, None, _) => return Found { end, value: None },
            (_, Some(s), _) => story_relative(s, rel),
        };
        Found::new(end, iv, kind)
    }
}

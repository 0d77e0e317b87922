//! The sign of a relation in a period: friendly, hostile, or not enough to say.
//!
//! Triangles and structural balance need each relation as a sign. axis derives it from the
//! events between the two actors in the period, both directions together:
//!
//! - fewer than `min_events` events → [`Sign::TooFew`];
//! - otherwise the net cooperation share `(cooperative − conflictual) / all` (QuadClass 1+2
//!   against 3+4): above `margin` → [`Sign::Positive`], below `−margin` → [`Sign::Negative`],
//!   in between → [`Sign::Mixed`].
//!
//! The defaults (3 events, margin 0.2) call a relation friendly when at least 60% of at least
//! three events are cooperative, hostile when at least 60% are conflictual. News reports much
//! more talk than fighting, so a margin above 0 keeps a trickle of conflict from reading as
//! friendship being lost.

use super::dyad::Tally;
use serde::Serialize;
use std::fmt;

/// The sign of one relation in one period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sign {
    /// Mostly cooperative.
    Positive,
    /// Mostly conflictual.
    Negative,
    /// Enough events, but neither side of the margin.
    Mixed,
    /// Fewer events than the threshold.
    TooFew,
}

impl Sign {
    /// `+`, `−` (as `-`), `~` (mixed) or `?` (too few).
    pub fn symbol(self) -> &'static str {
        match self {
            Sign::Positive => "+",
            Sign::Negative => "-",
            Sign::Mixed => "~",
            Sign::TooFew => "?",
        }
    }

    /// `Some(true)` for positive, `Some(false)` for negative, `None` otherwise.
    pub fn polarity(self) -> Option<bool> {
        match self {
            Sign::Positive => Some(true),
            Sign::Negative => Some(false),
            _ => None,
        }
    }
}

impl fmt::Display for Sign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// The thresholds of the sign rule (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SignRule {
    /// Fewest events in a period for a sign.
    pub min_events: u32,
    /// How far the net cooperation share must be from 0, in 0..1.
    pub margin: f64,
}

impl Default for SignRule {
    fn default() -> SignRule {
        SignRule { min_events: 3, margin: 0.2 }
    }
}

impl SignRule {
    /// The sign of a period's events.
    pub fn sign(&self, t: &Tally) -> Sign {
        let n = t.total();
        if n == 0 || n < self.min_events {
            return Sign::TooFew;
        }
        let net = t.net_cooperation() as f64 / f64::from(n);
        if net > self.margin {
            Sign::Positive
        } else if net < -self.margin {
            Sign::Negative
        } else {
            Sign::Mixed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_table() {
        // (counts per QuadClass, min_events, margin, sign)
        let table = [
            ([0, 0, 0, 0], 0, 0.2, Sign::TooFew),
            ([1, 1, 0, 0], 3, 0.2, Sign::TooFew),
            ([2, 1, 0, 0], 3, 0.2, Sign::Positive),
            ([3, 0, 2, 0], 3, 0.2, Sign::Mixed), // net 1/5 = 0.2, not above
            ([3, 0, 2, 0], 3, 0.1, Sign::Positive),
            ([0, 1, 1, 2], 3, 0.2, Sign::Negative), // net -2/4
            ([1, 0, 0, 1], 1, 0.0, Sign::Mixed),
            ([0, 0, 0, 1], 1, 0.0, Sign::Negative),
        ];
        for (counts, min_events, margin, want) in table {
            let t = Tally { counts, goldstein_sum: 0.0 };
            assert_eq!(SignRule { min_events, margin }.sign(&t), want, "{counts:?} {min_events} {margin}");
        }
    }
}

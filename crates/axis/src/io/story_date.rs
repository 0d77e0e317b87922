//! Story dates as publishers write them.

use crate::when::Date;

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (0..12).find(|&i| w == MONTHS[i] || w == full[i] || (w == "sept" && i == 8)).map(|i| i as u32 + 1)
}

fn num(s: &str) -> Option<u32> {
    let s = s.trim_end_matches(|c: char| c == ',' || c.is_ascii_alphabetic());
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// Parses a story date: `2019-02-02` (optionally followed by a time), `2019/02/02`, `20190202`,
/// `February 2, 2019`, `Feb. 2 2019`, `2 February 2019`, `Sat, 02 Feb 2019 10:00:00 GMT`.
pub fn parse_story_date(s: &str) -> Option<Date> {
    let s = s.trim();
    // ISO, with an optional time part.
    let head: String = s.chars().take(10).collect();
    for sep in ['-', '/'] {
        let parts: Vec<&str> = head.split(sep).collect();
        if parts.len() == 3 && parts[0].len() == 4 {
            let (y, m, d) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
            let rest = &s[head.len().min(s.len())..];
            if rest.is_empty() || rest.starts_with(['T', ' ', 't']) {
                return Date::new(y as i32, m, d);
            }
        }
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Date::new(s[..4].parse().ok()?, s[4..6].parse().ok()?, s[6..].parse().ok()?);
    }
    // Words: find a month name, a day and a year among the first tokens.
    let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).take(5).collect();
    let mi = words.iter().position(|w| month(w).is_some())?;
    let m = month(words[mi])?;
    let nums: Vec<u32> =
        words.iter().enumerate().filter(|&(i, _)| i != mi).filter_map(|(_, w)| num(w)).collect();
    let year = nums.iter().copied().find(|&n| n >= 1000)?;
    let day = nums.iter().copied().find(|&n| (1..=31).contains(&n))?;
    Date::new(year as i32, m, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let table = [
            ("2019-02-02", Some("2019-02-02")),
            ("2019-02-02T10:15:00Z", Some("2019-02-02")),
            ("2019/02/02", Some("2019-02-02")),
            ("20190202", Some("2019-02-02")),
            ("February 2, 2019", Some("2019-02-02")),
            ("Feb. 2 2019", Some("2019-02-02")),
            ("2 February 2019", Some("2019-02-02")),
            ("Sat, 02 Feb 2019 10:00:00 GMT", Some("2019-02-02")),
            ("Saturday/Sunday, February 2-3, 2019", None),
            ("2019-02-30", None),
            ("yesterday", None),
            ("", None),
        ];
        for (input, want) in table {
            assert_eq!(parse_story_date(input).map(|d| d.to_string()).as_deref(), want, "{input:?}");
        }
    }
}

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
/// `February 2, 2019`, `Feb. 2 2019`, `2 February 2019`, RFC 2822 (`Sat, 02 Feb 2019 10:00:00 GMT`,
/// also with RFC 822's two-digit year) and RFC 3339 (`2019-02-02T10:00:00+01:00`). The date is
/// the one written: a time zone never moves it to another day.
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
    let Some(year) = nums.iter().copied().find(|&n| n >= 1000) else {
        // RFC 822's two-digit year (`Sat, 02 Feb 19 10:00:00 GMT`): day, month, year in a row;
        // RFC 2822 §4.3 reads 00–49 as 20xx and 50–99 as 19xx.
        let day = num(words.get(mi.checked_sub(1)?)?)?;
        let yy = words.get(mi + 1).filter(|w| w.len() == 2).and_then(|w| num(w))?;
        return Date::new(if yy < 50 { 2000 + yy as i32 } else { 1900 + yy as i32 }, m, day);
    };
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
            ("Sat, 2 Feb 2019 23:30:00 -0500", Some("2019-02-02")),
            ("2 Feb 2019 10:00 +0000", Some("2019-02-02")),
            ("Tue, 05 Feb 2019 10:00 EST", Some("2019-02-05")),
            ("Sat, 02 Feb 19 10:00:00 GMT", Some("2019-02-02")),
            ("Mon, 02 Feb 98 10:00:00 GMT", Some("1998-02-02")),
            ("2019-02-02T23:30:00.123+05:30", Some("2019-02-02")),
            ("2019-02-02t10:00:00z", Some("2019-02-02")),
            ("2019-02-02 10:00:00", Some("2019-02-02")),
            ("  2019-02-02  ", Some("2019-02-02")),
            ("Feb 19", None),
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

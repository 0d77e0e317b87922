//! Story-date parsing: any string gives a valid date or none.
#![no_main]

use axis::io::parse_story_date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Some(d) = parse_story_date(s) {
            let (y, m, day) = (d.year(), d.month(), d.day());
            assert!(
                (1..=12).contains(&m) && (1..=31).contains(&day) && y > -10000,
                "{s:?} gave {y}-{m}-{day}"
            );
        }
    }
});

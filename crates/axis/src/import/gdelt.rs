//! GDELT event files: tab-separated, no header, one event per line.
//!
//! Three layouts, told apart by each row's column count:
//!
//! | columns | layout                                                                 | origin   |
//! |---------|------------------------------------------------------------------------|----------|
//! | 57      | GDELT 1.0 historical backfiles (1979 – March 2013): no `SOURCEURL`     | `gdelt1` |
//! | 58      | GDELT 1.0 daily files (April 2013 on): `SOURCEURL` last                | `gdelt1` |
//! | 61      | GDELT 2.0 exports: an `ADM2Code` in each of the three geo blocks       | `gdelt2` |
//!
//! The first 35 columns are the same in all three (id, dates, the two actors, the event, its
//! counts and tone); then come three geo blocks (actor 1, actor 2, action) of 7 columns in 1.0 and 8
//! in 2.0, then `DATEADDED` (`YYYYMMDD` in 1.0, `YYYYMMDDHHMMSS` in 2.0) and `SOURCEURL`.
//!
//! A row is split on tabs over its bytes into borrowed slices; only the text fields the event keeps
//! (names, place, URL) are copied, into strings reused from row to row.

use super::lines::{Line, LineReader};
use super::{deliver, ActorDetail, Flow, ImportedEvent, Origin, Place, Summary};
use super::{parse_f64, parse_u64, parse_yyyymmdd, push_text, Added, ImportError, ImportErrorKind, Imported};
use crate::cameo::{EventCode, QuadClass};
use crate::dict::Code;
use std::path::Path;

/// Most columns any layout has.
pub const MAX_COLUMNS: usize = 61;

const GLOBALEVENTID: usize = 0;
const SQLDATE: usize = 1;
const ACTOR1CODE: usize = 5;
const ACTOR1NAME: usize = 6;
/// `Actor1CountryCode`, the first of the eight parts of the actor code.
const ACTOR1DETAIL: usize = 7;
const ACTOR2CODE: usize = 15;
const ACTOR2NAME: usize = 16;
const ACTOR2DETAIL: usize = 17;
const ISROOTEVENT: usize = 25;
const EVENTCODE: usize = 26;
const EVENTROOTCODE: usize = 28;
const QUADCLASS: usize = 29;
const GOLDSTEINSCALE: usize = 30;
const NUMMENTIONS: usize = 31;
const NUMSOURCES: usize = 32;
const NUMARTICLES: usize = 33;
const AVGTONE: usize = 34;

/// Where the layout-dependent columns are.
struct Layout {
    origin: Origin,
    /// `Actor1Geo_Type`, `Actor2Geo_Type` and `ActionGeo_Type`: the three geo blocks.
    geo: [usize; 3],
    /// Whether the geo blocks have `ADM2Code` (2.0), which shifts `_Lat` from 4 after `_Type` to 5.
    adm2: bool,
    date_added: usize,
    url: Option<usize>,
}

const GDELT1_HISTORICAL: Layout =
    Layout { origin: Origin::Gdelt1, geo: [35, 42, 49], adm2: false, date_added: 56, url: None };
const GDELT1_DAILY: Layout =
    Layout { origin: Origin::Gdelt1, geo: [35, 42, 49], adm2: false, date_added: 56, url: Some(57) };
const GDELT2: Layout =
    Layout { origin: Origin::Gdelt2, geo: [35, 43, 51], adm2: true, date_added: 59, url: Some(60) };

/// Column names of a geo block, for messages.
struct GeoNames {
    kind: &'static str,
    name: &'static str,
    country: &'static str,
    adm1: &'static str,
    adm2: &'static str,
    lat: &'static str,
    lon: &'static str,
    feature: &'static str,
}

const GEO_NAMES: [GeoNames; 3] = [
    GeoNames {
        kind: "Actor1Geo_Type",
        name: "Actor1Geo_FullName",
        country: "Actor1Geo_CountryCode",
        adm1: "Actor1Geo_ADM1Code",
        adm2: "Actor1Geo_ADM2Code",
        lat: "Actor1Geo_Lat",
        lon: "Actor1Geo_Long",
        feature: "Actor1Geo_FeatureID",
    },
    GeoNames {
        kind: "Actor2Geo_Type",
        name: "Actor2Geo_FullName",
        country: "Actor2Geo_CountryCode",
        adm1: "Actor2Geo_ADM1Code",
        adm2: "Actor2Geo_ADM2Code",
        lat: "Actor2Geo_Lat",
        lon: "Actor2Geo_Long",
        feature: "Actor2Geo_FeatureID",
    },
    GeoNames {
        kind: "ActionGeo_Type",
        name: "ActionGeo_FullName",
        country: "ActionGeo_CountryCode",
        adm1: "ActionGeo_ADM1Code",
        adm2: "ActionGeo_ADM2Code",
        lat: "ActionGeo_Lat",
        lon: "ActionGeo_Long",
        feature: "ActionGeo_FeatureID",
    },
];

const DETAIL_NAMES: [[&str; 8]; 2] = [
    [
        "Actor1CountryCode",
        "Actor1KnownGroupCode",
        "Actor1EthnicCode",
        "Actor1Religion1Code",
        "Actor1Religion2Code",
        "Actor1Type1Code",
        "Actor1Type2Code",
        "Actor1Type3Code",
    ],
    [
        "Actor2CountryCode",
        "Actor2KnownGroupCode",
        "Actor2EthnicCode",
        "Actor2Religion1Code",
        "Actor2Religion2Code",
        "Actor2Type1Code",
        "Actor2Type2Code",
        "Actor2Type3Code",
    ],
];

fn layout(columns: usize) -> Option<&'static Layout> {
    match columns {
        57 => Some(&GDELT1_HISTORICAL),
        58 => Some(&GDELT1_DAILY),
        61 => Some(&GDELT2),
        _ => None,
    }
}

/// Splits `line` on tabs into `fields`; returns the number of fields (which may exceed
/// `fields.len()`, the extra ones not stored).
///
/// Rows have a tab every 7 bytes on average, too dense for a `memchr` call per tab to pay off:
/// each 32-byte block is turned into a bit mask of its tabs (the compiler vectorizes the compare),
/// and the set bits are walked.
fn split<'a>(line: &'a [u8], fields: &mut [&'a [u8]; MAX_COLUMNS]) -> usize {
    let mut n = 0;
    let mut start = 0;
    let mut field = |tab: usize, n: &mut usize| {
        if *n < MAX_COLUMNS {
            fields[*n] = &line[start..tab];
        }
        *n += 1;
        start = tab + 1;
    };
    let blocks = line.chunks_exact(32);
    let tail = blocks.remainder();
    let mut base = 0;
    for block in blocks {
        let mut mask: u32 = 0;
        for (j, &b) in block.iter().enumerate() {
            mask |= u32::from(b == b'\t') << j;
        }
        while mask != 0 {
            field(base + mask.trailing_zeros() as usize, &mut n);
            mask &= mask - 1;
        }
        base += 32;
    }
    for (j, &b) in tail.iter().enumerate() {
        if b == b'\t' {
            field(base + j, &mut n);
        }
    }
    if n < MAX_COLUMNS {
        fields[n] = &line[start..];
    }
    n + 1
}

/// Reads GDELT rows to the end of `lines`.
pub(crate) fn read(
    lines: &mut LineReader<'_>,
    path: &Path,
    event: &mut ImportedEvent,
    summary: &mut Summary,
    on: &mut dyn FnMut(Imported<'_>) -> Flow,
) -> Result<Flow, ImportError> {
    let max = lines.max();
    let mut warnings = Vec::new();
    loop {
        let (number, line) = match lines.next_line() {
            Ok(Some(l)) => l,
            Ok(None) => return Ok(Flow::Continue(())),
            Err(e) => return Err(ImportError::io(path, &e)),
        };
        let text = match line {
            Line::Text([]) => continue,
            Line::Text(t) => t,
            Line::TooLong(len) => {
                summary.rows += 1;
                summary.skipped += 1;
                let kind = ImportErrorKind::LineTooLong { len, limit: max };
                if on(Imported::Skipped(ImportError::new(path, Some(number), kind))).is_break() {
                    return Ok(Flow::Break(()));
                }
                continue;
            }
        };
        summary.rows += 1;
        warnings.clear();
        let parsed = parse_row(text, path, number, event, &mut warnings);
        if deliver(parsed, event, &mut warnings, summary, on).is_break() {
            return Ok(Flow::Break(()));
        }
    }
}

/// Parses one row into `event` (overwriting every field); problems that do not stop the row go to
/// `warnings`.
pub fn parse_row(
    line: &[u8],
    path: &Path,
    number: u64,
    event: &mut ImportedEvent,
    warnings: &mut Vec<ImportError>,
) -> Result<(), ImportError> {
    let mut f: [&[u8]; MAX_COLUMNS] = [&[]; MAX_COLUMNS];
    let n = split(line, &mut f);
    let Some(layout) = layout(n) else {
        let kind = ImportErrorKind::Columns { found: n, expected: "57, 58 or 61 (GDELT 1.0 or 2.0)".into() };
        return Err(ImportError::new(path, Some(number), kind));
    };
    let bad = |col: usize, name: &'static str, want: &'static str| {
        ImportError::field(path, number, name, f[col], want)
    };

    event.clear();
    event.origin = layout.origin;
    event.line = number;
    event.origin_id =
        parse_u64(f[GLOBALEVENTID]).ok_or_else(|| bad(GLOBALEVENTID, "GLOBALEVENTID", "a number"))?;
    event.date = parse_yyyymmdd(f[SQLDATE]).ok_or_else(|| bad(SQLDATE, "SQLDATE", "a date YYYYMMDD"))?;
    event.source =
        actor_code(f[ACTOR1CODE]).ok_or_else(|| bad(ACTOR1CODE, "Actor1Code", "a CAMEO actor code"))?;
    event.target =
        actor_code(f[ACTOR2CODE]).ok_or_else(|| bad(ACTOR2CODE, "Actor2Code", "a CAMEO actor code"))?;
    event.code = std::str::from_utf8(f[EVENTCODE])
        .ok()
        .and_then(EventCode::new)
        .ok_or_else(|| bad(EVENTCODE, "EventCode", "a CAMEO event code"))?;
    event.root = parse_u64(f[EVENTROOTCODE])
        .filter(|r| (1..=20).contains(r))
        .ok_or_else(|| bad(EVENTROOTCODE, "EventRootCode", "a CAMEO root 01-20"))? as u8;
    event.quad_class = parse_u64(f[QUADCLASS])
        .and_then(quad_class)
        .ok_or_else(|| bad(QUADCLASS, "QuadClass", "1, 2, 3 or 4"))?;
    event.goldstein = optional_f64(f[GOLDSTEINSCALE])
        .ok_or_else(|| bad(GOLDSTEINSCALE, "GoldsteinScale", "a number"))?
        .map(|g| g as f32);
    event.is_root_event = match f[ISROOTEVENT] {
        b"1" => Some(true),
        b"0" => Some(false),
        b"" => None,
        _ => return Err(bad(ISROOTEVENT, "IsRootEvent", "0 or 1")),
    };
    event.num_mentions =
        optional_u32(f[NUMMENTIONS]).ok_or_else(|| bad(NUMMENTIONS, "NumMentions", "a count"))?;
    event.num_sources =
        optional_u32(f[NUMSOURCES]).ok_or_else(|| bad(NUMSOURCES, "NumSources", "a count"))?;
    event.num_articles =
        optional_u32(f[NUMARTICLES]).ok_or_else(|| bad(NUMARTICLES, "NumArticles", "a count"))?;
    event.avg_tone = optional_f64(f[AVGTONE]).ok_or_else(|| bad(AVGTONE, "AvgTone", "a number"))?;

    for (block, (&at, names)) in layout.geo.iter().zip(&GEO_NAMES).enumerate() {
        let mut place = match block {
            0 => std::mem::take(&mut event.source_geo),
            1 => std::mem::take(&mut event.target_geo),
            // The action's place keeps its own fields (shared with ICEWS); their strings are
            // lent to the place and given back, so no row allocates.
            _ => Place {
                name: std::mem::take(&mut event.geo_name),
                country: std::mem::take(&mut event.geo_country),
                adm1: std::mem::take(&mut event.geo_adm1),
                adm2: std::mem::take(&mut event.geo_adm2),
                feature: std::mem::take(&mut event.geo_feature),
                ..Place::default()
            },
        };
        let read = read_place(&f, at, layout.adm2, names, &mut place, path, number, warnings);
        match block {
            0 => event.source_geo = place,
            1 => event.target_geo = place,
            _ => {
                event.geo_type = place.kind;
                (event.lat, event.lon) = (place.lat, place.lon);
                event.geo_name = place.name;
                event.geo_country = place.country;
                event.geo_adm1 = place.adm1;
                event.geo_adm2 = place.adm2;
                event.geo_feature = place.feature;
            }
        }
        read?;
    }
    for (detail, (at, names)) in [&mut event.source_detail, &mut event.target_detail]
        .into_iter()
        .zip([ACTOR1DETAIL, ACTOR2DETAIL].iter().zip(&DETAIL_NAMES))
    {
        read_detail(detail, &f[*at..*at + 8], names, path, number, warnings);
    }
    event.date_added =
        match f[layout.date_added] {
            b"" => None,
            d => Some(added(d).ok_or_else(|| {
                bad(layout.date_added, "DATEADDED", "a date YYYYMMDD or time YYYYMMDDHHMMSS")
            })?),
        };
    text(&mut event.source_name, f[ACTOR1NAME], "Actor1Name", path, number, warnings);
    text(&mut event.target_name, f[ACTOR2NAME], "Actor2Name", path, number, warnings);
    if let Some(url) = layout.url {
        text(&mut event.url, f[url], "SOURCEURL", path, number, warnings);
    }
    Ok(())
}

/// Reads the geo block whose `_Type` is column `at` into `place` (emptied first). A block of type
/// 0, "no place", is left empty whatever its other columns say.
#[allow(clippy::too_many_arguments)]
fn read_place(
    f: &[&[u8]; MAX_COLUMNS],
    at: usize,
    adm2: bool,
    names: &GeoNames,
    place: &mut Place,
    path: &Path,
    number: u64,
    warnings: &mut Vec<ImportError>,
) -> Result<(), ImportError> {
    place.clear();
    let bad = |col: usize, name: &'static str, want: &'static str| {
        ImportError::field(path, number, name, f[col], want)
    };
    place.kind = match f[at] {
        b"" => None,
        k => {
            Some(parse_u64(k).filter(|&k| k <= 5).ok_or_else(|| bad(at, names.kind, "a geo type 0-5"))? as u8)
        }
    };
    if place.kind == Some(0) {
        return Ok(());
    }
    let lat = at + 4 + usize::from(adm2);
    place.lat = optional_f64(f[lat]).ok_or_else(|| bad(lat, names.lat, "a number"))?;
    place.lon = optional_f64(f[lat + 1]).ok_or_else(|| bad(lat + 1, names.lon, "a number"))?;
    text(&mut place.name, f[at + 1], names.name, path, number, warnings);
    text(&mut place.country, f[at + 2], names.country, path, number, warnings);
    text(&mut place.adm1, f[at + 3], names.adm1, path, number, warnings);
    if adm2 {
        text(&mut place.adm2, f[at + 4], names.adm2, path, number, warnings);
    }
    text(&mut place.feature, f[lat + 2], names.feature, path, number, warnings);
    Ok(())
}

/// Reads the eight parts of an actor code (`CountryCode` … `Type3Code`).
fn read_detail(
    detail: &mut ActorDetail,
    fields: &[&[u8]],
    names: &[&'static str; 8],
    path: &Path,
    number: u64,
    warnings: &mut Vec<ImportError>,
) {
    for ((part, &b), &name) in detail.parts_mut().into_iter().zip(fields).zip(names) {
        part.clear();
        text(part, b, name, path, number, warnings);
    }
}

/// GDELT's quad class number.
fn quad_class(n: u64) -> Option<QuadClass> {
    match n {
        1 => Some(QuadClass::VerbalCooperation),
        2 => Some(QuadClass::MaterialCooperation),
        3 => Some(QuadClass::VerbalConflict),
        4 => Some(QuadClass::MaterialConflict),
        _ => None,
    }
}

/// An actor code: empty, or a well-formed code. GDELT writes ethnic-group codes in lower case
/// (`idg`, `dakCOP`); axis codes are upper case, so they are upper-cased.
fn actor_code(b: &[u8]) -> Option<Code> {
    if b.is_empty() {
        return Some(Code::default());
    }
    if b.len() > Code::MAX {
        return None;
    }
    let mut upper = [0u8; Code::MAX];
    upper[..b.len()].copy_from_slice(b);
    upper[..b.len()].make_ascii_uppercase();
    std::str::from_utf8(&upper[..b.len()]).ok().and_then(Code::new)
}

/// `None` when the field is bad, `Some(None)` when it is empty.
fn optional_u32(b: &[u8]) -> Option<Option<u32>> {
    if b.is_empty() {
        return Some(None);
    }
    parse_u64(b).and_then(|n| u32::try_from(n).ok()).map(Some)
}

/// `None` when the field is bad, `Some(None)` when it is empty.
fn optional_f64(b: &[u8]) -> Option<Option<f64>> {
    if b.is_empty() {
        return Some(None);
    }
    parse_f64(b).map(Some)
}

/// `DATEADDED`: `YYYYMMDD` or `YYYYMMDDHHMMSS`.
fn added(b: &[u8]) -> Option<Added> {
    let date = parse_yyyymmdd(b.get(..8)?)?;
    let seconds = match b.len() {
        8 => None,
        14 => {
            let t = parse_u64(&b[8..])?;
            let (h, m, s) = (t / 10000, t / 100 % 100, t % 100);
            if h > 23 || m > 59 || s > 60 {
                return None;
            }
            Some((h * 3600 + m * 60 + s) as u32)
        }
        _ => return None,
    };
    Some(Added { date, seconds })
}

fn text(
    dst: &mut String,
    b: &[u8],
    column: &'static str,
    path: &Path,
    line: u64,
    warnings: &mut Vec<ImportError>,
) {
    if !push_text(dst, b) {
        warnings.push(ImportError::new(path, Some(line), ImportErrorKind::NotUtf8 { column }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_matches_a_plain_split_at_every_length() {
        // Lines of every length around the 32-byte blocks, tabs at varied places.
        let mut rng = crate::testing::Lcg(7);
        for len in 0..140 {
            for _ in 0..20 {
                let line: Vec<u8> = (0..len)
                    .map(|_| if rng.next(4) == 0 { b'\t' } else { b'a' + rng.next(26) as u8 })
                    .collect();
                let want: Vec<&[u8]> = line.split(|&b| b == b'\t').collect();
                let mut fields = [&[][..]; MAX_COLUMNS];
                let n = split(&line, &mut fields);
                assert_eq!(n, want.len(), "{line:?}");
                assert_eq!(&fields[..n.min(MAX_COLUMNS)], &want[..n.min(MAX_COLUMNS)], "{line:?}");
            }
        }
    }
}

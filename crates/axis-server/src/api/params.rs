//! Query parameters: parsed by hand from the pairs of the query string, so repeated keys
//! (`actor=CHN&actor=RUS`) work and every bad or unknown parameter is a 400 naming it.

use crate::error::ApiError;
use axis::store::{ActorFilter, EventQuery, MAX_PAGE};
use axis::when::Date;
use axum::extract::rejection::QueryRejection;
use axum::extract::Query;

/// The pairs of a query string, or a 400.
pub(crate) type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// The pairs, or a 400 when the query string is not `key=value&…`.
pub(crate) fn pairs(q: Pairs) -> Result<Vec<(String, String)>, ApiError> {
    q.map(|Query(p)| p)
        .map_err(|_| ApiError::bad_request("bad_query", "the query string is not key=value pairs"))
}

/// The filter the parameters describe, and the pairs it did not use (in order).
pub(crate) fn event_query(
    pairs: Vec<(String, String)>,
) -> Result<(EventQuery, Vec<(String, String)>), ApiError> {
    let mut q = EventQuery::default();
    let (mut actors, mut directed, mut rest) = (Vec::new(), false, Vec::new());
    for (k, v) in pairs {
        match k.as_str() {
            "from" => q.from = Some(date(&k, &v)?),
            "to" => q.to = Some(date(&k, &v)?),
            "actor" => actors.push(code(&k, v)?),
            "directed" => directed = flag(&k, &v)?,
            "origin" => q.origins.push(code(&k, v)?),
            "code" => q.codes.push(code(&k, v)?),
            "root" => q.roots.push(number(&k, &v, 1, 20)? as u8),
            "quad" => q.quad_classes.push(number(&k, &v, 1, 4)? as u8),
            "one_a_day" => q.one_a_day = flag(&k, &v)?,
            _ => rest.push((k, v)),
        }
    }
    q.actors = match (actors.as_slice(), directed) {
        ([], true) => {
            return Err(ApiError::bad_request("bad_parameter", "directed needs at least one actor"))
        }
        ([], false) => ActorFilter::Any,
        ([first, rest @ ..], true) => {
            ActorFilter::Directed { sources: vec![first.clone()], targets: rest.to_vec() }
        }
        ([one], false) => ActorFilter::Involving(vec![one.clone()]),
        (many, false) => ActorFilter::Between(many.to_vec()),
    };
    Ok((q, rest))
}

/// A 400 for the first parameter left unused.
pub(crate) fn no_more(rest: &[(String, String)]) -> Result<(), ApiError> {
    match rest.first() {
        None => Ok(()),
        Some((k, _)) => Err(ApiError::bad_request("unknown_parameter", format!("unknown parameter {k:?}"))),
    }
}

/// A cursor: where the next page starts. Opaque to clients (`c` + the row id in hex); anything
/// else is a 400.
pub(crate) fn cursor(v: &str) -> Result<i64, ApiError> {
    v.strip_prefix('c')
        .filter(|h| !h.is_empty() && h.len() <= 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .map(|n| n as i64)
        .ok_or_else(|| ApiError::bad_request("bad_cursor", "cursor is not one this server gave out"))
}

/// The cursor of a page that continues after row `id`.
pub(crate) fn make_cursor(id: i64) -> String {
    format!("c{:x}", id as u64)
}

/// A page size 1..=MAX_PAGE.
pub(crate) fn limit(k: &str, v: &str) -> Result<usize, ApiError> {
    number(k, v, 1, MAX_PAGE as i64).map(|n| n as usize)
}

pub(crate) fn date(k: &str, v: &str) -> Result<Date, ApiError> {
    Date::parse(v).map_err(|e| ApiError::bad_request("bad_parameter", format!("{k}: {e}")))
}

pub(crate) fn flag(k: &str, v: &str) -> Result<bool, ApiError> {
    match v {
        "" | "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err(ApiError::bad_request("bad_parameter", format!("{k}: expected true or false, got {v:?}"))),
    }
}

pub(crate) fn number(k: &str, v: &str, min: i64, max: i64) -> Result<i64, ApiError> {
    match v.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(ApiError::bad_request("bad_parameter", format!("{k}: expected a whole number {min}–{max}"))),
    }
}

/// A code-like value (actor prefix, CAMEO prefix, origin): short and non-empty. Anything else
/// is matched literally by the store (values are bound, never spliced into SQL).
pub(crate) fn code(k: &str, v: String) -> Result<String, ApiError> {
    if v.is_empty() || v.len() > 64 {
        return Err(ApiError::bad_request("bad_parameter", format!("{k}: expected 1–64 characters")));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_anything_else() {
        for id in [0, 1, 255, i64::MAX] {
            assert_eq!(cursor(&make_cursor(id)).expect("cursor"), id);
        }
        for bad in ["", "c", "12", "cxyz", "c12345678901234567", "c-1", "c1 ", "C1"] {
            assert_eq!(cursor(bad).expect_err(bad).code, "bad_cursor", "{bad}");
        }
    }

    #[test]
    fn actors_follow_the_export_command() {
        let p = |s: &[(&str, &str)]| s.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let cases: &[(&[(&str, &str)], ActorFilter)] = &[
            (&[], ActorFilter::Any),
            (&[("actor", "CHN")], ActorFilter::Involving(vec!["CHN".into()])),
            (&[("actor", "CHN"), ("actor", "RUS")], ActorFilter::Between(vec!["CHN".into(), "RUS".into()])),
            (
                &[("actor", "CHN"), ("actor", "RUS"), ("directed", "true")],
                ActorFilter::Directed { sources: vec!["CHN".into()], targets: vec!["RUS".into()] },
            ),
        ];
        for (pairs, want) in cases {
            let (q, rest) = event_query(p(pairs)).expect("query");
            assert_eq!(&q.actors, want);
            assert!(rest.is_empty());
        }
        assert!(event_query(p(&[("directed", "1")])).is_err());
        assert!(event_query(p(&[("quad", "5")])).is_err());
        assert!(event_query(p(&[("from", "2019-13-01")])).is_err());
    }
}

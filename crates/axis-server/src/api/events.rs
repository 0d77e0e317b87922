//! Reading the store: `GET /v1/events` (filters, cursor pages), `GET /v1/documents/{id}` (text,
//! sentences, events with evidence spans) and `GET /v1/overview` (volume by QuadClass over time,
//! the busiest dyads) — what the dashboard draws.

use super::params::{self, Pairs};
use crate::error::ApiError;
use crate::state::Server;
use axis::cameo::{CameoTable, EventCode};
use axis::store::{MonthVolume, StoredEvent};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::Json;
use serde_json::{json, Map, Value};

/// Events by default on one page.
const DEFAULT_PAGE: usize = 100;

/// `GET /v1/events`.
pub(crate) async fn events(State(server): State<Server>, q: Pairs) -> Result<Json<Value>, ApiError> {
    let (query, rest) = params::event_query(params::pairs(q)?)?;
    let (mut after, mut limit, mut left) = (None, DEFAULT_PAGE, Vec::new());
    for (k, v) in rest {
        match k.as_str() {
            "cursor" => after = Some(params::cursor(&v)?),
            "limit" => limit = params::limit(&k, &v)?,
            _ => left.push((k, v)),
        }
    }
    params::no_more(&left)?;
    let page = server.read(move |store| store.event_page(&query, after, limit)).await?;
    let cameo = &server.inner.parts.cameo;
    let events: Vec<Value> = page.events.iter().map(|e| event_json(e, cameo)).collect();
    Ok(Json(json!({ "events": events, "next_cursor": page.next.map(params::make_cursor) })))
}

/// `GET /v1/documents/{id}`.
pub(crate) async fn document(
    State(server): State<Server>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let id = id.map_err(|_| ApiError::bad_request("bad_parameter", "document id missing"))?.0;
    let id: i64 =
        id.parse().map_err(|_| ApiError::bad_request("bad_parameter", "a document id is a whole number"))?;
    let doc = server.read(move |store| store.document(id)).await?;
    let doc = doc.ok_or_else(|| ApiError::not_found(format!("no document {id}")))?;
    let cameo = &server.inner.parts.cameo;
    Ok(Json(json!({
        "id": doc.id,
        "key": doc.key,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "story_date": doc.story_date,
        "text": doc.text,
        "sentences": doc.sentences.iter().map(|&(s, e)| [s, e]).collect::<Vec<_>>(),
        "events": doc.events.iter().map(|e| event_json(e, cameo)).collect::<Vec<_>>(),
    })))
}

/// `GET /v1/overview`.
pub(crate) async fn overview(State(server): State<Server>, q: Pairs) -> Result<Json<Value>, ApiError> {
    let (query, rest) = params::event_query(params::pairs(q)?)?;
    let (mut dyads, mut left) = (10, Vec::new());
    for (k, v) in rest {
        match k.as_str() {
            "dyads" => dyads = params::number(&k, &v, 0, 100)? as usize,
            _ => left.push((k, v)),
        }
    }
    params::no_more(&left)?;
    let (volume, top) = server
        .read(move |store| Ok((store.volume_by_month(&query)?, store.top_dyads(&query, dyads)?)))
        .await?;
    let (bucket, periods, series) = buckets(&volume);
    let dyads: Vec<Value> = top
        .iter()
        .map(|d| {
            json!({ "a": d.a, "b": d.b, "a_to_b": d.a_to_b, "b_to_a": d.b_to_a,
                    "events": d.a_to_b + d.b_to_a, "goldstein": d.goldstein.map(|g| (g * 100.0).round() / 100.0) })
        })
        .collect();
    let quads: Map<String, Value> =
        series.iter().enumerate().map(|(i, s)| ((i + 1).to_string(), json!(s))).collect();
    Ok(Json(json!({
        "bucket": bucket,
        "periods": periods,
        "quad_classes": quads,
        "total": volume.iter().map(|v| v.events).sum::<u64>(),
        "dyads": dyads,
    })))
}

/// Longest run of months drawn month by month; longer spans are drawn by year.
const MAX_MONTHS: i32 = 120;

/// Monthly counts laid on a gapless axis of months (or years, for long spans): the bucket name,
/// the period labels and one series per QuadClass.
fn buckets(volume: &[MonthVolume]) -> (&'static str, Vec<String>, [Vec<u64>; 4]) {
    let months: Vec<(i32, i32, &MonthVolume)> = volume
        .iter()
        .filter_map(|v| {
            let (y, m) = v.month.split_once('-')?;
            Some((y.parse().ok()?, m.parse().ok()?, v))
        })
        .collect();
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return ("month", Vec::new(), Default::default());
    };
    let index = |y: i32, m: i32| y * 12 + m - 1;
    let by_year = index(last.0, last.1) - index(first.0, first.1) >= MAX_MONTHS;
    let (start, end) =
        if by_year { (first.0, last.0) } else { (index(first.0, first.1), index(last.0, last.1)) };
    let n = (end - start + 1) as usize;
    let mut series: [Vec<u64>; 4] = std::array::from_fn(|_| vec![0; n]);
    for &(y, m, v) in &months {
        let at = if by_year { y - start } else { index(y, m) - start } as usize;
        if let Some(s) = series.get_mut(usize::from(v.quad_class).wrapping_sub(1)) {
            s[at] += v.events;
        }
    }
    let periods = (start..=end)
        .map(|p| {
            if by_year {
                format!("{p:04}")
            } else {
                format!("{:04}-{:02}", p.div_euclid(12), p.rem_euclid(12) + 1)
            }
        })
        .collect();
    (if by_year { "year" } else { "month" }, periods, series)
}

/// An event as JSON: the record's fields, its row id, document, CAMEO name and evidence spans
/// (byte offsets into `evidence.sentence`).
pub(crate) fn event_json(e: &StoredEvent, cameo: &CameoTable) -> Value {
    let mut v = match serde_json::to_value(&e.record) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    let name = EventCode::new(&e.record.code).and_then(|c| cameo.get(c)).map(|i| i.name.clone());
    v.insert("goldstein".into(), json!(e.record.goldstein.map(short)));
    v.insert("id".into(), json!(e.id));
    v.insert("document".into(), json!(e.document));
    v.insert("code_name".into(), json!(name));
    let span = |s: Option<(u32, u32)>| s.map(|(a, b)| [a, b]);
    v.insert(
        "evidence".into(),
        match &e.evidence {
            Some(ev) => json!({
                "sentence": ev.sentence,
                "sentence_start": ev.sentence_start,
                "source": span(ev.source),
                "target": span(ev.target),
                "verb": span(ev.verb),
            }),
            None => Value::Null,
        },
    );
    Value::Object(v)
}

/// An `f32` as the `f64` with the same shortest decimal form (1.9, not 1.899999976158142).
pub(crate) fn short(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(m: &str, quad_class: u8, events: u64) -> MonthVolume {
        MonthVolume { month: m.into(), quad_class, events }
    }

    #[test]
    fn months_fill_gaps_and_long_spans_become_years() {
        let (bucket, periods, series) =
            buckets(&[month("2019-11", 1, 2), month("2020-02", 4, 3), month("2020-02", 1, 1)]);
        assert_eq!(bucket, "month");
        assert_eq!(periods, ["2019-11", "2019-12", "2020-01", "2020-02"]);
        assert_eq!(series[0], [2, 0, 0, 1]);
        assert_eq!(series[3], [0, 0, 0, 3]);
        let (bucket, periods, series) = buckets(&[month("1957-11", 2, 1), month("1969-03", 4, 5)]);
        assert_eq!(bucket, "year");
        assert_eq!(periods.len(), 13);
        assert_eq!((series[1][0], series[3][12]), (1, 5));
        assert_eq!(buckets(&[]).1.len(), 0);
    }
}

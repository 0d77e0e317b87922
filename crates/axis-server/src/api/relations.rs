//! Relations analytics over the store: `GET /v1/dyad`, `/v1/triangle`, `/v1/balance` and
//! `/v1/asymmetry` as JSON series, and each as a chart (`/v1/dyad.svg` …) drawn by the library's
//! `chart` module and served as `image/svg+xml`.
//!
//! The events come from [`axis::relations::from_store`] — the same reading `axis dyad --db` does —
//! and go through the library's collectors, so the API's numbers are the CLI's. Triangle
//! transitions carry their evidence: the events behind each change, with sentence and spans.

use super::events::event_json;
use super::params::{self, Pairs};
use crate::error::ApiError;
use crate::state::Server;
use axis::relations::asymmetry::{AsymmetryCollector, AsymmetrySeries};
use axis::relations::balance::{BalanceCollector, BalanceOptions, BalanceSeries};
use axis::relations::chart::{self, svg, Scene};
use axis::relations::dyad::{DyadCollector, DyadOptions, DyadSeries};
use axis::relations::period::{Period, Span};
use axis::relations::sign::SignRule;
use axis::relations::triangle::{TriangleCollector, TriangleOptions, TriangleSeries, SIDES};
use axis::relations::{from_store, Actor, RelEvent, StoreSelection};
use axis::store::{EventQuery, MAX_PAGE};
use axis::when::Interval;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};

/// Most actors a balance request may name (pairs grow with the square).
const MAX_BALANCE_ACTORS: usize = 20;

/// Most evidence events per triangle transition.
const MAX_EVIDENCE: i64 = 20;

/// The parameters every relations endpoint shares, and the actors named.
struct Request {
    actors: Vec<Actor>,
    by: Period,
    span: Span,
    one_a_day: bool,
    origins: Vec<String>,
    /// The endpoint's own parameters, in order.
    rest: Vec<(String, String)>,
}

/// How an endpoint names its actors: `a` and `b`, or a list `actors` (comma-separated or
/// repeated) of `min` to `max` of them.
enum Named {
    Pair,
    List { min: usize, max: usize },
}

fn request(q: Pairs, named: Named, default_by: Period) -> Result<Request, ApiError> {
    let mut r = Request {
        actors: Vec::new(),
        by: default_by,
        span: Span::default(),
        one_a_day: false,
        origins: Vec::new(),
        rest: Vec::new(),
    };
    let (mut a, mut b, mut list) = (None, None, Vec::new());
    for (k, v) in params::pairs(q)? {
        match (k.as_str(), &named) {
            ("by", _) => r.by = v.parse().map_err(|e: String| bad(&k, e))?,
            ("from", _) => r.span.from = Some(partial(&k, &v)?.start),
            ("to", _) => r.span.to = Some(partial(&k, &v)?.end),
            ("one_a_day", _) => r.one_a_day = params::flag(&k, &v)?,
            ("origin", _) => r.origins.push(params::code(&k, v)?),
            ("a", Named::Pair) => a = Some(actor(&k, &v)?),
            ("b", Named::Pair) => b = Some(actor(&k, &v)?),
            ("actors", Named::List { .. }) => {
                for name in v.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                    list.push(actor(&k, name)?);
                }
            }
            _ => r.rest.push((k, v)),
        }
    }
    if let (Some(from), Some(to)) = (r.span.from, r.span.to) {
        if from > to {
            return Err(bad("from", format!("{from} is after to ({to})")));
        }
    }
    r.actors = match named {
        Named::Pair => {
            let a = a.ok_or_else(|| bad("a", "the first actor is missing (a=CHN)"))?;
            let b = b.ok_or_else(|| bad("b", "the second actor is missing (b=RUS)"))?;
            vec![a, b]
        }
        Named::List { min, max } => {
            if list.len() < min || list.len() > max {
                let want = if min == max { min.to_string() } else { format!("{min} to {max}") };
                return Err(bad(
                    "actors",
                    format!("expected {want} actors (actors=USA,CHN,RUS), got {}", list.len()),
                ));
            }
            list
        }
    };
    Ok(r)
}

fn bad(k: &str, message: impl std::fmt::Display) -> ApiError {
    ApiError::bad_request("bad_parameter", format!("{k}: {message}"))
}

fn actor(k: &str, v: &str) -> Result<Actor, ApiError> {
    Actor::parse(v).map_err(|e| bad(k, e))
}

/// A year, month or day (`2018`, `2018-06`, `2018-06-01`).
fn partial(k: &str, v: &str) -> Result<Interval, ApiError> {
    Interval::parse_partial(v).map(|(iv, _)| iv).map_err(|e| bad(k, e))
}

/// The sign thresholds of the triangle and balance endpoints (`min_events`, `margin`).
fn sign_rule(rest: Vec<(String, String)>) -> Result<(SignRule, Vec<(String, String)>), ApiError> {
    let (mut rule, mut left) = (SignRule::default(), Vec::new());
    for (k, v) in rest {
        match k.as_str() {
            "min_events" => rule.min_events = params::number(&k, &v, 0, 1_000_000)? as u32,
            "margin" => {
                rule.margin = v
                    .parse::<f64>()
                    .ok()
                    .filter(|m| (0.0..1.0).contains(m))
                    .ok_or_else(|| bad(&k, "expected a number at least 0 and below 1"))?
            }
            _ => left.push((k, v)),
        }
    }
    Ok((rule, left))
}

impl Request {
    /// The stored events among the actors (read on a blocking thread).
    async fn events(&self, server: &Server) -> Result<Vec<RelEvent>, ApiError> {
        let actors = self.actors.clone();
        let sel = StoreSelection { span: self.span, origins: self.origins.clone(), precise: None };
        Ok(server.read(move |store| from_store(store, &actors, &sel)).await?.events)
    }
}

fn svg_answer(scene: &Scene) -> Response {
    let mut r = svg::render(scene).into_response();
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml; charset=utf-8"));
    r
}

fn series_json(value: &impl serde::Serialize) -> Result<Json<Value>, ApiError> {
    serde_json::to_value(value).map(Json).map_err(|_| ApiError::internal("the series could not be written"))
}

// ---- dyad ----------------------------------------------------------------------------------

async fn dyad_series(server: &Server, q: Pairs) -> Result<(DyadSeries, Option<usize>), ApiError> {
    let r = request(q, Named::Pair, Period::Month)?;
    let (mut directed, mut smooth, mut left) = (false, None, Vec::new());
    for (k, v) in r.rest.clone() {
        match k.as_str() {
            "directed" => directed = params::flag(&k, &v)?,
            "smooth" => smooth = Some(params::number(&k, &v, 1, 120)? as usize).filter(|n| *n > 1),
            _ => left.push((k, v)),
        }
    }
    params::no_more(&left)?;
    let events = r.events(server).await?;
    let opts = DyadOptions { directed, one_a_day: r.one_a_day, span: r.span, by: r.by };
    let mut c = DyadCollector::new(r.actors[0].clone(), r.actors[1].clone(), opts);
    events.iter().for_each(|e| c.push(e));
    Ok((c.finish(None), smooth))
}

/// `GET /v1/dyad`.
pub(crate) async fn dyad(State(server): State<Server>, q: Pairs) -> Result<Json<Value>, ApiError> {
    let (s, smooth) = dyad_series(&server, q).await?;
    let rows: Vec<Value> = s
        .rows
        .iter()
        .map(|r| {
            let t = &r.tally;
            json!({
                "period": r.period, "start": r.start.to_string(), "events": t.total(), "counts": t.counts,
                "goldstein_sum": t.goldstein_sum, "goldstein_mean": t.goldstein_mean(),
                "cooperation_share": t.cooperation_share(), "net_cooperation": t.net_cooperation(),
            })
        })
        .collect();
    Ok(Json(json!({
        "a": s.a, "b": s.b, "by": s.by.as_str(), "directed": s.directed, "one_a_day": s.one_a_day,
        "events": s.total().total(),
        "rows": rows,
        "smoothed": smooth.map(|n| json!({ "periods": n, "rows": s.smoothed(n) })),
    })))
}

/// Events by default on one page of a dyad's events.
const DEFAULT_PAGE: usize = 50;

/// `GET /v1/dyad/events`: the events the dyad series counts (the same actors, agents, direction,
/// days and origins; with `one_a_day` the first of each day, source, target and code), in row
/// order, a page at a time, each with its evidence — what the dashboard lists under the chart.
pub(crate) async fn dyad_events(State(server): State<Server>, q: Pairs) -> Result<Json<Value>, ApiError> {
    let r = request(q, Named::Pair, Period::Month)?;
    let (mut directed, mut after, mut limit, mut left) = (false, None, DEFAULT_PAGE, Vec::new());
    for (k, v) in r.rest.clone() {
        match k.as_str() {
            "directed" => directed = params::flag(&k, &v)?,
            "cursor" => after = Some(params::cursor(&v)?),
            "limit" => limit = params::limit(&k, &v)?,
            _ => left.push((k, v)),
        }
    }
    params::no_more(&left)?;
    let events = r.events(&server).await?;
    let opts = DyadOptions { directed, one_a_day: r.one_a_day, span: r.span, by: r.by };
    let c = DyadCollector::new(r.actors[0].clone(), r.actors[1].clone(), opts);
    let mut seen = HashSet::new();
    let mut ids: Vec<i64> = Vec::with_capacity(limit + 1);
    for e in events.iter().filter(|e| c.accepts(e)) {
        // One a day: the first event of each key counts, as in the series.
        if r.one_a_day && !seen.insert((e.day, e.source, e.target, e.code)) {
            continue;
        }
        let id = e.id.0 as i64;
        if after.is_none_or(|a| id > a) {
            ids.push(id);
            if ids.len() > limit {
                break;
            }
        }
    }
    let next = (ids.len() > limit).then(|| ids[limit - 1]);
    ids.truncate(limit);
    // (No ids would select every event: an empty page is answered without asking.)
    let found = match ids.len() {
        0 => Vec::new(),
        n => {
            server
                .read(move |store| store.event_page(&EventQuery { ids, ..EventQuery::default() }, None, n))
                .await?
                .events
        }
    };
    let cameo = &server.inner.parts.cameo;
    let events: Vec<Value> = found.iter().map(|e| event_json(e, cameo)).collect();
    Ok(Json(json!({ "events": events, "next_cursor": next.map(params::make_cursor) })))
}

/// `GET /v1/dyad.svg`.
pub(crate) async fn dyad_svg(State(server): State<Server>, q: Pairs) -> Result<Response, ApiError> {
    let (s, smooth) = dyad_series(&server, q).await?;
    let title = format!(
        "{} {} {} by {}{}",
        s.a,
        if s.directed { "->" } else { "-" },
        s.b,
        s.by,
        if s.one_a_day { " (one a day)" } else { "" }
    );
    let smoothed = smooth.map(|n| s.smoothed(n));
    Ok(svg_answer(&chart::dyad_chart(&s, smoothed.as_deref(), &title)))
}

// ---- triangle ------------------------------------------------------------------------------

async fn triangle_series(server: &Server, q: Pairs) -> Result<TriangleSeries, ApiError> {
    let r = request(q, Named::List { min: 3, max: 3 }, Period::Year)?;
    let (rule, rest) = sign_rule(r.rest.clone())?;
    let (mut evidence, mut left) = (5, Vec::new());
    for (k, v) in rest {
        match k.as_str() {
            "evidence" => evidence = params::number(&k, &v, 0, MAX_EVIDENCE)? as usize,
            _ => left.push((k, v)),
        }
    }
    params::no_more(&left)?;
    let events = r.events(server).await?;
    let opts = TriangleOptions { by: r.by, one_a_day: r.one_a_day, span: r.span, rule, evidence };
    let [a, b, c]: [Actor; 3] = r.actors.try_into().map_err(|_| bad("actors", "expected 3 actors"))?;
    let mut t = TriangleCollector::new([a, b, c], opts);
    events.iter().for_each(|e| t.push(e));
    Ok(t.finish())
}

/// `GET /v1/triangle`.
pub(crate) async fn triangle(State(server): State<Server>, q: Pairs) -> Result<Json<Value>, ApiError> {
    let t = triangle_series(&server, q).await?;
    // The evidence of every transition, looked up by row id, a page at a time.
    let ids: Vec<i64> = t.transitions.iter().flat_map(|tr| tr.events.iter().map(|id| id.0 as i64)).collect();
    let found = server
        .read(move |store| {
            let mut out = Vec::new();
            for chunk in ids.chunks(MAX_PAGE) {
                let q = EventQuery { ids: chunk.to_vec(), ..EventQuery::default() };
                out.extend(store.event_page(&q, None, chunk.len())?.events);
            }
            Ok(out)
        })
        .await?;
    let cameo = &server.inner.parts.cameo;
    let by_id: HashMap<i64, Value> = found.iter().map(|e| (e.id, event_json(e, cameo))).collect();
    let names = &t.actors;
    let sides: Vec<String> = SIDES.iter().map(|(i, j)| format!("{}-{}", names[*i], names[*j])).collect();
    let mut rows = Vec::with_capacity(t.rows.len());
    for r in &t.rows {
        let mut v =
            serde_json::to_value(r).map_err(|_| ApiError::internal("the series could not be written"))?;
        v["description"] = r.configuration.describe(names).into();
        rows.push(v);
    }
    let transitions: Vec<Value> = t
        .transitions
        .iter()
        .map(|tr| {
            json!({
                "period": tr.period,
                "from": tr.from, "to": tr.to,
                "from_description": tr.from.describe(names), "to_description": tr.to.describe(names),
                "changed": tr.changed,
                "changed_sides": tr.changed.iter().map(|k| sides[*k].as_str()).collect::<Vec<_>>(),
                "events": tr.events.iter().filter_map(|id| by_id.get(&(id.0 as i64))).collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(Json(json!({
        "actors": names, "sides": sides, "by": t.by.as_str(), "rule": t.rule,
        "rows": rows, "transitions": transitions,
    })))
}

/// `GET /v1/triangle.svg`.
pub(crate) async fn triangle_svg(State(server): State<Server>, q: Pairs) -> Result<Response, ApiError> {
    let t = triangle_series(&server, q).await?;
    let n = &t.actors;
    let title = format!("Strategic triangle {} / {} / {} by {}", n[0], n[1], n[2], t.by);
    Ok(svg_answer(&chart::triangle_chart(&t, &title)))
}

// ---- balance -------------------------------------------------------------------------------

async fn balance_series(server: &Server, q: Pairs) -> Result<BalanceSeries, ApiError> {
    let r = request(q, Named::List { min: 3, max: MAX_BALANCE_ACTORS }, Period::Year)?;
    let (rule, rest) = sign_rule(r.rest.clone())?;
    params::no_more(&rest)?;
    let events = r.events(server).await?;
    let opts = BalanceOptions { by: r.by, one_a_day: r.one_a_day, span: r.span, rule };
    let mut c = BalanceCollector::new(r.actors, opts);
    events.iter().for_each(|e| c.push(e));
    Ok(c.finish())
}

/// `GET /v1/balance`.
pub(crate) async fn balance(State(server): State<Server>, q: Pairs) -> Result<Json<Value>, ApiError> {
    series_json(&balance_series(&server, q).await?)
}

/// `GET /v1/balance.svg`.
pub(crate) async fn balance_svg(State(server): State<Server>, q: Pairs) -> Result<Response, ApiError> {
    let s = balance_series(&server, q).await?;
    let title = format!("Structural balance among {} by {}", s.actors.join(" "), s.by);
    Ok(svg_answer(&chart::balance_chart(&s, &title)))
}

// ---- asymmetry -----------------------------------------------------------------------------

async fn asymmetry_series(server: &Server, q: Pairs) -> Result<AsymmetrySeries, ApiError> {
    let r = request(q, Named::Pair, Period::Year)?;
    params::no_more(&r.rest)?;
    let events = r.events(server).await?;
    let mut c = AsymmetryCollector::new(r.actors[0].clone(), r.actors[1].clone(), r.by, r.span, r.one_a_day);
    events.iter().for_each(|e| c.push(e));
    Ok(c.finish(None))
}

/// `GET /v1/asymmetry`.
pub(crate) async fn asymmetry(State(server): State<Server>, q: Pairs) -> Result<Json<Value>, ApiError> {
    series_json(&asymmetry_series(&server, q).await?)
}

/// `GET /v1/asymmetry.svg`.
pub(crate) async fn asymmetry_svg(State(server): State<Server>, q: Pairs) -> Result<Response, ApiError> {
    let s = asymmetry_series(&server, q).await?;
    let title = format!("Asymmetry {} / {} by {}", s.a, s.b, s.by);
    Ok(svg_answer(&chart::asymmetry_chart(&s, &title)))
}

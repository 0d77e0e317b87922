//! The API end to end: every endpoint through the router (`oneshot`), plus a real server on a
//! loopback port. The database is the demo corpus ingested into a temporary file.

use axis::cameo::{CameoTable, EventCode};
use axis::code::Coder;
use axis::dict::{Dictionary, VerbDictionary};
use axis::relations::asymmetry::AsymmetryCollector;
use axis::relations::balance::{BalanceCollector, BalanceOptions};
use axis::relations::dyad::{DyadCollector, DyadOptions};
use axis::relations::period::{Period, Span};
use axis::relations::sign::SignRule;
use axis::relations::triangle::{TriangleCollector, TriangleOptions};
use axis::relations::{from_store, Actor, StoreSelection};
use axis::store::{ingest, ImportRow, IngestOptions, Store};
use axis::when::Date;
use axis_server::{CoderParts, Server, ServerConfig};
use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::Duration;
use tower::ServiceExt;

const TOKEN: &str = "s3cret-token";

struct Fixture {
    dir: PathBuf,
    app: Router,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.dir).ok();
    }
}

fn parts() -> CoderParts {
    CoderParts {
        dict: Dictionary::builtin().expect("dict"),
        verbs: VerbDictionary::builtin().expect("verbs"),
        cameo: CameoTable::builtin().expect("cameo"),
        version: "test".into(),
    }
}

/// The demo corpus in a fresh database, served with `config` changes applied.
fn fixture(name: &str, configure: impl FnOnce(&mut ServerConfig)) -> Fixture {
    let dir = std::env::temp_dir().join(format!("axis-server-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let db = dir.join("axis.db");
    let p = parts();
    {
        let mut store = Store::open(&db).expect("store");
        let coder = Coder::new(&p.dict, &p.verbs, &p.cameo);
        let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo.jsonl");
        let report = ingest(&mut store, &coder, "test", &[demo], &IngestOptions::default(), &mut |_| {})
            .expect("ingest");
        assert!(report.events > 10, "{report:?}");
        // Two events coded elsewhere: no document, no evidence.
        let rows: Vec<ImportRow> = [("1", "USA", "CHN", "042"), ("2", "CHN", "USA", "112")]
            .iter()
            .map(|(id, s, t, c)| ImportRow {
                source: s.to_string(),
                target: t.to_string(),
                date_start: Date::parse("2018-06-01").ok(),
                sentence_text: Some("An imported event.".into()),
                ..ImportRow::new(*id, EventCode::new(c).expect("code"))
            })
            .collect();
        assert_eq!(store.insert_imported("icews", &rows).expect("import").inserted, 2);
    }
    let mut config = ServerConfig { token: Some(TOKEN.into()), ..ServerConfig::new(&db) };
    configure(&mut config);
    let app = Server::open(config, p).expect("server").router();
    Fixture { dir, app }
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// An error answer: JSON `{"error": {"code", "message"}}` and nothing else.
    fn error_code(&self) -> String {
        let v = self.json();
        let e = &v["error"];
        assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
        assert_eq!(v.as_object().map(|o| o.len()), Some(1), "{v}");
        e["code"].as_str().expect("code").to_string()
    }
}

async fn call(app: &Router, method: Method, uri: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Answer {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = app.clone().oneshot(req.body(Body::from(body)).expect("request")).await.expect("infallible");
    let status = res.status();
    let headers = res.headers().clone();
    let body = axum::body::to_bytes(res.into_body(), usize::MAX).await.expect("body").to_vec();
    Answer { status, headers, body }
}

async fn get(app: &Router, uri: &str) -> Answer {
    call(app, Method::GET, uri, &[], Vec::new()).await
}

async fn post(app: &Router, uri: &str, body: &str) -> Answer {
    call(app, Method::POST, uri, &[("content-type", "application/json")], body.as_bytes().to_vec()).await
}

#[tokio::test]
async fn health_stats_and_openapi() {
    let f = fixture("meta", |_| {});
    let h = get(&f.app, "/v1/health").await;
    assert_eq!(h.status, StatusCode::OK);
    assert_eq!(h.json()["status"], "ok");
    assert_eq!(h.json()["ingest"], true);
    let s = get(&f.app, "/v1/stats").await.json();
    assert_eq!(s["documents"], 12);
    assert!(s["events"].as_u64().unwrap_or(0) > 10, "{s}");
    let o = get(&f.app, "/v1/openapi.json").await;
    assert_eq!(o.status, StatusCode::OK);
    assert!(o.json()["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
}

#[tokio::test]
async fn openapi_describes_exactly_the_routes() {
    let f = fixture("openapi", |_| {});
    let server = Server::open(ServerConfig::new(f.dir.join("axis.db")), parts()).expect("server");
    let routes: BTreeSet<(String, String)> = axis_server::api::route_list(&server)
        .into_iter()
        .map(|(m, p)| (m.as_str().to_lowercase(), p.to_string()))
        .collect();
    let doc = axis_server::openapi::document();
    let mut documented = BTreeSet::new();
    for (path, ops) in doc["paths"].as_object().expect("paths") {
        for method in ops.as_object().expect("operations").keys() {
            documented.insert((method.clone(), path.clone()));
        }
    }
    assert_eq!(routes, documented);
    // And every route is really served: none answers 404 or 405 at its documented path.
    for (method, path) in &routes {
        let uri = path.replace("{id}", "1");
        let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
        let a = call(&f.app, method.clone(), &uri, &[], Vec::new()).await;
        assert!(
            a.status != StatusCode::NOT_FOUND && a.status != StatusCode::METHOD_NOT_ALLOWED,
            "{method} {uri}: {}",
            a.status
        );
    }
}

#[tokio::test]
async fn code_returns_events_with_offsets_into_the_text() {
    let f = fixture("code", |_| {});
    let text = "Intro.\n\n\u{201C}Russia  attacked Ukraine last year,\u{201D} the minister said.";
    let body = serde_json::json!({ "text": text, "date": "2019-02-02", "id": "t1" }).to_string();
    let a = post(&f.app, "/v1/code", &body).await;
    assert_eq!(a.status, StatusCode::OK, "{}", String::from_utf8_lossy(&a.body));
    let v = a.json();
    let events = v["events"].as_array().expect("events");
    assert!(!events.is_empty(), "{v}");
    let e = &events[0];
    let slice = |s: &str, t: &str| &text[e[s].as_u64().unwrap() as usize..e[t].as_u64().unwrap() as usize];
    assert_eq!(slice("source_start", "source_end"), "Russia");
    assert_eq!(slice("target_start", "target_end"), "Ukraine");
    assert_eq!(slice("verb_start", "verb_end"), "attacked");
    assert_eq!(e["date_start"], "2018-01-01");
    assert_eq!(e["doc"], "t1");
    assert!(e["code_name"].is_string());
    assert!(v.get("explain").is_none());
    // curl -d sends a form content type: the body is still read as JSON.
    let plain = call(
        &f.app,
        Method::POST,
        "/v1/code",
        &[("content-type", "application/x-www-form-urlencoded")],
        body.clone().into_bytes(),
    )
    .await;
    assert_eq!(plain.status, StatusCode::OK);
    let explained =
        post(&f.app, "/v1/code", &serde_json::json!({ "text": text, "explain": true }).to_string())
            .await
            .json();
    let sentences = explained["explain"]["sentences"].as_array().expect("trace");
    assert_eq!(sentences.len(), 2);
    assert!(sentences[1]["patterns"].as_array().is_some_and(|p| !p.is_empty()));
}

#[tokio::test]
async fn code_rejects_bad_requests_with_json_errors() {
    let f = fixture("code-bad", |_| {});
    let cases: &[(&str, StatusCode, &str)] = &[
        ("{not json", StatusCode::BAD_REQUEST, "bad_json"),
        ("", StatusCode::BAD_REQUEST, "bad_json"),
        ("[1,2]", StatusCode::BAD_REQUEST, "bad_json"),
        (r#"{"txt":"China"}"#, StatusCode::BAD_REQUEST, "bad_json"),
        (r#"{"text":"China","extra":1}"#, StatusCode::BAD_REQUEST, "bad_json"),
        (r#"{"text":5}"#, StatusCode::BAD_REQUEST, "bad_json"),
        (r#"{"text":"  "}"#, StatusCode::BAD_REQUEST, "empty_text"),
        (r#"{"text":"China","date":"2019-02-30"}"#, StatusCode::BAD_REQUEST, "bad_parameter"),
        (r#"{"text":"China","date":"'; DROP TABLE events; --"}"#, StatusCode::BAD_REQUEST, "bad_parameter"),
    ];
    for (body, status, code) in cases {
        let a = post(&f.app, "/v1/code", body).await;
        assert_eq!(a.status, *status, "{body}");
        assert_eq!(a.error_code(), *code, "{body}");
    }
    let big = format!(r#"{{"text":"{}"}}"#, "a".repeat(3 << 20));
    let a = post(&f.app, "/v1/code", &big).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(a.error_code(), "too_large");
}

async fn walk(app: &Router, filter: &str, limit: usize) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut uri = format!("/v1/events?limit={limit}{filter}");
    loop {
        let a = get(app, &uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}: {}", String::from_utf8_lossy(&a.body));
        let v = a.json();
        let page = v["events"].as_array().expect("events");
        assert!(page.len() <= limit);
        ids.extend(page.iter().map(|e| e["id"].as_i64().expect("id")));
        match v["next_cursor"].as_str() {
            Some(c) => uri = format!("/v1/events?limit={limit}{filter}&cursor={c}"),
            None => break,
        }
    }
    ids
}

#[tokio::test]
async fn pagination_walks_every_event_exactly_once() {
    let f = fixture("pages", |_| {});
    let total = get(&f.app, "/v1/stats").await.json()["events"].as_u64().expect("count") as usize;
    let all = walk(&f.app, "", 1000).await;
    assert_eq!(all.len(), total);
    for limit in [1, 3, 7] {
        assert_eq!(walk(&f.app, "", limit).await, all, "limit {limit}");
    }
    let unique: BTreeSet<i64> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len());
    // With a filter, pages walk exactly the filtered events.
    for filter in ["&actor=CHN", "&actor=CHN&actor=SUN&one_a_day=true", "&quad=1&from=1990-01-01"] {
        let whole = walk(&f.app, filter, 1000).await;
        assert!(!whole.is_empty(), "{filter}");
        assert_eq!(walk(&f.app, filter, 2).await, whole, "{filter}");
    }
    for bad in ["limit=0", "limit=1001", "cursor=xyz", "cursor=", "from=2019-02-30", "quad=5", "nope=1"] {
        let a = get(&f.app, &format!("/v1/events?{bad}")).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{bad}");
        a.error_code();
    }
}

#[tokio::test]
async fn events_carry_evidence_spans_into_their_sentence() {
    let f = fixture("evidence", |_| {});
    let imported = get(&f.app, "/v1/events?origin=icews").await.json();
    let imported = imported["events"].as_array().expect("events");
    assert_eq!(imported.len(), 2);
    for e in imported {
        assert!(e["evidence"].is_null() && e["document"].is_null(), "{e}");
        assert_eq!(e["sentence_text"], "An imported event.");
    }
    let v = get(&f.app, "/v1/events?limit=1000&origin=axis").await.json();
    for e in v["events"].as_array().expect("events") {
        let ev = &e["evidence"];
        let sentence = ev["sentence"].as_str().expect("sentence");
        let at = |k: &str| {
            let s = ev[k].as_array().expect(k);
            &sentence[s[0].as_u64().unwrap() as usize..s[1].as_u64().unwrap() as usize]
        };
        assert_eq!(at("source"), e["source_text"], "{e}");
        assert_eq!(at("verb"), e["verb"], "{e}");
        if e["target"] != "" {
            assert_eq!(at("target"), e["target_text"], "{e}");
        }
    }
}

#[tokio::test]
async fn documents_answer_with_text_and_events() {
    let f = fixture("docs", |_| {});
    let d = get(&f.app, "/v1/documents/1").await;
    assert_eq!(d.status, StatusCode::OK);
    let d = d.json();
    let text = d["text"].as_str().expect("text");
    for e in d["events"].as_array().expect("events") {
        let base = e["evidence"]["sentence_start"].as_u64().expect("start") as usize;
        let s = e["evidence"]["source"].as_array().expect("source");
        let span = base + s[0].as_u64().unwrap() as usize..base + s[1].as_u64().unwrap() as usize;
        assert_eq!(&text[span], e["source_text"]);
    }
    assert!(!d["sentences"].as_array().expect("sentences").is_empty());
    let missing = get(&f.app, "/v1/documents/9999").await;
    assert_eq!((missing.status, missing.error_code().as_str()), (StatusCode::NOT_FOUND, "not_found"));
    for bad in ["abc", "1%3B%20DROP%20TABLE%20documents", "-", "99999999999999999999999"] {
        let a = get(&f.app, &format!("/v1/documents/{bad}")).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{bad}");
        a.error_code();
    }
}

#[tokio::test]
async fn sql_metacharacters_in_every_parameter_are_just_values() {
    let f = fixture("sql", |_| {});
    let before = get(&f.app, "/v1/stats").await.json();
    let nasty = [
        "'; DROP TABLE events; --",
        "\" OR 1=1 --",
        "CHN' OR '1'='1",
        "%",
        "*",
        "[",
        "?",
        "\\",
        "1); DELETE FROM documents; --",
        "NULL",
    ];
    let params =
        ["from", "to", "actor", "directed", "origin", "code", "root", "quad", "one_a_day", "cursor", "limit"];
    for value in nasty {
        let enc: String = value.bytes().map(|b| format!("%{b:02X}")).collect();
        for p in params {
            for endpoint in ["/v1/events", "/v1/overview"] {
                let a = get(&f.app, &format!("{endpoint}?{p}={enc}")).await;
                assert!(
                    a.status == StatusCode::OK || a.status == StatusCode::BAD_REQUEST,
                    "{p}={value}: {}",
                    a.status
                );
                if a.status == StatusCode::OK {
                    // A literal value matches nothing: no prefix has these characters.
                    if ["actor", "origin", "code"].contains(&p) {
                        let v = a.json();
                        let n =
                            v["events"].as_array().map(Vec::len).or(v["total"].as_u64().map(|n| n as usize));
                        assert_eq!(n, Some(0), "{endpoint} {p}={value}: {v}");
                    }
                } else {
                    a.error_code();
                }
            }
        }
        let a = get(&f.app, &format!("/v1/overview?dyads={enc}")).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST);
        let a =
            post(&f.app, "/v1/code", &serde_json::json!({ "text": value, "id": value }).to_string()).await;
        assert!(a.status == StatusCode::OK || a.status == StatusCode::BAD_REQUEST, "{value}");
    }
    assert_eq!(get(&f.app, "/v1/stats").await.json(), before);
}

#[tokio::test]
async fn overview_counts_by_quad_class_and_lists_dyads() {
    let f = fixture("overview", |_| {});
    let v = get(&f.app, "/v1/overview").await.json();
    let quads = v["quad_classes"].as_object().expect("quads");
    let periods = v["periods"].as_array().expect("periods").len();
    let sum: u64 = quads
        .values()
        .map(|s| {
            let s = s.as_array().expect("series");
            assert_eq!(s.len(), periods);
            s.iter().map(|n| n.as_u64().unwrap()).sum::<u64>()
        })
        .sum();
    assert_eq!(sum, v["total"].as_u64().expect("total"));
    assert!(sum > 10);
    let dyads = v["dyads"].as_array().expect("dyads");
    assert!(!dyads.is_empty());
    let counts: Vec<u64> = dyads.iter().map(|d| d["events"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let only = get(&f.app, "/v1/overview?actor=USA&dyads=3").await.json();
    assert!(only["dyads"].as_array().expect("dyads").iter().all(|d| d["a"] == "USA" || d["b"] == "USA"));
}

#[tokio::test]
async fn ingest_needs_the_token() {
    let f = fixture("ingest", |c| c.limits.ingest_body = 4096);
    let line = r#"{"id":"n1","date":"2020-05-05","text":"Japan praised India on Tuesday."}"#;
    let send = |auth: Option<&'static str>, body: String| {
        let app = f.app.clone();
        async move {
            let mut h = vec![("content-type", "application/x-ndjson")];
            if let Some(a) = auth {
                h.push(("authorization", a));
            }
            call(&app, Method::POST, "/v1/ingest", &h, body.into_bytes()).await
        }
    };
    let a = send(None, line.into()).await;
    assert_eq!((a.status, a.error_code().as_str()), (StatusCode::UNAUTHORIZED, "unauthorized"));
    assert_eq!(a.headers.get(header::WWW_AUTHENTICATE).map(|v| v.as_bytes()), Some(&b"Bearer"[..]));
    let a = send(Some("Bearer wrong"), line.into()).await;
    assert_eq!((a.status, a.error_code().as_str()), (StatusCode::FORBIDDEN, "forbidden"));
    let a = send(Some("Basic czNjcmV0"), line.into()).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    let before = get(&f.app, "/v1/stats").await.json()["documents"].as_u64().expect("docs");
    let body = format!("{line}\n{{broken\n{}\n", line.replace("n1", "n2").replace("India", "Korea"));
    let a = send(Some("Bearer s3cret-token"), body.clone()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", String::from_utf8_lossy(&a.body));
    let r = a.json();
    assert_eq!((r["added"].as_u64(), r["failed"].as_u64()), (Some(2), Some(1)), "{r}");
    let problem = r["problems"][0]["message"].as_str().expect("problem");
    assert!(problem.starts_with("body.jsonl:2"), "{problem}");
    assert!(!problem.contains(std::env::temp_dir().to_str().expect("tmp")), "{problem}");
    assert_eq!(get(&f.app, "/v1/stats").await.json()["documents"].as_u64(), Some(before + 2));
    let again = send(Some("Bearer s3cret-token"), body).await.json();
    assert_eq!((again["added"].as_u64(), again["duplicates"].as_u64()), (Some(0), Some(2)));
    let plain = call(
        &f.app,
        Method::POST,
        "/v1/ingest?date=2021-01-01",
        &[("content-type", "text/plain"), ("authorization", "Bearer s3cret-token")],
        b"China criticized Japan on Monday.".to_vec(),
    )
    .await
    .json();
    assert_eq!(plain["added"].as_u64(), Some(1), "{plain}");
    let big = send(Some("Bearer s3cret-token"), "x".repeat(5000)).await;
    assert_eq!((big.status, big.error_code().as_str()), (StatusCode::PAYLOAD_TOO_LARGE, "too_large"));
    // Without a configured token, ingest is off whatever the request says.
    let off = fixture("ingest-off", |c| c.token = None);
    let a = call(&off.app, Method::POST, "/v1/ingest", &[("authorization", "Bearer ")], line.into()).await;
    assert_eq!((a.status, a.error_code().as_str()), (StatusCode::FORBIDDEN, "ingest_disabled"));
}

#[tokio::test]
async fn static_files_come_only_from_the_embedded_table() {
    let f = fixture("static", |_| {});
    for page in ["/", "/events", "/code", "/documents/3"] {
        let a = get(&f.app, page).await;
        assert_eq!(a.status, StatusCode::OK, "{page}");
        assert!(a.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/html"));
        assert!(a.headers.contains_key(header::CONTENT_SECURITY_POLICY));
    }
    let js = get(&f.app, "/assets/app.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/javascript"));
    for attempt in [
        "/assets/../Cargo.toml",
        "/assets/..%2F..%2FCargo.toml",
        "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/%2e%2e%2f%2e%2e%2fCargo.toml",
        "/assets/..%5c..%5cCargo.toml",
        "/assets//etc/passwd",
        "/assets/app.js/../../../etc/passwd",
        "/assets/%2Fetc%2Fpasswd",
        "/assets/",
        "/assets/index.html",
        "/../../etc/passwd",
        "/src/lib.rs",
        "/crates/axis-server/assets/app.js",
        "/documents/../../etc/passwd",
    ] {
        let a = get(&f.app, attempt).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{attempt}");
        assert_eq!(a.error_code(), "not_found", "{attempt}");
    }
    let a = call(&f.app, Method::DELETE, "/v1/events", &[], Vec::new()).await;
    assert_eq!((a.status, a.error_code().as_str()), (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"));
    assert_eq!(get(&f.app, "/v1/nothing").await.error_code(), "not_found");
}

#[tokio::test]
async fn requests_over_the_time_limit_get_a_json_503() {
    // Coding 300 kB takes far longer than a millisecond.
    let f = fixture("timeout", |c| c.limits.request_time = Duration::from_millis(1));
    let text = "Russian troops attacked Ukraine and China praised Russia on Monday. ".repeat(4500);
    let a = post(&f.app, "/v1/code", &serde_json::json!({ "text": text }).to_string()).await;
    assert_eq!((a.status, a.error_code().as_str()), (StatusCode::SERVICE_UNAVAILABLE, "timeout"));
}

/// One HTTP/1.1 exchange over a raw socket (the path is sent exactly as written).
fn raw_get(addr: std::net::SocketAddr, path: &str) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
    write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").expect("write");
    let mut out = String::new();
    s.read_to_string(&mut out).expect("read");
    let status = out.get(9..12).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = out.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_server_on_a_loopback_port() {
    let f = fixture("socket", |_| {});
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let app = f.app.clone();
    let server = tokio::spawn(axis_server::serve(listener, app, async {
        let _ = stopped.await;
    }));
    let answers = tokio::task::spawn_blocking(move || {
        [
            raw_get(addr, "/v1/health"),
            raw_get(addr, "/v1/events?limit=2"),
            raw_get(addr, "/assets/../../../../etc/passwd"),
            raw_get(addr, "/../../../../etc/passwd"),
            raw_get(addr, "/assets/..%2f..%2f..%2fetc%2fpasswd"),
        ]
    })
    .await
    .expect("client");
    assert_eq!(answers[0].0, 200, "{}", answers[0].1);
    assert!(answers[0].1.contains("\"status\":\"ok\""));
    assert_eq!(answers[1].0, 200);
    for (status, body) in &answers[2..] {
        assert_eq!(*status, 404, "{body}");
        assert!(!body.contains("root:"), "{body}");
    }
    stop.send(()).expect("stop");
    server.await.expect("join").expect("serve");
}

/// The demo fixture plus imported events that make a strategic triangle change: in 2018 USA,
/// CHN and RUS all cooperate; in 2019 the USA quarrels with both.
fn relations_fixture(name: &str) -> Fixture {
    let f = fixture(name, |_| {});
    let mut store = Store::open(f.dir.join("axis.db")).expect("store");
    let rows: Vec<ImportRow> = [
        ("r1", "2018-03-01", "USAGOV", "CHN", "042"),
        ("r2", "2018-03-02", "CHN", "RUSGOV", "042"),
        ("r3", "2018-03-03", "RUS", "USA", "057"),
        ("r4", "2019-04-01", "USA", "CHN", "112"),
        ("r5", "2019-04-02", "RUSMIL", "USA", "173"),
        ("r6", "2019-04-03", "CHN", "RUS", "057"),
        ("r7", "2019-04-03", "CHN", "RUS", "057"),
    ]
    .iter()
    .map(|(id, day, s, t, c)| ImportRow {
        source: s.to_string(),
        target: t.to_string(),
        date_start: Date::parse(day).ok(),
        sentence_text: Some(format!("Imported event {id}.")),
        ..ImportRow::new(*id, EventCode::new(c).expect("code"))
    })
    .collect();
    assert_eq!(store.insert_imported("test", &rows).expect("import").inserted, 7);
    f
}

/// The stored events among `actors`, read the way every relations reader does.
fn stored(f: &Fixture, actors: &[&str], origins: &[&str]) -> Vec<axis::relations::RelEvent> {
    let store = Store::open_read_only(f.dir.join("axis.db")).expect("store");
    let actors: Vec<Actor> = actors.iter().map(|a| Actor::parse(a).expect("actor")).collect();
    let sel = StoreSelection {
        origins: origins.iter().map(|o| o.to_string()).collect(),
        ..StoreSelection::default()
    };
    let got = from_store(&store, &actors, &sel).expect("read");
    assert!(!got.events.is_empty());
    got.events
}

#[tokio::test]
async fn dyad_series_equal_the_library_collector() {
    let f = relations_fixture("dyad");
    for (query, by, directed) in [
        ("a=CHN&b=RUS&by=year", Period::Year, false),
        ("a=USA&b=CHN&by=month&from=2018&to=2019-06", Period::Month, false),
        ("a=USA&b=CHN&by=quarter&directed=true&one_a_day=true", Period::Quarter, true),
    ] {
        let a = get(&f.app, &format!("/v1/dyad?{query}")).await;
        assert_eq!(a.status, StatusCode::OK, "{query}");
        let v = a.json();
        let (x, y) = (v["a"].as_str().expect("a"), v["b"].as_str().expect("b"));
        let span = match query.contains("from=") {
            true => Span { from: Date::parse("2018-01-01").ok(), to: Date::parse("2019-06-30").ok() },
            false => Span::default(),
        };
        let opts = DyadOptions { directed, one_a_day: query.contains("one_a_day"), span, by };
        let mut c = DyadCollector::new(Actor::parse(x).expect("a"), Actor::parse(y).expect("b"), opts);
        stored(&f, &[x, y], &[]).iter().for_each(|e| c.push(e));
        let want = c.finish(None);
        let rows = v["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), want.rows.len(), "{query}");
        assert!(want.total().total() > 0, "{query}");
        assert_eq!(v["events"], want.total().total(), "{query}");
        for (got, w) in rows.iter().zip(&want.rows) {
            assert_eq!(got["period"], w.period.as_str(), "{query}");
            assert_eq!(got["counts"], serde_json::json!(w.tally.counts), "{query} {}", w.period);
            // JSON numbers read back to within a unit in the last place.
            let sum = got["goldstein_sum"].as_f64().expect("goldstein_sum");
            assert!((sum - w.tally.goldstein_sum).abs() < 1e-9, "{query} {}", w.period);
        }
    }
    let smooth = get(&f.app, "/v1/dyad?a=CHN&b=RUS&by=year&smooth=3").await.json();
    assert_eq!(smooth["smoothed"]["periods"], 3);
    assert_eq!(smooth["smoothed"]["rows"].as_array().map(Vec::len), smooth["rows"].as_array().map(Vec::len));
}

#[tokio::test]
async fn triangle_rows_and_transitions_carry_their_evidence() {
    let f = relations_fixture("triangle");
    // Only the imported rows, so the configurations are the ones made above.
    let a = get(&f.app, "/v1/triangle?actors=USA,CHN,RUS&by=year&from=2018&min_events=1&origin=test").await;
    assert_eq!(a.status, StatusCode::OK);
    let v = a.json();
    let mut opts = TriangleOptions::new(Period::Year);
    opts.rule = SignRule { min_events: 1, margin: 0.2 };
    opts.span = Span { from: Date::parse("2018-01-01").ok(), to: None };
    let actors = ["USA", "CHN", "RUS"].map(|n| Actor::parse(n).expect("actor"));
    let mut c = TriangleCollector::new(actors, opts);
    stored(&f, &["USA", "CHN", "RUS"], &["test"]).iter().for_each(|e| c.push(e));
    let want = c.finish();
    assert_eq!(v["sides"], serde_json::json!(["USA-CHN", "USA-RUS", "CHN-RUS"]));
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), want.rows.len());
    for (got, w) in rows.iter().zip(&want.rows) {
        assert_eq!(
            got["configuration"],
            serde_json::to_value(w.configuration).expect("json"),
            "{}",
            w.period
        );
        assert_eq!(got["description"], w.configuration.describe(&want.actors).as_str());
        for (s, ws) in got["sides"].as_array().expect("sides").iter().zip(&w.sides) {
            assert_eq!(s["sign"], serde_json::to_value(ws.sign).expect("json"), "{}", w.period);
        }
    }
    // 2019: the USA quarrels with both, CHN and RUS stay friends.
    let last = rows.iter().find(|r| r["period"] == "2019").expect("2019");
    assert_eq!(last["configuration"], serde_json::json!({ "kind": "stable_marriage", "excluded": 0 }));
    let transitions = v["transitions"].as_array().expect("transitions");
    assert_eq!(transitions.len(), want.transitions.len());
    assert!(!transitions.is_empty());
    for (got, w) in transitions.iter().zip(&want.transitions) {
        let ids: Vec<u64> =
            got["events"].as_array().expect("events").iter().filter_map(|e| e["id"].as_u64()).collect();
        assert_eq!(ids, w.events.iter().map(|id| id.0).collect::<Vec<_>>(), "{}", w.period);
        for e in got["events"].as_array().expect("events") {
            for key in ["date_start", "source", "target", "code"] {
                assert!(e[key].as_str().is_some_and(|s| !s.is_empty()), "{key}: {e}");
            }
            assert!(e["sentence_text"].as_str().is_some_and(|s| s.starts_with("Imported event")), "{e}");
        }
    }
    let t2019 = transitions.iter().find(|t| t["period"] == "2019").expect("2019 transition");
    assert_eq!(t2019["changed_sides"], serde_json::json!(["USA-CHN", "USA-RUS"]));
    assert_eq!(t2019["events"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn balance_and_asymmetry_equal_the_library_collectors() {
    let f = relations_fixture("balance");
    let v = get(&f.app, "/v1/balance?actors=USA&actors=CHN,RUS&by=year&from=2018&min_events=1").await.json();
    let opts = BalanceOptions {
        rule: SignRule { min_events: 1, margin: 0.2 },
        span: Span { from: Date::parse("2018-01-01").ok(), to: None },
        ..BalanceOptions::new(Period::Year)
    };
    let actors: Vec<Actor> = ["USA", "CHN", "RUS"].iter().map(|n| Actor::parse(n).expect("actor")).collect();
    let mut c = BalanceCollector::new(actors, opts);
    stored(&f, &["USA", "CHN", "RUS"], &[]).iter().for_each(|e| c.push(e));
    assert_eq!(v, serde_json::to_value(c.finish()).expect("json"));

    let v = get(&f.app, "/v1/asymmetry?a=USA&b=CHN&by=year").await.json();
    let mut c = AsymmetryCollector::new(
        Actor::parse("USA").expect("a"),
        Actor::parse("CHN").expect("b"),
        Period::Year,
        Span::default(),
        false,
    );
    stored(&f, &["USA", "CHN"], &[]).iter().for_each(|e| c.push(e));
    let want = c.finish(None);
    assert!(!want.rows.is_empty());
    assert_eq!(v, serde_json::to_value(want).expect("json"));
}

#[tokio::test]
async fn relations_charts_are_svg() {
    let f = relations_fixture("svg");
    for (uri, mark) in [
        ("/v1/dyad.svg?a=CHN&b=RUS&by=year", "<title>bar "),
        ("/v1/dyad.svg?a=USA&b=CHN&by=month&smooth=2", "<polyline"),
        (
            "/v1/triangle.svg?actors=USA,CHN,RUS&by=year&from=2018&min_events=1&origin=test",
            "<title>config 2019 stable marriage",
        ),
        ("/v1/balance.svg?actors=USA,CHN,RUS&by=year&from=2018", "<svg"),
        ("/v1/asymmetry.svg?a=USA&b=CHN&by=year", "<svg"),
    ] {
        let a = get(&f.app, uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        let ct = a.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        assert!(ct.starts_with("image/svg+xml"), "{uri}: {ct}");
        let body = String::from_utf8(a.body).expect("utf-8");
        assert!(body.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{uri}");
        assert!(body.contains(mark), "{uri}: no {mark}");
    }
    // A bad parameter is a JSON 400 on the chart too.
    let a = get(&f.app, "/v1/dyad.svg?a=CHN").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(a.error_code(), "bad_parameter");
}

#[tokio::test]
async fn relations_parameters_are_checked() {
    let f = relations_fixture("relparams");
    let cases: &[(&str, &str, &str)] = &[
        ("/v1/dyad?a=CHN", "bad_parameter", "b:"),
        ("/v1/dyad?b=RUS", "bad_parameter", "a:"),
        ("/v1/dyad?a=CHN&b=RUS&by=fortnight", "bad_parameter", "by:"),
        ("/v1/dyad?a=C%21N&b=RUS", "bad_parameter", "a:"),
        ("/v1/dyad?a=CHN&b=RUS&from=2019-13", "bad_parameter", "from:"),
        ("/v1/dyad?a=CHN&b=RUS&from=2019&to=2018", "bad_parameter", "from:"),
        ("/v1/dyad?a=CHN&b=RUS&smooth=0", "bad_parameter", "smooth:"),
        ("/v1/dyad?a=CHN&b=RUS&directed=maybe", "bad_parameter", "directed:"),
        ("/v1/dyad?a=CHN&b=RUS&actors=USA", "unknown_parameter", "actors"),
        ("/v1/triangle?actors=USA,CHN", "bad_parameter", "actors:"),
        ("/v1/triangle?actors=USA,CHN,RUS,IND", "bad_parameter", "actors:"),
        ("/v1/triangle?actors=USA,CHN,RUS&margin=1.5", "bad_parameter", "margin:"),
        ("/v1/triangle?actors=USA,CHN,RUS&min_events=-1", "bad_parameter", "min_events:"),
        ("/v1/triangle?actors=USA,CHN,RUS&evidence=500", "bad_parameter", "evidence:"),
        ("/v1/triangle?actors=USA,CHN,RUS&a=USA", "unknown_parameter", "\"a\""),
        ("/v1/balance?actors=USA,CHN", "bad_parameter", "actors:"),
        ("/v1/balance?actors=USA,CHN,RUS&smooth=2", "unknown_parameter", "smooth"),
        ("/v1/asymmetry?a=USA", "bad_parameter", "b:"),
        ("/v1/asymmetry?a=USA&b=CHN&margin=0.1", "unknown_parameter", "margin"),
    ];
    for (uri, code, names) in cases {
        let a = get(&f.app, uri).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(&a.error_code(), code, "{uri}");
        let message = a.json()["error"]["message"].as_str().unwrap_or_default().to_string();
        assert!(message.contains(names), "{uri}: {message}");
    }
}

#[tokio::test]
async fn dyad_events_are_the_events_the_series_counts() {
    let f = relations_fixture("dyadevents");
    for (query, directed) in [("a=USA&b=CHN", false), ("a=USA/GOV&b=CHN&directed=true", true)] {
        let (x, y) = if directed { ("USA/GOV", "CHN") } else { ("USA", "CHN") };
        let opts = DyadOptions { directed, ..DyadOptions::new(Period::Month) };
        let c = DyadCollector::new(Actor::parse(x).expect("a"), Actor::parse(y).expect("b"), opts);
        let want: Vec<u64> =
            stored(&f, &["USA", "CHN"], &[]).iter().filter(|e| c.accepts(e)).map(|e| e.id.0).collect();
        assert!(!want.is_empty(), "{query}");
        // Walk the pages, two events at a time.
        let (mut got, mut cursor) = (Vec::new(), String::new());
        loop {
            let v = get(&f.app, &format!("/v1/dyad/events?{query}&limit=2{cursor}")).await.json();
            for e in v["events"].as_array().expect("events") {
                got.push(e["id"].as_u64().expect("id"));
                let (s, t) = (e["source"].as_str().unwrap_or(""), e["target"].as_str().unwrap_or(""));
                let usa_chn = s.starts_with("USA") && t.starts_with("CHN");
                assert!(
                    usa_chn || (!directed && s.starts_with("CHN") && t.starts_with("USA")),
                    "{query}: {s} {t}"
                );
            }
            match v["next_cursor"].as_str() {
                Some(c) => cursor = format!("&cursor={c}"),
                None => break,
            }
        }
        assert_eq!(got, want, "{query}");
    }
    // Nothing between them: an empty page, not every event.
    let v = get(&f.app, "/v1/dyad/events?a=USA&b=ZZZ").await.json();
    assert_eq!(v["events"].as_array().map(Vec::len), Some(0));
    assert_eq!(get(&f.app, "/v1/dyad/events?a=USA&b=CHN&cursor=x").await.error_code(), "bad_cursor");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off_and_others_still_served() {
    let f = fixture("slowloris", |_| {});
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(axis_server::serve_with(
        listener,
        f.app.clone(),
        async {
            let _ = stopped.await;
        },
        Duration::from_millis(500),
    ));
    let (slow, others) = tokio::task::spawn_blocking(move || {
        // Slowloris: half the headers, then silence. The server must close the connection (a
        // read returns end of file or a reset) instead of waiting forever; the 60 s read timeout
        // only keeps a broken server from hanging the test.
        let slow: Vec<std::thread::JoinHandle<bool>> = (0..8)
            .map(|_| {
                std::thread::spawn(move || {
                    let mut s = std::net::TcpStream::connect(addr).expect("connect");
                    s.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout");
                    s.write_all(b"GET /v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ").expect("write");
                    let mut buf = Vec::new();
                    match s.read_to_end(&mut buf) {
                        Ok(_) => !String::from_utf8_lossy(&buf).contains("\"status\":\"ok\""),
                        Err(e) => {
                            e.kind() != std::io::ErrorKind::WouldBlock
                                && e.kind() != std::io::ErrorKind::TimedOut
                        }
                    }
                })
            })
            .collect();
        // Meanwhile the server answers everyone else.
        let others: Vec<u16> = (0..5).map(|_| raw_get(addr, "/v1/health").0).collect();
        (slow.into_iter().map(|h| h.join().expect("slow client")).collect::<Vec<bool>>(), others)
    })
    .await
    .expect("clients");
    assert!(slow.iter().all(|&cut| cut), "a slow client was never disconnected: {slow:?}");
    assert!(others.iter().all(|&s| s == 200), "{others:?}");
    stop.send(()).expect("stop");
    server.await.expect("join").expect("serve");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bounded_load_on_loopback_gets_no_errors() {
    let f = fixture("load", |_| {});
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(axis_server::serve(listener, f.app.clone(), async {
        let _ = stopped.await;
    }));
    // 16 clients × 25 requests over the read endpoints, each on its own connection.
    let paths = ["/v1/health", "/v1/events?limit=5", "/v1/overview", "/v1/stats", "/v1/documents/1"];
    let failures = tokio::task::spawn_blocking(move || {
        let clients: Vec<std::thread::JoinHandle<Vec<String>>> = (0..16)
            .map(|c| {
                std::thread::spawn(move || {
                    (0..25)
                        .map(|i| paths[(c + i) % paths.len()])
                        .filter_map(|path| {
                            let (status, body) = raw_get(addr, path);
                            (status != 200).then(|| format!("{path}: {status} {body}"))
                        })
                        .collect()
                })
            })
            .collect();
        clients.into_iter().flat_map(|h| h.join().expect("client")).collect::<Vec<String>>()
    })
    .await
    .expect("clients");
    assert!(failures.is_empty(), "{} errors, first: {:?}", failures.len(), failures.first());
    stop.send(()).expect("stop");
    server.await.expect("join").expect("serve");
}

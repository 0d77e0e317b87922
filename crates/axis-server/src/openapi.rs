//! The OpenAPI 3 description of `/v1`, served at `/v1/openapi.json`. Written by hand; a test
//! checks that its operations are exactly the router's routes.

use serde_json::{json, Value};

fn filters() -> Vec<Value> {
    let p = |name: &str, schema: Value, description: &str| json!({ "name": name, "in": "query", "required": false, "schema": schema, "description": description });
    let many = |item: Value| json!({ "type": "array", "items": item });
    vec![
        p("from", json!({ "type": "string", "format": "date" }), "Events dated on or after this day."),
        p("to", json!({ "type": "string", "format": "date" }), "Events dated on or before this day."),
        p(
            "actor",
            many(json!({ "type": "string" })),
            "Actor code prefix (CHN matches CHNGOV); repeat it. One: events it takes part in; several: \
             events among them.",
        ),
        p("directed", json!({ "type": "boolean" }), "The first actor is the source, the others the targets."),
        p("origin", many(json!({ "type": "string" })), "axis (coded here), gdelt, icews…"),
        p("code", many(json!({ "type": "string" })), "CAMEO code prefix (04 = every consultation)."),
        p("root", many(json!({ "type": "integer", "minimum": 1, "maximum": 20 })), "CAMEO root."),
        p("quad", many(json!({ "type": "integer", "minimum": 1, "maximum": 4 })), "QuadClass."),
        p("one_a_day", json!({ "type": "boolean" }), "One event per day, source, target and code."),
    ]
}

fn ok(description: &str, schema: Value) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": schema } } })
}

fn error(description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": {
        "schema": { "$ref": "#/components/schemas/Error" } } } })
}

/// A query parameter.
fn param(name: &str, schema: Value, description: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false, "schema": schema, "description": description })
}

/// The parameters every relations endpoint shares.
fn relation_params(default_by: &str) -> Vec<Value> {
    let day = json!({ "type": "string", "example": "2018-06" });
    vec![
        param(
            "by",
            json!({ "type": "string", "enum": ["day", "week", "month", "quarter", "year"], "default": default_by }),
            "Period length.",
        ),
        param("from", day.clone(), "First day counted: a year, month or day (2018 = from 2018-01-01)."),
        param("to", day, "Last day counted: a year, month or day, through its end."),
        param(
            "one_a_day",
            json!({ "type": "boolean" }),
            "Count an event once per day, source, target and code.",
        ),
        param(
            "origin",
            json!({ "type": "array", "items": { "type": "string" } }),
            "Only these origins (axis, gdelt, icews).",
        ),
    ]
}

fn pair_params(default_by: &str) -> Vec<Value> {
    let actor = json!({ "type": "string", "example": "CHN" });
    let mut p = vec![
        json!({ "name": "a", "in": "query", "required": true, "schema": actor,
            "description": "The first actor: a code prefix, optionally with agents (CHN/GOV+MIL)." }),
        json!({ "name": "b", "in": "query", "required": true, "schema": actor, "description": "The second actor." }),
    ];
    p.extend(relation_params(default_by));
    p
}

fn list_params(min: usize, max: usize) -> Vec<Value> {
    let mut p = vec![json!({ "name": "actors", "in": "query", "required": true,
        "schema": { "type": "string", "example": "USA,CHN,RUS" },
        "description": format!("{min} to {max} actors, comma-separated (or the parameter repeated).") })];
    p.extend(relation_params("year"));
    p.push(param(
        "min_events",
        json!({ "type": "integer", "minimum": 0, "default": 3 }),
        "Fewest events in a period for a relation to get a sign.",
    ));
    p.push(param(
        "margin",
        json!({ "type": "number", "minimum": 0, "exclusiveMaximum": 1, "default": 0.2 }),
        "Net cooperation share beyond which a relation is + or -.",
    ));
    p
}

/// A relations endpoint: its JSON path item and its chart's.
fn relation(summary: &str, params: Vec<Value>, result: Value) -> (Value, Value) {
    let json = json!({ "get": {
        "summary": summary,
        "parameters": params,
        "responses": { "200": ok("The series.", result), "400": error("A bad or missing parameter.") } } });
    let svg = json!({ "get": {
        "summary": format!("{summary} As a chart."),
        "parameters": params,
        "responses": {
            "200": { "description": "An SVG chart.", "content": { "image/svg+xml": { "schema": { "type": "string" } } } },
            "400": error("A bad or missing parameter.") } } });
    (json, svg)
}

/// The document.
pub fn document() -> Value {
    let mut doc = base();
    let mut triangle_params = list_params(3, 3);
    triangle_params.push(param(
        "evidence",
        json!({ "type": "integer", "minimum": 0, "maximum": 20, "default": 5 }),
        "Most events listed under each transition.",
    ));
    let mut dyad_params = pair_params("month");
    dyad_params.push(param("directed", json!({ "type": "boolean" }), "Only events from a to b."));
    dyad_params.push(param(
        "smooth",
        json!({ "type": "integer", "minimum": 1, "maximum": 120 }),
        "Also a trailing moving average over this many periods (smoothed.rows).",
    ));
    let rows = |extra: Value| json!({ "type": "object", "properties": extra });
    let entries = [
        ("dyad", relation(
            "Counts per QuadClass, Goldstein sum and mean, cooperation share per period between two actors.",
            dyad_params,
            rows(json!({ "a": { "type": "string" }, "b": { "type": "string" }, "by": { "type": "string" },
                "events": { "type": "integer" }, "rows": { "type": "array", "items": { "type": "object" } },
                "smoothed": { "type": "object", "nullable": true } })),
        )),
        ("triangle", relation(
            "Dittmer's strategic triangle: side signs and configuration per period, transitions with the events behind them.",
            triangle_params,
            rows(json!({ "actors": { "type": "array", "items": { "type": "string" } },
                "sides": { "type": "array", "items": { "type": "string" } },
                "rows": { "type": "array", "items": { "type": "object" } },
                "transitions": { "type": "array", "items": { "type": "object", "properties": {
                    "period": { "type": "string" }, "changed_sides": { "type": "array", "items": { "type": "string" } },
                    "events": { "type": "array", "items": { "$ref": "#/components/schemas/Event" } } } } } })),
        )),
        ("balance", relation(
            "Structural balance among N actors: balanced-triad share and frustration index per period.",
            list_params(3, 20),
            rows(json!({ "actors": { "type": "array", "items": { "type": "string" } },
                "rows": { "type": "array", "items": { "type": "object" } } })),
        )),
        ("asymmetry", relation(
            "Who is the senior partner: aid, visits, appeals and yields by direction per period.",
            pair_params("year"),
            rows(json!({ "a": { "type": "string" }, "b": { "type": "string" },
                "rows": { "type": "array", "items": { "type": "object" } }, "total": { "type": "object" } })),
        )),
    ];
    let mut dyad_event_params = pair_params("month");
    dyad_event_params.push(param("directed", json!({ "type": "boolean" }), "Only events from a to b."));
    dyad_event_params.push(param("cursor", json!({ "type": "string" }), "next_cursor of the previous page."));
    dyad_event_params.push(param(
        "limit",
        json!({ "type": "integer", "minimum": 1, "maximum": 1000, "default": 50 }),
        "Events per page.",
    ));
    let dyad_events = json!({ "get": {
        "summary": "The events a dyad series counts (same actors, agents, direction, days, origins), in pages, with evidence.",
        "parameters": dyad_event_params,
        "responses": {
            "200": ok("A page.", json!({ "type": "object", "properties": {
                "events": { "type": "array", "items": { "$ref": "#/components/schemas/Event" } },
                "next_cursor": { "type": "string", "nullable": true } } })),
            "400": error("A bad or missing parameter.") } } });
    if let Some(paths) = doc["paths"].as_object_mut() {
        paths.insert("/v1/dyad/events".into(), dyad_events);
        for (name, (json_item, svg_item)) in entries {
            paths.insert(format!("/v1/{name}"), json_item);
            paths.insert(format!("/v1/{name}.svg"), svg_item);
        }
    }
    doc
}

fn base() -> Value {
    let event = json!({ "$ref": "#/components/schemas/Event" });
    let mut page_params = filters();
    page_params.push(json!({ "name": "cursor", "in": "query", "schema": { "type": "string" },
        "description": "next_cursor of the previous page." }));
    page_params.push(json!({ "name": "limit", "in": "query",
        "schema": { "type": "integer", "minimum": 1, "maximum": 1000, "default": 100 } }));
    let mut overview_params = filters();
    overview_params.push(json!({ "name": "dyads", "in": "query",
        "schema": { "type": "integer", "minimum": 0, "maximum": 100, "default": 10 },
        "description": "How many of the busiest dyads to list." }));
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "axis",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Political event data: code text into CAMEO events, browse the store.",
        },
        "paths": {
            "/v1/health": { "get": {
                "summary": "The server and its database answer.",
                "responses": { "200": ok("Versions.", json!({ "type": "object" })) } } },
            "/v1/stats": { "get": {
                "summary": "Counts of what the database holds (axis stats).",
                "responses": { "200": ok("Counts.", json!({ "type": "object" })) } } },
            "/v1/openapi.json": { "get": {
                "summary": "This document.",
                "responses": { "200": ok("OpenAPI 3.", json!({ "type": "object" })) } } },
            "/v1/events": { "get": {
                "summary": "Stored events, filtered, in pages (follow next_cursor).",
                "parameters": page_params,
                "responses": {
                    "200": ok("A page.", json!({ "type": "object", "properties": {
                        "events": { "type": "array", "items": event },
                        "next_cursor": { "type": "string", "nullable": true } } })),
                    "400": error("A bad parameter.") } } },
            "/v1/documents/{id}": { "get": {
                "summary": "A stored document: text, sentence spans, events with evidence.",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }],
                "responses": {
                    "200": ok("The document.", json!({ "type": "object", "properties": {
                        "id": { "type": "integer" }, "key": { "type": "string" },
                        "text": { "type": "string" },
                        "sentences": { "type": "array", "items": { "type": "array", "items": { "type": "integer" } } },
                        "events": { "type": "array", "items": event } } })),
                    "400": error("Not a document id."),
                    "404": error("No such document.") } } },
            "/v1/overview": { "get": {
                "summary": "Volume by QuadClass over time (by month, or by year over ten years) and the busiest dyads.",
                "parameters": overview_params,
                "responses": {
                    "200": ok("Series and dyads.", json!({ "type": "object", "properties": {
                        "bucket": { "type": "string", "enum": ["month", "year"] },
                        "periods": { "type": "array", "items": { "type": "string" } },
                        "quad_classes": { "type": "object", "additionalProperties": {
                            "type": "array", "items": { "type": "integer" } } },
                        "total": { "type": "integer" },
                        "dyads": { "type": "array", "items": { "type": "object" } } } })),
                    "400": error("A bad parameter.") } } },
            "/v1/code": { "post": {
                "summary": "Code a text: events (offsets into the text sent), quantities, the explain trace on request.",
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                    "type": "object", "required": ["text"], "additionalProperties": false, "properties": {
                        "text": { "type": "string" },
                        "date": { "type": "string", "format": "date", "description": "Story date." },
                        "id": { "type": "string" },
                        "explain": { "type": "boolean", "default": false } } } } } },
                "responses": {
                    "200": ok("Events.", json!({ "type": "object", "properties": {
                        "document": { "type": "object" },
                        "events": { "type": "array", "items": event },
                        "quantities": { "type": "array", "items": { "type": "object" } },
                        "explain": { "type": "object" } } })),
                    "400": error("Not JSON, no text, or a bad date."),
                    "413": error("Body over 2 MiB.") } } },
            "/v1/ingest": { "post": {
                "summary": "Code and store documents (JSON lines, or one plain-text document). Needs the server's token.",
                "security": [{ "bearer": [] }],
                "parameters": [{ "name": "date", "in": "query", "schema": { "type": "string", "format": "date" },
                    "description": "Story date for documents that carry none." }],
                "requestBody": { "required": true, "content": {
                    "application/x-ndjson": { "schema": { "type": "string" } },
                    "text/plain": { "schema": { "type": "string" } } } },
                "responses": {
                    "200": ok("What was stored, and the records skipped.", json!({ "type": "object" })),
                    "401": error("No bearer token."),
                    "403": error("Wrong token, or ingest is off (no token configured)."),
                    "413": error("Body over 64 MiB.") } } },
        },
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "schemas": {
                "Error": { "type": "object", "required": ["error"], "properties": { "error": {
                    "type": "object", "required": ["code", "message"], "properties": {
                        "code": { "type": "string" }, "message": { "type": "string" } } } } },
                "Event": { "type": "object", "description":
                    "The fields of an axis event record (doc, sentence, sentence_text, date_start, date_end, \
                     date_granularity, date_fallback, story_date, source…, target…, code, root, quad_class, \
                     goldstein, plover_event, plover_mode, negated, modality, verb…, pattern, url) plus \
                     code_name; stored events add id, document and evidence (the sentence and the \
                     source, target and verb spans as byte offsets into it).",
                    "properties": {
                        "id": { "type": "integer" },
                        "source": { "type": "string" }, "target": { "type": "string" },
                        "code": { "type": "string" },
                        "quad_class": { "type": "integer", "nullable": true,
                            "description": "null for a code a PETRARCH dictionary declares that is not CAMEO" },
                        "date_start": { "type": "string" },
                        "goldstein": { "type": "number", "nullable": true },
                        "evidence": { "type": "object", "nullable": true } } },
            },
        },
    })
}

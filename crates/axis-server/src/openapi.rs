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

/// The document.
pub fn document() -> Value {
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
                        "code": { "type": "string" }, "quad_class": { "type": "integer" },
                        "date_start": { "type": "string" }, "goldstein": { "type": "number" },
                        "evidence": { "type": "object", "nullable": true } } },
            },
        },
    })
}

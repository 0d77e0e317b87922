// The axis dashboard: plain JavaScript over the /v1 API, no libraries. Pages are functions
// registered in PAGES by path; each fetches JSON and builds DOM nodes (text is always set as
// text, never parsed as HTML). Evidence offsets from the API are UTF-8 byte offsets; `marked`
// turns them into highlighted text.
"use strict";

const QUADS = {
  1: "Verbal cooperation",
  2: "Material cooperation",
  3: "Verbal conflict",
  4: "Material conflict",
};

// Nav order. Every path here also needs a route on the server (assets.rs PAGES).
const PAGES = [
  { path: "/", title: "Overview", render: overview },
  { path: "/events", title: "Events", render: eventsPage },
  { path: "/dyad", title: "Dyad", render: dyadPage },
  { path: "/triangle", title: "Triangle", render: trianglePage },
  { path: "/code", title: "Code a text", render: codePage },
];

// ---- DOM helpers -----------------------------------------------------------------------------

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

const SVG = "http://www.w3.org/2000/svg";
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  append(el, children);
  return el;
}

async function api(path, options) {
  const r = await fetch(path, options);
  let body = null;
  try {
    body = await r.json();
  } catch (_) {
    throw new Error(`${path}: answer is not JSON (HTTP ${r.status})`);
  }
  if (!r.ok) {
    const e = body && body.error;
    throw new Error(e ? `${e.message} (${e.code})` : `HTTP ${r.status}`);
  }
  return body;
}

function failure(err) {
  return h("p", { class: "error" }, String(err.message || err));
}

const fmt = (n) => Number(n).toLocaleString("en");

// ---- evidence highlighting -------------------------------------------------------------------

// `text` with the byte ranges of `spans` ({start, end, cls, title}) wrapped in <mark>s.
// Overlapping spans split at every boundary; a piece carries the classes of all spans over it.
function marked(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const good = spans.filter((sp) => sp && sp.start < sp.end && sp.end <= bytes.length);
  const cuts = new Set([0, bytes.length]);
  for (const sp of good) {
    cuts.add(sp.start);
    cuts.add(sp.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = dec.decode(bytes.subarray(a, b));
    const over = good.filter((sp) => sp.start <= a && b <= sp.end);
    if (over.length === 0) {
      out.append(piece);
    } else {
      const m = h("mark", {
        class: [...new Set(over.map((sp) => sp.cls))].join(" "),
        title: over.map((sp) => sp.title).filter(Boolean).join("; ") || null,
      }, piece);
      out.append(m);
    }
  }
  return out;
}

// The spans of a stored event, relative to its evidence sentence (shifted by `base`).
function evidenceSpans(e, base) {
  const ev = e.evidence;
  if (!ev) return [];
  const at = (pair, cls, title) => pair && { start: pair[0] + base, end: pair[1] + base, cls, title };
  return [
    at(ev.source, "source", `source ${e.source}`),
    at(ev.target, "target", `target ${e.target}`),
    at(ev.verb, "verb", `${e.code} ${e.code_name || ""}`.trim()),
  ].filter(Boolean);
}

// The spans of a freshly coded event (offsets into the text sent).
function codedSpans(e) {
  const out = [{ start: e.source_start, end: e.source_end, cls: "source", title: `source ${e.source}` }];
  if (e.target) out.push({ start: e.target_start, end: e.target_end, cls: "target", title: `target ${e.target}` });
  out.push({ start: e.verb_start, end: e.verb_end, cls: "verb", title: `${e.code} ${e.code_name || ""}`.trim() });
  return out;
}

function keys() {
  return h("p", { class: "keys" },
    h("mark", { class: "source" }, "source"),
    h("mark", { class: "target" }, "target"),
    h("mark", { class: "verb" }, "verb"));
}

function quadTag(q) {
  // A code a PETRARCH dictionary declares for itself has no quad class.
  if (q == null) return h("span", { class: "tag", title: "not a CAMEO code: no quad class" }, "Q?");
  return h("span", { class: `tag q${q}`, title: QUADS[q] }, `Q${q}`);
}

function resolvedDate(e) {
  if (!e.date_start) return "undated";
  const range = e.date_start === e.date_end || !e.date_end ? e.date_start : `${e.date_start} – ${e.date_end}`;
  return e.date_granularity ? `${range} (${e.date_granularity})` : range;
}

function eventFacts(e) {
  const facts = [
    ["Date", resolvedDate(e) + (e.date_fallback ? " — from the story date" : "")],
    ["Story date", e.story_date || "—"],
    ["Source", `${e.source}${e.source_text ? ` “${e.source_text}”` : ""}`],
    ["Target", e.target ? `${e.target}${e.target_text ? ` “${e.target_text}”` : ""}` : "—"],
    ["Event", `${e.code} ${e.code_name || ""} · Goldstein ${e.goldstein ?? "none"}` +
      (e.plover_event ? ` · PLOVER ${e.plover_event}` : "")],
  ];
  if (e.negated) facts.push(["Negated", "yes"]);
  if (e.modality) facts.push(["Modality", e.modality]);
  if (e.pattern) facts.push(["Pattern", e.pattern]);
  if (e.origin && e.origin !== "axis") facts.push(["Origin", e.origin]);
  return h("dl", { class: "facts" }, facts.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function eventSummary(e) {
  return [
    h("span", { class: "muted" }, e.date_start || "undated"),
    quadTag(e.quad_class),
    h("span", { class: "code" }, `${e.source} → ${e.target || "—"}`),
    h("span", {}, `${e.code} ${e.code_name || ""}`),
  ];
}

// One stored event as an expandable list item: the summary line, then its sentence with
// source, target and verb marked, the resolved date and the rest of the record.
function eventItem(e) {
  const body = h("div", { class: "body" });
  const d = h("details", {}, h("summary", {}, eventSummary(e)), body);
  d.addEventListener("toggle", () => {
    if (!d.open || body.childElementCount) return;
    const sentence = e.evidence ? e.evidence.sentence : e.sentence_text;
    append(body, [
      h("p", { class: "sentence" }, sentence ? marked(sentence, evidenceSpans(e, 0)) : h("span", { class: "muted" }, "no sentence stored")),
      eventFacts(e),
      e.document ? h("p", {}, h("a", { href: `/documents/${e.document}` }, `Document ${e.doc}`)) : null,
    ]);
  });
  return h("li", { "data-event": e.id }, d);
}

// ---- overview ------------------------------------------------------------------------------

async function overview(main) {
  const [stats, ov] = await Promise.all([api("/v1/stats"), api("/v1/overview?dyads=12")]);
  append(main, [
    h("h1", {}, "Overview"),
    h("div", { class: "cards" },
      [["documents", stats.documents], ["sentences", stats.sentences], ["events", stats.events],
        ["quantities", stats.quantities]].map(([k, v]) => h("div", { class: "card" }, h("b", {}, fmt(v)), k))),
    h("h2", {}, `Events by QuadClass, per ${ov.bucket}`),
    h("div", { class: "panel" }, ov.total ? volumeChart(ov) : h("p", { class: "muted" }, "No dated events stored yet.")),
    h("h2", {}, "Most active dyads"),
    ov.dyads.length ? dyadTable(ov.dyads) : h("p", { class: "muted" }, "No events between two actors yet."),
  ]);
}

// Stacked bars: one per period, one segment per QuadClass.
function volumeChart(ov) {
  const W = 1000, H = 300, L = 48, R = 10, T = 10, B = 42;
  const n = ov.periods.length;
  const totals = ov.periods.map((_, i) => [1, 2, 3, 4].reduce((t, q) => t + ov.quad_classes[q][i], 0));
  const top = niceMax(Math.max(1, ...totals));
  const x = (i) => L + (i * (W - L - R)) / n;
  const y = (v) => T + (H - T - B) * (1 - v / top);
  const bw = Math.max(1, (W - L - R) / n - (n > 60 ? 0.5 : 3));
  const svg = s("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": `Events by QuadClass per ${ov.bucket}` });
  const steps = top <= 5 ? top : top % 4 === 0 ? 4 : 5;
  for (let k = 0; k <= steps; k++) {
    const v = (top * k) / steps;
    svg.append(s("line", { class: "axis", x1: L, x2: W - R, y1: y(v), y2: y(v) }),
      s("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, fmt(Math.round(v))));
  }
  const every = Math.ceil(n / 12);
  ov.periods.forEach((p, i) => {
    let base = 0;
    for (const q of [1, 2, 3, 4]) {
      const v = ov.quad_classes[q][i];
      if (!v) continue;
      const r = s("rect", { class: `mark q${q}`, x: x(i), width: bw, y: y(base + v), height: y(base) - y(base + v) });
      r.append(s("title", {}, `${p} · ${QUADS[q]}: ${v}`));
      svg.append(r);
      base += v;
    }
    if (i % every === 0) svg.append(s("text", { x: x(i) + bw / 2, y: H - B + 16, "text-anchor": "middle" }, p));
  });
  const legend = h("div", { class: "legend" },
    [1, 2, 3, 4].map((q) => h("span", {}, h("span", { class: `swatch q${q}` }), `${q} ${QUADS[q]}`)));
  return h("div", {}, svg, legend);
}

function niceMax(v) {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 4, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function dyadTable(dyads) {
  return h("table", {},
    h("thead", {}, h("tr", {}, h("th", {}, "Dyad"), h("th", { class: "num" }, "Events"), h("th", { class: "num" }, "A → B"),
      h("th", { class: "num" }, "B → A"), h("th", { class: "num" }, "Mean Goldstein"))),
    h("tbody", {}, dyads.map((d) => h("tr", {},
      h("td", {}, h("a", { href: `/dyad?a=${encodeURIComponent(d.a)}&b=${encodeURIComponent(d.b)}` }, `${d.a} – ${d.b}`),
        " ", h("a", { class: "muted", href: `/events?actor=${encodeURIComponent(d.a)}&actor=${encodeURIComponent(d.b)}` }, "events")),
      h("td", { class: "num" }, fmt(d.events)), h("td", { class: "num" }, fmt(d.a_to_b)),
      h("td", { class: "num" }, fmt(d.b_to_a)), h("td", { class: "num" }, d.goldstein == null ? "–" : d.goldstein.toFixed(2))))));
}

// ---- events --------------------------------------------------------------------------------

const FILTERS = ["from", "to", "actor", "code", "quad", "origin", "one_a_day", "directed"];

async function eventsPage(main) {
  const params = new URLSearchParams(location.search);
  const field = (name, label, cls) => h("label", {}, label,
    h("input", { name, class: cls || null, value: params.getAll(name).join(" "), placeholder: name === "actor" ? "CHN RUS" : null }));
  const check = (name, label) => h("label", { class: "check" },
    h("input", { type: "checkbox", name, checked: params.get(name) === "true" }), label);
  const quad = h("select", { name: "quad" }, h("option", { value: "" }, "any"),
    [1, 2, 3, 4].map((q) => h("option", { value: q, selected: params.get("quad") === String(q) }, `${q} ${QUADS[q]}`)));
  const form = h("form", { class: "filters" },
    field("from", "From", "short"), field("to", "To", "short"), field("actor", "Actors (prefixes)"),
    field("code", "CAMEO code", "short"), h("label", {}, "QuadClass", quad), field("origin", "Origin", "short"),
    check("directed", "first actor → others"), check("one_a_day", "one a day"), h("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") { if (el.checked) q.append(el.name, "true"); continue; }
      for (const v of el.value.split(/[\s,]+/).filter(Boolean)) q.append(el.name, v);
    }
    history.pushState(null, "", `/events${q.toString() ? "?" + q : ""}`);
    route();
  });
  const list = h("ul", { class: "events" });
  const more = h("button", { class: "secondary", type: "button" }, "More");
  const count = h("p", { class: "muted" });
  append(main, [h("h1", {}, "Events"), form, keys(), count, list, more]);
  const query = new URLSearchParams();
  for (const k of FILTERS) for (const v of params.getAll(k)) query.append(k, v);
  query.set("limit", "50");
  let shown = 0;
  const load = async (cursor) => {
    if (cursor) query.set("cursor", cursor);
    more.disabled = true;
    const page = await api(`/v1/events?${query}`);
    page.events.forEach((e) => list.append(eventItem(e)));
    shown += page.events.length;
    count.textContent = shown ? `${fmt(shown)} event(s)${page.next_cursor ? " so far" : ""} — open one to see its sentence` : "No events match.";
    more.hidden = !page.next_cursor;
    more.disabled = false;
    more.onclick = () => load(page.next_cursor).catch((e) => main.append(failure(e)));
  };
  await load(null);
}

// ---- relations: dyad and triangle ------------------------------------------------------------

const PERIODS = ["day", "week", "month", "quarter", "year"];

// A form over the page's own query string: fields [name, label, cls, placeholder], checkboxes
// [name, label]; submitting pushes the new query and redraws.
function queryForm(path, params, fields, checks) {
  const form = h("form", { class: "filters" },
    fields.map(([name, label, cls, placeholder]) => name === "by"
      ? h("label", {}, label, h("select", { name }, PERIODS.map((p) => h("option", { value: p, selected: params.get("by") === p }, p))))
      : h("label", {}, label, h("input", { name, class: cls || null, value: params.get(name) || "", placeholder: placeholder || null }))),
    (checks || []).map(([name, label]) => h("label", { class: "check" },
      h("input", { type: "checkbox", name, checked: params.get(name) === "true" }), label)),
    h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") { if (el.checked) q.set(el.name, "true"); continue; }
      const v = el.value.trim();
      if (v) q.set(el.name, v);
    }
    history.pushState(null, "", `${path}?${q}`);
    route();
  });
  return form;
}

// The parameters of `params` named in `keys`, as a query string.
function pick(params, keys) {
  const q = new URLSearchParams();
  for (const k of keys) for (const v of params.getAll(k)) if (v) q.append(k, v);
  return q;
}

// A chart the server drew (an SVG document), placed inline so it scales and its marks can be
// inspected. It is parsed as SVG (XML), never as HTML, and carries no scripts.
async function serverChart(url, label) {
  const r = await fetch(url);
  const text = await r.text();
  if (!r.ok) {
    let msg = `HTTP ${r.status}`;
    try { msg = JSON.parse(text).error.message; } catch (_) { /* not JSON */ }
    throw new Error(msg);
  }
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (root.nodeName !== "svg" || doc.getElementsByTagName("parsererror").length) throw new Error(`${url}: not an SVG chart`);
  const svg = document.importNode(root, true);
  svg.setAttribute("class", "rel-chart");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  return svg;
}

// A paged list of stored events (the events page's items) from an endpoint answering
// {events, next_cursor}.
function eventList(endpoint, query, empty) {
  const list = h("ul", { class: "events" });
  const more = h("button", { class: "secondary", type: "button", hidden: true }, "More");
  const count = h("p", { class: "muted" });
  let shown = 0;
  const load = async (cursor) => {
    if (cursor) query.set("cursor", cursor);
    more.disabled = true;
    const page = await api(`${endpoint}?${query}`);
    page.events.forEach((e) => list.append(eventItem(e)));
    shown += page.events.length;
    count.textContent = shown ? `${fmt(shown)} event(s)${page.next_cursor ? " so far" : ""} — open one to see its sentence` : empty;
    more.hidden = !page.next_cursor;
    more.disabled = false;
    more.onclick = () => load(page.next_cursor).catch((e) => list.after(failure(e)));
  };
  return { node: h("div", {}, keys(), count, list, more), load };
}

async function dyadPage(main) {
  const params = new URLSearchParams(location.search);
  if (!params.get("a") || !params.get("b")) {
    // No dyad named: the busiest one.
    const ov = await api("/v1/overview?dyads=1");
    const top = ov.dyads[0];
    params.set("a", top ? top.a : "CHN");
    params.set("b", top ? top.b : "RUS");
  }
  if (!params.get("by")) params.set("by", "month");
  const form = queryForm("/dyad", params,
    [["a", "Actor A", "short", "CHN"], ["b", "Actor B", "short", "RUS"], ["by", "Period"],
      ["from", "From", "short", "2018-06"], ["to", "To", "short", "2019"]],
    [["directed", "A → B only"], ["one_a_day", "one a day"]]);
  const q = pick(params, ["a", "b", "by", "from", "to", "directed", "one_a_day", "origin"]);
  const [series, chart] = await Promise.all([api(`/v1/dyad?${q}`), serverChart(`/v1/dyad.svg?${q}`, `${params.get("a")} – ${params.get("b")}`)]);
  const withEvents = series.rows.filter((r) => r.events > 0);
  const total = series.rows.reduce((t, r) => t + r.goldstein_sum, 0);
  // Exactly the events the chart counts (same actors, agents, direction, days, origins).
  const eq = pick(params, ["a", "b", "from", "to", "directed", "one_a_day", "origin"]);
  eq.set("limit", "50");
  const events = eventList("/v1/dyad/events", eq, "No events between them.");
  append(main, [
    h("h1", {}, `Dyad ${series.a} ${series.directed ? "→" : "–"} ${series.b}`),
    form,
    h("p", { class: "muted", id: "dyad-summary" }, series.events
      ? `${fmt(series.events)} event(s) in ${withEvents.length} of ${series.rows.length} ${series.by}(s); mean Goldstein ${(total / series.events).toFixed(2)}`
      : "No events between them in this range."),
    h("div", { class: "panel", id: "dyad-chart" }, chart),
    h("h2", {}, "Events"),
    events.node,
  ]);
  await events.load(null);
}

const SIGN_NAMES = { positive: "+", negative: "−", mixed: "~", too_few: "?" };

async function trianglePage(main) {
  const params = new URLSearchParams(location.search);
  if (!params.get("actors")) params.set("actors", "USA,CHN,RUS");
  if (!params.get("by")) params.set("by", "year");
  const form = queryForm("/triangle", params,
    [["actors", "Three actors", null, "USA,CHN,RUS"], ["by", "Period"], ["from", "From", "short", "2018"],
      ["to", "To", "short", "2019"], ["min_events", "Min events", "short", "3"], ["margin", "Margin", "short", "0.2"]],
    [["one_a_day", "one a day"]]);
  const q = pick(params, ["actors", "by", "from", "to", "min_events", "margin", "one_a_day", "origin"]);
  const [t, chart] = await Promise.all([api(`/v1/triangle?${q}`), serverChart(`/v1/triangle.svg?${q}`, `Triangle ${params.get("actors")}`)]);
  const sign = (side) => h("td", { class: `sign ${side.sign}`, title: `${side.tally.counts.reduce((a, b) => a + b, 0)} event(s)` },
    `${SIGN_NAMES[side.sign] || side.sign} `, h("span", { class: "muted" }, `(${side.tally.counts.reduce((a, b) => a + b, 0)})`));
  const who = (c) => c.kind === "romantic" ? `pivot ${t.actors[c.pivot]}` : c.kind === "stable_marriage" ? `excluded ${t.actors[c.excluded]}` : "—";
  const shown = t.rows.filter((r) => r.sides.some((s) => s.tally.counts.some((n) => n > 0)));
  append(main, [
    h("h1", {}, `Triangle ${t.actors.join(" / ")}`),
    form,
    h("p", { class: "muted" }, `A side is + or − with at least ${t.rule.min_events} event(s) and a net cooperation share beyond ±${t.rule.margin}; ~ mixed, ? too few.`),
    h("div", { class: "panel", id: "triangle-chart" }, chart),
    h("h2", {}, "Periods"),
    shown.length ? h("table", { id: "triangle-rows" },
      h("thead", {}, h("tr", {}, h("th", {}, "Period"), t.sides.map((sd) => h("th", {}, sd)), h("th", {}, "Configuration"), h("th", {}, "Pivot / excluded"))),
      h("tbody", {}, shown.map((r) => h("tr", {}, h("td", {}, r.period), r.sides.map(sign),
        h("td", {}, r.description), h("td", {}, who(r.configuration))))))
      : h("p", { class: "muted" }, "No events among them in this range."),
    shown.length < t.rows.length ? h("p", { class: "muted" }, `${t.rows.length - shown.length} period(s) without events not listed.`) : null,
    h("h2", {}, `Transitions (${t.transitions.length})`),
    t.transitions.length ? keys() : h("p", { class: "muted" }, "The configuration never changed."),
    h("ol", { class: "transitions" }, t.transitions.map((tr) => h("li", {},
      h("p", {}, h("b", {}, tr.period), `: ${tr.from_description} → ${tr.to_description}`,
        tr.changed_sides.length ? h("span", { class: "muted" }, ` (changed: ${tr.changed_sides.join(", ")})`) : null),
      tr.events.length ? h("ul", { class: "events" }, tr.events.map(eventItem))
        : h("p", { class: "muted" }, "No events on the changed sides.")))),
  ]);
}

// ---- one document --------------------------------------------------------------------------

async function documentPage(main, id) {
  const doc = await api(`/v1/documents/${encodeURIComponent(id)}`);
  const spans = doc.events.flatMap((e) => evidenceSpans(e, e.evidence ? e.evidence.sentence_start : 0));
  append(main, [
    h("h1", {}, doc.title || doc.key),
    h("p", { class: "muted" }, [doc.key, doc.source, doc.story_date && `story date ${doc.story_date}`].filter(Boolean).join(" · "),
      doc.url ? [" · ", h("a", { href: doc.url, rel: "noreferrer" }, "original")] : null),
    keys(),
    h("div", { class: "panel text" }, marked(doc.text, spans)),
    h("h2", {}, `${doc.events.length} event(s)`),
    h("ul", { class: "events" }, doc.events.map(eventItem)),
  ]);
}

// ---- code a text ---------------------------------------------------------------------------

async function codePage(main) {
  const text = h("textarea", { name: "text", placeholder: "Paste a news text…" });
  const date = h("input", { type: "date", name: "date" });
  const explain = h("input", { type: "checkbox", name: "explain" });
  const out = h("div", {});
  const form = h("form", {},
    text,
    h("div", { class: "filters" }, h("label", {}, "Story date", date),
      h("label", { class: "check" }, explain, "explain every step"), h("button", { type: "submit" }, "Code")));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    out.replaceChildren(h("p", { class: "muted" }, "Coding…"));
    try {
      const body = { text: text.value, explain: explain.checked };
      if (date.value) body.date = date.value;
      const r = await api("/v1/code", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      out.replaceChildren(coded(text.value, r));
    } catch (e) {
      out.replaceChildren(failure(e));
    }
  });
  append(main, [h("h1", {}, "Code a text"), form, out]);
}

function coded(text, r) {
  const spans = r.events.flatMap(codedSpans);
  const rows = r.events.map((e) => h("tr", {},
    h("td", {}, resolvedDate(e) + (e.date_fallback ? " *" : "")), h("td", {}, quadTag(e.quad_class)),
    h("td", { class: "code" }, e.source), h("td", { class: "code" }, e.target || "—"),
    h("td", {}, `${e.code} ${e.code_name || ""}`), h("td", { class: "num" }, e.goldstein ?? "–"),
    h("td", {}, [e.negated ? "negated" : "", e.modality].filter(Boolean).join(", "))));
  return h("div", {},
    h("h2", {}, `${r.events.length} event(s)`),
    keys(),
    h("div", { class: "panel text", id: "coded-text" }, marked(text, spans)),
    r.events.length ? h("table", {},
      h("thead", {}, h("tr", {}, ["Date", "Quad", "Source", "Target", "Event", "Goldstein", ""].map((c) => h("th", {}, c)))),
      h("tbody", {}, rows)) : h("p", { class: "muted" }, "No events: tick “explain every step” to see why."),
    r.events.some((e) => e.date_fallback) ? h("p", { class: "muted" }, "* dated by the story date") : null,
    r.quantities.length ? [h("h2", {}, "Quantities"), h("ul", {}, r.quantities.map((q) =>
      h("li", {}, `“${q.text}” = ${q.value} ${q.unit}${q.what ? " of " + q.what : ""}${q.actors.length ? " (" + q.actors.join(", ") + ")" : ""}`)))] : null,
    r.explain ? explainTrace(r.explain) : null);
}

function explainTrace(x) {
  return [h("h2", {}, "Explain"), x.sentences.map((st, i) => h("details", { class: "trace", open: true },
    h("summary", {}, `Sentence ${i}: ${st.text}`),
    h("ul", {},
      st.expressions.map((e) => h("li", {}, `date “${e.text}” = ${e.interval}`)),
      st.clauses.map((c) => h("li", {}, `clause “${c.text}”: ${c.date ? `${c.date} (${c.source})` : "undated"}`)),
      st.actors.length ? st.actors.map((a) => h("li", {}, `actor “${a.text}” = ${a.code}${a.date ? " at " + a.date : ""}`))
        : h("li", { class: "muted" }, "no actors found"),
      st.patterns.length ? st.patterns.map((p) => h("li", {}, `pattern “${p.head}” [${p.code}] ${p.pattern} — ${p.outcome}`))
        : h("li", { class: "muted" }, "no pattern fired")))),
  ];
}

// ---- routing -------------------------------------------------------------------------------

async function route() {
  const main = document.getElementById("main");
  const path = location.pathname;
  const nav = document.getElementById("nav");
  nav.replaceChildren(...PAGES.map((p) => h("a", { href: p.path, class: p.path === path ? "active" : null }, p.title)));
  main.replaceChildren();
  const page = PAGES.find((p) => p.path === path);
  const doc = path.match(/^\/documents\/(\d+)$/);
  try {
    if (page) await page.render(main);
    else if (doc) await documentPage(main, doc[1]);
    else main.append(failure(new Error(`no page at ${path}`)));
  } catch (e) {
    main.append(failure(e));
  }
  document.body.dataset.ready = "true";
}

async function status() {
  try {
    const hth = await api("/v1/health");
    document.getElementById("status").textContent = `axis ${hth.version} · dictionaries ${hth.dictionary_version.slice(0, 12)}`;
  } catch (e) {
    document.getElementById("status").textContent = "server not answering";
  }
}

window.addEventListener("popstate", route);
document.addEventListener("DOMContentLoaded", () => {
  route();
  status();
});

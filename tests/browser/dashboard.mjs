// Browser test of the dashboard: seeds a database (axis ingest samples/demo.jsonl and, when
// ../shared is there, the seed column and the ICEWS sample; then stories of our own over HTTP
// through the token-guarded POST /v1/ingest), starts `axis serve` on a free loopback port, loads
// every page in headless Chromium — overview, events, dyad, triangle, a document, code a text —
// and checks that the charts drew data marks and that evidence is highlighted. Screenshots go
// to target/screenshots/.
//
// Environment: AXIS_BIN (default target/debug/axis), CHROMIUM (default /usr/bin/chromium),
// AXIS_BROWSER_OWN_DATA=1 to seed only from samples/ (for screenshots kept in docs/).
import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const axis = process.env.AXIS_BIN || path.join(root, "target/debug/axis");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const shots = path.join(root, "target/screenshots");
const TOKEN = "browser-test-token";

const failures = [];
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

function startServer(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(axis, ["serve", "--db", db, "--addr", "127.0.0.1:0", "--token", TOKEN], {
      stdio: ["ignore", "inherit", "pipe"],
    });
    let err = "";
    const timer = setTimeout(() => reject(new Error(`axis serve did not start:\n${err}`)), 30000);
    child.stderr.on("data", (d) => {
      err += d;
      const m = err.match(/on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1] });
      }
    });
    child.on("exit", (code) => reject(new Error(`axis serve exited (${code}):\n${err}`)));
  });
}

async function main() {
  if (!existsSync(axis)) throw new Error(`${axis} is missing: run cargo build -p axis-cli first`);
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install chromium`);
  const work = mkdtempSync(path.join(tmpdir(), "axis-browser-"));
  const db = path.join(work, "axis.db");
  execFileSync(axis, ["ingest", path.join(root, "samples/demo.jsonl"), "--db", db], { stdio: "inherit" });
  // The seed column from the reference data beside the repository, when it is there (and not
  // turned off: screenshots meant for the repository must show only our own sample text).
  const ownOnly = process.env.AXIS_BROWSER_OWN_DATA === "1";
  const seed = path.join(root, "../shared/seed/beijing-moscow-axis.txt");
  if (ownOnly) {
    console.log("skipped: ../shared data (AXIS_BROWSER_OWN_DATA=1)");
  } else if (existsSync(seed)) {
    execFileSync(axis, ["ingest", seed, "--date", "2019-02-02", "--db", db], { stdio: "inherit" });
  } else {
    console.log(`skipped: seeding with the seed column (${seed} is absent)`);
  }
  // The ICEWS sample (events only: no sentences to highlight).
  const icews = path.join(root, "../shared/icews/icews_events_2018-06-01_02_sample.tab");
  if (ownOnly) {
    // nothing from ../shared
  } else if (!existsSync(icews)) {
    console.log(`skipped: seeding with the ICEWS sample (${icews} is absent)`);
  } else {
    execFileSync(axis, ["import", "icews", icews, "--db", db], { stdio: ["ignore", "ignore", "inherit"] });
    console.log("seeded with the ICEWS sample");
  }
  const withIcews = !ownOnly && existsSync(icews);
  mkdirSync(shots, { recursive: true });
  const { child, base } = await startServer(db);
  let context;
  try {
    // Ingest over HTTP: refused without the token, accepted with it.
    const story = JSON.stringify({
      id: "http-1",
      date: "1969-03-03",
      title: "Border clash",
      text: "Chinese troops attacked Soviet border guards on the Ussuri River on March 2. Moscow protested to Beijing.",
    });
    const refused = await fetch(`${base}/v1/ingest`, { method: "POST", body: story });
    check(refused.status === 401, `ingest without a token is refused (HTTP ${refused.status})`);
    const accepted = await fetch(`${base}/v1/ingest`, {
      method: "POST",
      body: story + "\n",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/x-ndjson" },
    });
    const report = await accepted.json();
    check(accepted.ok && report.added === 1, `ingest with the token adds the story (${JSON.stringify(report)})`);
    // Two stories of our own that turn the USA–CHN–RUS triangle from friends all round (2017)
    // into a CHN+RUS couple against the USA (2020).
    const triangleStories = [
      { id: "tri-2017", date: "2017-05-10", title: "Friends all round",
        text: "American and Chinese officials signed a trade agreement in Washington on Tuesday. " +
          "Russia praised China for its cooperation. The United States thanked Russia for its help." },
      { id: "tri-2020", date: "2020-03-10", title: "Two against one",
        text: "The United States accused China of stealing technology. The U.S. government imposed sanctions on Russia. " +
          "China criticized the United States over tariffs. China and Russia signed a defense agreement." },
    ].map((d) => JSON.stringify(d)).join("\n") + "\n";
    const more = await fetch(`${base}/v1/ingest`, {
      method: "POST",
      body: triangleStories,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/x-ndjson" },
    });
    const moreReport = await more.json();
    check(more.ok && moreReport.added === 2, `ingest adds the triangle stories (${JSON.stringify(moreReport)})`);

    const userData = mkdtempSync(path.join(work, "profile-"));
    context = await chromium.launchPersistentContext(userData, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1200, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const page = context.pages()[0] || (await context.newPage());
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    const open = async (p) => {
      await page.goto(base + p);
      await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
      check((await page.locator(".error").count()) === 0, `${p}: no error shown`);
    };

    await open("/");
    const bars = await page.locator("svg.chart rect.mark").count();
    check(bars > 0, `overview: the volume chart has data marks (${bars} bars)`);
    const dyads = await page.locator("table tbody tr").count();
    check(dyads > 0, `overview: most active dyads listed (${dyads})`);
    await page.screenshot({ path: path.join(shots, "overview.png"), fullPage: true });

    // From the overview's busiest dyad to its page.
    const dyadLink = page.locator("table tbody tr a[href^='/dyad?']").first();
    check((await dyadLink.count()) === 1, "overview: dyads link to the dyad page");
    await dyadLink.click();
    await page.waitForSelector("#dyad-chart svg, .error", { timeout: 15000 });
    check((await page.locator("#dyad-chart svg.rel-chart rect title").count()) > 0, "overview → dyad: the chart has data marks");

    // A dyad over the demo: chart, then an event opened with its evidence.
    await open("/dyad?a=CHN&b=RUS&by=year");
    const dyadBars = await page.locator("#dyad-chart svg.rel-chart rect title").count();
    check(dyadBars > 0, `dyad CHN–RUS: the server's chart has data marks (${dyadBars} bars)`);
    check((await page.locator("#dyad-chart svg.rel-chart polyline").count()) > 0, "dyad CHN–RUS: the Goldstein line is drawn");
    const dyadEvents = page.locator("ul.events > li");
    check((await dyadEvents.count()) > 0, `dyad CHN–RUS: events listed (${await dyadEvents.count()})`);
    const pairs = await page.locator("ul.events > li summary .code").allInnerTexts();
    check(pairs.every((p) => /^(CHN\S* → RUS|RUS\S* → CHN)/.test(p)), `dyad CHN–RUS: every event listed is between them (${pairs.length})`);
    await dyadEvents.first().locator("summary").click();
    const dyadFirst = dyadEvents.first();
    await dyadFirst.locator("mark.verb").waitFor({ timeout: 5000 });
    for (const cls of ["source", "target", "verb"]) {
      check((await dyadFirst.locator(`mark.${cls}`).count()) === 1, `dyad CHN–RUS: ${cls} highlighted in the opened event`);
    }
    check(/\d{4}-\d{2}-\d{2}/.test(await dyadFirst.locator("dl.facts dd").first().innerText()), "dyad: resolved date shown");
    await page.screenshot({ path: path.join(shots, "dyad.png"), fullPage: true });

    // USA–CHN day by day over the two days of the ICEWS sample.
    if (withIcews) {
      await open("/dyad?a=USA&b=CHN&by=day&from=2018-06-01&to=2018-06-02");
      const days = await page.locator("#dyad-chart svg.rel-chart rect title").count();
      check(days > 0, `dyad USA–CHN by day over the ICEWS days: chart has data marks (${days} bars)`);
      check((await page.locator("ul.events > li").count()) > 0, "dyad USA–CHN by day: events listed");
      await page.screenshot({ path: path.join(shots, "dyad-icews.png"), fullPage: true });
    } else {
      console.log("skipped: the ICEWS dyad page (no ICEWS sample seeded)");
    }

    // The triangle: chart, periods, and the events behind a transition.
    await open("/triangle?actors=USA,CHN,RUS&by=year&from=2017&to=2020&min_events=1");
    const triMarks = await page.locator("#triangle-chart svg.rel-chart rect title").count();
    check(triMarks > 0, `triangle: the server's chart has data marks (${triMarks})`);
    check((await page.locator("#triangle-rows tbody tr").count()) > 0, "triangle: periods listed with signs");
    const pivots = (await page.locator("#triangle-rows tbody td:last-child").allInnerTexts()).join(" ");
    check(/excluded USA/.test(pivots), `triangle: the excluded party is named (${pivots})`);
    const transitions = page.locator("ol.transitions > li");
    check((await transitions.count()) > 0, `triangle: transitions listed (${await transitions.count()})`);
    const lastTransition = transitions.last();
    check(/stable marriage/.test(await lastTransition.locator("p").first().innerText()), "triangle: the 2020 transition is to a stable marriage");
    const driver = lastTransition.locator("ul.events > li").first();
    await driver.locator("summary").click();
    await driver.locator("mark.verb").waitFor({ timeout: 5000 });
    check((await driver.locator("mark.source").count()) === 1 && (await driver.locator("mark.target").count()) === 1,
      "triangle: the transition's event opens with source, target and verb highlighted");
    await page.screenshot({ path: path.join(shots, "triangle.png"), fullPage: true });

    await open("/events");
    const items = await page.locator("ul.events > li").count();
    check(items > 0, `events: listed (${items})`);
    await page.locator("ul.events > li summary").first().click();
    const first = page.locator("ul.events > li").first();
    await first.locator("mark.source").waitFor({ timeout: 5000 });
    check((await first.locator("mark.source").count()) === 1, "events: source highlighted in the sentence");
    check((await first.locator("mark.verb").count()) === 1, "events: verb highlighted in the sentence");
    check((await first.locator("mark.target").count()) === 1, "events: target highlighted in the sentence");
    check(/\d{4}-\d{2}-\d{2}/.test(await first.locator("dl.facts dd").first().innerText()), "events: resolved date shown");
    await page.screenshot({ path: path.join(shots, "events.png"), fullPage: true });

    await open("/events?actor=CHN&actor=SUN&one_a_day=true");
    const filtered = await page.locator("ul.events > li summary .code").allInnerTexts();
    check(filtered.length > 0 && filtered.every((t) => /CHN|SUN/.test(t)), `events: actor filter (${filtered.length})`);

    // The document with the most events.
    const all = await (await fetch(`${base}/v1/events?limit=1000`)).json();
    const perDoc = new Map();
    for (const e of all.events) if (e.document) perDoc.set(e.document, (perDoc.get(e.document) || 0) + 1);
    const busiest = [...perDoc].sort((a, b) => b[1] - a[1])[0][0];
    await open(`/documents/${busiest}`);
    const marks = await page.locator(".text mark.verb").count();
    check(marks > 0, `document: evidence highlighted in the text (${marks} verbs)`);
    await page.screenshot({ path: path.join(shots, "document.png"), fullPage: true });

    await open("/code");
    await page.fill("textarea[name=text]", "Russia and China signed a trade agreement in Beijing last week. " +
      "The Chinese foreign minister criticized Japan on Monday.");
    await page.fill("input[name=date]", "2019-02-02");
    await page.check("input[name=explain]");
    await page.click("form button[type=submit]");
    await page.locator("#coded-text mark.verb").first().waitFor({ timeout: 15000 });
    check((await page.locator("#coded-text mark.source").count()) > 0, "code: events highlighted inline");
    check((await page.locator("details.trace").count()) > 0, "code: explain trace shown");
    await page.screenshot({ path: path.join(shots, "code.png"), fullPage: true });

    const missing = await fetch(`${base}/assets/..%2F..%2FCargo.toml`);
    check(missing.status === 404, `static files do not escape (HTTP ${missing.status})`);
    check(problems.length === 0, `no console errors${problems.length ? ": " + problems.join(" | ") : ""}`);
  } finally {
    if (context) await context.close();
    child.kill("SIGINT");
    rmSync(work, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log(`all checks passed; screenshots in ${shots}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

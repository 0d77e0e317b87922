// Browser test of the dashboard: seeds a database (axis ingest samples/demo.jsonl and, when
// ../shared is there, the seed column; then one story over HTTP through the token-guarded
// POST /v1/ingest), starts `axis serve` on a free
// loopback port, loads every page in headless Chromium and checks that the chart drew data marks
// and that evidence is highlighted. Screenshots go to target/screenshots/.
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
  // The ICEWS sample, once `axis import` can write into a database.
  const icews = path.join(root, "../shared/icews/icews_events_2018-06-01_02_sample.tab");
  if (ownOnly) {
    // nothing from ../shared
  } else if (!existsSync(icews)) {
    console.log(`skipped: seeding with the ICEWS sample (${icews} is absent)`);
  } else {
    try {
      execFileSync(axis, ["import", "icews", icews, "--db", db], { stdio: ["ignore", "ignore", "pipe"] });
      console.log("seeded with the ICEWS sample");
    } catch (e) {
      console.log("skipped: seeding with the ICEWS sample (this axis has no `import … --db`)");
    }
  }
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

// Bounded load test on loopback: N requests (count-limited) with C in flight, each endpoint in
// turn, stopping early after a time limit. Prints requests/s, p50/p99 latency and errors; exits 1
// on any error. Usage: node tests/load/load.mjs http://127.0.0.1:8080 [N=2000] [C=16] [SECONDS=60]
const [base, n = "2000", c = "16", secs = "60"] = process.argv.slice(2);
if (!base) {
  console.error("usage: node load.mjs BASE_URL [REQUESTS] [CONCURRENCY] [SECONDS]");
  process.exit(2);
}
const TEXT = "Russian troops attacked Ukraine last year. China and Russia signed a trade agreement in " +
  "Beijing on Monday, and the Chinese foreign minister criticized Japan.";
const endpoints = [
  ["POST /v1/code", () => fetch(`${base}/v1/code`, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: TEXT, date: "2019-02-02" }) })],
  ["GET /v1/events?actor=CHN&actor=SUN", () => fetch(`${base}/v1/events?actor=CHN&actor=SUN&limit=100`)],
  ["GET /v1/overview", () => fetch(`${base}/v1/overview`)],
  ["GET /v1/dyad?a=CHN&b=RUS&by=month", () => fetch(`${base}/v1/dyad?a=CHN&b=RUS&by=month`)],
  ["GET /v1/dyad.svg?a=CHN&b=RUS&by=month", () => fetch(`${base}/v1/dyad.svg?a=CHN&b=RUS&by=month`)],
  ["GET /v1/triangle?actors=USA,CHN,RUS", () => fetch(`${base}/v1/triangle?actors=USA,CHN,RUS&by=year`)],
];
let failed = false;
for (const [name, call] of endpoints) {
  const total = Number(n), deadline = Date.now() + Number(secs) * 1000;
  const lat = [];
  let next = 0, errors = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < total && Date.now() < deadline) {
      next++;
      const t = performance.now();
      try {
        const r = await call();
        await r.arrayBuffer();
        if (!r.ok) errors++;
      } catch (_) {
        errors++;
      }
      lat.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Number(c) }, worker));
  const wall = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))].toFixed(1);
  console.log(`${name}: ${lat.length} requests in ${wall.toFixed(1)} s = ${(lat.length / wall).toFixed(0)}/s, ` +
    `p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, ${errors} errors`);
  if (errors) failed = true;
}
process.exit(failed ? 1 : 0);

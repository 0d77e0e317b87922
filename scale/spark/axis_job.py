#!/usr/bin/env python3
"""Codes a news corpus with axis on a Spark cluster, then aggregates the events with Spark SQL.

Steps:
1. Read the corpus: JSON lines (one document a line, each with an "id"; a file, folder or glob)
   or Parquet (columns id, text and optionally date, title, url, source).
2. Code it: every partition is piped through `axis code --stdin --jsonl`, the axis binary
   shipped to the executors (by this job with SparkContext.addFile, or by spark-submit --files).
   Dictionaries load once per partition; memory stays flat.
3. Write the events: Parquet partitioned by year/month of the event date (`events/`), and the
   same events as JSON lines text exactly as axis wrote them (`events_jsonl/`), for checking.
4. Dyad series and triangle inputs, with axis's definitions (crates/axis/src/relations):
   - only events with a target, not negated, with a date; an event counts on its first day;
   - an actor is a code prefix, optionally with agent parts (`CHN/GOV+MIL`);
   - dyads are undirected: a->b and b->a events both count;
   - per period: events per QuadClass (from the record), Goldstein sum and mean, cooperation
     share (QuadClass 1+2 over all) and net cooperation (1+2 minus 3+4);
   - one-a-day (the `_one_a_day` files, `--one-a-day` in axis): events with the same day, source
     code, target code and CAMEO code count once, with the mean of their Goldstein scores;
   - every period from the first to the last day seen is listed, empty ones included;
   - triangle sides: an event joins the first listed actor matching its source and the first
     matching its target, if they differ; a side's sign is '?' under --min-events events, else
     '+' / '-' when the net cooperation share is above / below +-margin, '~' in between.
   Written as CSV in the columns `axis dyad --csv` and `axis triangle --csv` print, so the two
   can be compared line by line (`dyad_A_B.csv`, `triangle_A_B_C.csv`, and the per side inputs
   `triangle_A_B_C_inputs.csv`).

Usage (see scale/spark/run.sh and the README's "Scaling out"):
  spark-submit --master spark://HOST:7077 --files /path/to/axis axis_job.py \
      --input corpus.jsonl --out out/ --dyad USA:CHN --triangle USA,CHN,RUS
"""
import argparse
import csv
import datetime as dt
import os
import shlex
import stat
import subprocess
import sys
import threading
import time

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

# The event record axis writes (crates/axis/src/io/events.rs, EventRecord), every field, in order:
# the Parquet events hold everything the JSON lines do.
EVENT_SCHEMA = T.StructType(
    [
        T.StructField("doc", T.StringType()),
        T.StructField("sentence", T.LongType()),
        T.StructField("sentence_text", T.StringType()),
        T.StructField("date_start", T.StringType()),
        T.StructField("date_end", T.StringType()),
        T.StructField("date_granularity", T.StringType()),
        T.StructField("date_fallback", T.BooleanType()),
        T.StructField("story_date", T.StringType()),
        T.StructField("source", T.StringType()),
        T.StructField("source_actor", T.StringType()),
        T.StructField("source_agent", T.StringType()),
        T.StructField("source_text", T.StringType()),
        T.StructField("source_start", T.LongType()),
        T.StructField("source_end", T.LongType()),
        T.StructField("target", T.StringType()),
        T.StructField("target_actor", T.StringType()),
        T.StructField("target_agent", T.StringType()),
        T.StructField("target_text", T.StringType()),
        T.StructField("target_start", T.LongType()),
        T.StructField("target_end", T.LongType()),
        T.StructField("code", T.StringType()),
        T.StructField("root", T.StringType()),
        T.StructField("quad_class", T.IntegerType()),
        T.StructField("goldstein", T.FloatType()),
        T.StructField("plover_event", T.StringType()),
        T.StructField("plover_mode", T.StringType()),
        T.StructField("negated", T.BooleanType()),
        T.StructField("modality", T.StringType()),
        T.StructField("verb", T.StringType()),
        T.StructField("verb_start", T.LongType()),
        T.StructField("verb_end", T.LongType()),
        T.StructField("pattern_start", T.LongType()),
        T.StructField("pattern_end", T.LongType()),
        T.StructField("pattern", T.StringType()),
        T.StructField("url", T.StringType()),
    ]
)

PERIODS = ("day", "week", "month", "quarter", "year")


class Actor:
    """An actor selection as `axis dyad` reads it: `CHN`, `CHNGOV`, `CHN/GOV+MIL`."""

    def __init__(self, text):
        upper = text.strip().upper()
        prefix, _, agents = upper.partition("/")
        ok = lambda s, n=None: s and all(c.isascii() and (c.isupper() or c.isdigit() or c == "-") for c in s)
        if not ok(prefix) or len(prefix) % 3 != 0 or len(prefix) > 15:
            raise SystemExit(f"actor '{text}': '{prefix}' is not an actor code (3, 6, ... 15 characters)")
        self.prefix = prefix
        self.agents = [a for a in agents.split("+")] if agents else []
        for a in self.agents:
            if len(a) != 3 or not all(c.isupper() or c.isdigit() for c in a):
                raise SystemExit(f"agent '{a}' is not a 3-character agent code (GOV, MIL, ...)")

    def __str__(self):
        return self.prefix + ("/" + "+".join(self.agents) if self.agents else "")

    def matches(self, col):
        """A Spark SQL condition: the code in `col` is this actor."""
        cond = F.col(col).startswith(self.prefix)
        if self.agents:
            # Any 3-character part after the first is one of the agents.
            parts = F.expr(
                f"CASE WHEN length({col}) >= 6 THEN "
                f"transform(sequence(3, length({col}) - 3, 3), i -> substr({col}, i + 1, 3)) "
                f"ELSE array() END"
            )
            cond = cond & F.arrays_overlap(parts, F.array(*[F.lit(a) for a in self.agents]))
        return cond


def period_start(by, day):
    """The first day of the period (axis's Period::start) containing the date column `day`."""
    return {
        "day": day,
        "week": F.date_trunc("week", day).cast("date"),  # Monday, as ISO 8601
        "month": F.trunc(day, "month"),
        "quarter": F.trunc(day, "quarter"),
        "year": F.trunc(day, "year"),
    }[by]


def next_start(by, d):
    if by == "day":
        return d + dt.timedelta(days=1)
    if by == "week":
        return d + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    m = d.month - 1 + months
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def py_start(by, d):
    if by == "day":
        return d
    if by == "week":
        return d - dt.timedelta(days=d.weekday())
    if by == "month":
        return d.replace(day=1)
    if by == "quarter":
        return dt.date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    return dt.date(d.year, 1, 1)


def label(by, start):
    """axis's Period::label."""
    if by in ("day", "week"):
        return start.isoformat()
    if by == "month":
        return f"{start.year:04}-{start.month:02}"
    if by == "quarter":
        return f"{start.year:04}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year:04}"


def period_range(by, first, last):
    out, p = [], py_start(by, first)
    while p <= last:
        out.append(p)
        p = next_start(by, p)
    return out


def num(v, digits):
    """axis's `num`: '-' for none, else fixed digits."""
    return "-" if v is None else f"{v:.{digits}f}"


def code_partition(axis_name, threads):
    """The mapPartitions function: pipes a partition's documents through axis."""

    def run(lines):
        binary = axis_name if os.path.isabs(axis_name) else SparkFiles.get(axis_name)
        if not os.access(binary, os.X_OK):
            os.chmod(binary, os.stat(binary).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        cmd = [binary, "code", "--stdin", "--jsonl", "--threads", str(threads)]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        err = []
        # stdin and stderr on threads: axis writes as it reads, so nothing may block.
        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
            except BrokenPipeError:
                pass
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        def drain():
            err.append(proc.stderr.read())

        writer = threading.Thread(target=feed, daemon=True)
        reader = threading.Thread(target=drain, daemon=True)
        writer.start()
        reader.start()
        for raw in proc.stdout:
            yield raw.rstrip(b"\n").decode("utf-8")
        writer.join()
        reader.join()
        code = proc.wait()
        if code != 0:
            tail = b"".join(err).decode("utf-8", "replace")[-2000:]
            raise RuntimeError(f"{shlex.join(cmd)} exited with {code}: {tail}")

    return run


def code_transform(spark, docs, axis_name, threads):
    """Codes `docs` with Spark SQL's script transformation: each partition's rows go to the axis
    binary's stdin and its stdout lines come back as rows, all inside the JVM. A JSON line has no
    raw tab or newline, so the transformation's tab-separated, line-delimited format carries it
    unchanged. `axis_name` is an absolute path present on every worker (a shared filesystem, or
    the same machine), or the name of a file shipped with --files/addFile, which executors keep in
    their working directory."""
    args = f"code --stdin --jsonl --threads {int(threads)}"
    if any(c in axis_name for c in "'\"\\$`"):
        raise SystemExit(f"--axis {axis_name!r}: quotes, backslashes, $ and ` cannot go into TRANSFORM ... USING")
    if os.path.isabs(axis_name):
        command = f'"{axis_name}" {args}'
    else:
        command = f'sh -c \'[ -x "{axis_name}" ] || chmod +x "{axis_name}"; exec "./{axis_name}" {args}\''
    docs.createOrReplaceTempView("axis_documents")
    # A Spark SQL string literal: quotes escaped with a backslash (Spark runs it with bash -c).
    quoted = command.replace("'", "\\'")
    return spark.sql(f"SELECT TRANSFORM(value) USING '{quoted}' AS (value STRING) FROM axis_documents")


def read_corpus(spark, path, fmt):
    """The corpus as a DataFrame with one column `value`: JSON lines documents, each with an id."""
    if fmt == "auto":
        fmt = "parquet" if path.rstrip("/").endswith(".parquet") else "jsonl"
    if fmt == "parquet":
        df = spark.read.parquet(path)
        missing = {"id", "text"} - set(df.columns)
        if missing:
            raise SystemExit(f"{path}: Parquet corpus lacks column(s) {', '.join(sorted(missing))}")
        keep = [c for c in ("id", "date", "title", "text", "url", "source") if c in df.columns]
        df = df.select(*[F.col(c).cast("string") if c != "text" else F.col(c) for c in keep])
        docs = df.select(F.to_json(F.struct(*keep)).alias("value"))
        no_id = df.filter(F.col("id").isNull()).count()
    else:
        lines = spark.read.text(path).filter(F.trim("value") != "")
        # axis names a document without id by its line number, which a partition cannot know.
        no_id = lines.filter(F.get_json_object("value", "$.id").isNull()).count()
        docs = lines
    if no_id:
        raise SystemExit(
            f"{path}: {no_id} document(s) without an \"id\": give every document an id (axis would "
            "name them by line number, which differs between one file and its Spark partitions)"
        )
    return docs


def relation_events(events):
    """Events as relations analytics read them (crates/axis/src/relations/input.rs)."""
    return (
        events.filter((F.col("target") != "") & ~F.col("negated") & (F.col("date_start") != ""))
        .withColumn("day", F.to_date("date_start"))
        .select("day", "source", "target", "code", "quad_class", F.col("goldstein").cast("double").alias("g"))
    )


def tallies(rel, keys, by, one_a_day):
    """Per period (and `keys`): events per QuadClass and Goldstein sum, one-a-day or not."""
    if one_a_day:
        # One key per day, source, target and code: counts once, with its events' mean score.
        rel = rel.groupBy("day", "source", "target", "code", *keys).agg(
            F.first("quad_class").alias("quad_class"), (F.sum("g") / F.count("*")).alias("g")
        )
    rel = rel.withColumn("start", period_start(by, F.col("day")))
    return rel.groupBy("start", *keys).agg(
        *[F.sum(F.when(F.col("quad_class") == q, 1).otherwise(0)).alias(f"q{q}") for q in (1, 2, 3, 4)],
        F.sum("g").alias("gold_sum"),
    )


def dyad_series(rel, a, b, by, one_a_day):
    ab = a.matches("source") & b.matches("target")
    ba = b.matches("source") & a.matches("target")
    mine = rel.filter(ab | ba)
    seen = mine.agg(F.min("day"), F.max("day")).first()
    if seen[0] is None:
        return []
    got = {r["start"]: r for r in tallies(mine, [], by, one_a_day).collect()}
    rows = []
    for start in period_range(by, seen[0], seen[1]):
        r = got.get(start)
        q = [r[f"q{i}"] if r else 0 for i in (1, 2, 3, 4)]
        g = r["gold_sum"] if r else 0.0
        n = sum(q)
        rows.append(
            [label(by, start), str(n), *map(str, q), f"{g:.1f}", num(g / n if n else None, 2),
             num((q[0] + q[1]) / n if n else None, 2), str(q[0] + q[1] - q[2] - q[3])]
        )
    return rows


def triangle(rel, actors, by, one_a_day, min_events, margin):
    """Per period and side: the tallies (inputs) and signs; the configuration as axis names it."""

    def first_match(col):
        expr = None
        for i, a in enumerate(actors):
            expr = F.when(a.matches(col), i) if expr is None else expr.when(a.matches(col), i)
        return expr

    ends = rel.withColumn("s", first_match("source")).withColumn("t", first_match("target"))
    ends = ends.filter(F.col("s").isNotNull() & F.col("t").isNotNull() & (F.col("s") != F.col("t")))
    ends = ends.withColumn("i", F.least("s", "t")).withColumn("j", F.greatest("s", "t"))
    seen = ends.agg(F.min("day"), F.max("day")).first()
    if seen[0] is None:
        return [], []
    got = {(r["start"], r["i"], r["j"]): r for r in tallies(ends, ["i", "j"], by, one_a_day).collect()}
    names = [str(a) for a in actors]
    sides = [(0, 1), (0, 2), (1, 2)]
    rows, inputs = [], []
    for start in period_range(by, seen[0], seen[1]):
        row, signs = [label(by, start)], []
        for i, j in sides:
            r = got.get((start, i, j))
            q = [r[f"q{k}"] if r else 0 for k in (1, 2, 3, 4)]
            n = sum(q)
            if n == 0 or n < min_events:
                sign = "?"
            else:
                net = (q[0] + q[1] - q[2] - q[3]) / n
                sign = "+" if net > margin else "-" if net < -margin else "~"
            signs.append(sign)
            row += [sign, str(n)]
            g = r["gold_sum"] if r else 0.0
            inputs.append([label(by, start), f"{names[i]}-{names[j]}", *map(str, q), f"{g:.1f}", sign])
        row.append(configuration(signs, names))
        rows.append(row)
    return rows, inputs


def configuration(signs, names):
    """axis's Configuration::of(..).describe(..) for sides (AB, AC, BC)."""
    if any(s not in "+-" for s in signs):
        return "undetermined"
    ab, ac, bc = (s == "+" for s in signs)
    pos = [ab, ac, bc].count(True)
    if pos == 3:
        return "ménage à trois"
    if pos == 0:
        return "all hostile"
    if pos == 2:
        pivot = {(True, True, False): 0, (True, False, True): 1, (False, True, True): 2}[(ab, ac, bc)]
        return f"romantic triangle (pivot {names[pivot]})"
    excluded = {(True, False, False): 2, (False, True, False): 1, (False, False, True): 0}[(ab, ac, bc)]
    couple = "+".join(names[i] for i in range(3) if i != excluded)
    return f"stable marriage ({couple} vs {names[excluded]})"


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


DYAD_HEADER = ["period", "events", "verb_coop", "mat_coop", "verb_conf", "mat_conf", "gold_sum", "gold_mean",
               "coop_share", "net_coop"]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--input", required=True, help="corpus: JSON lines file/folder/glob, or Parquet")
    p.add_argument("--input-format", choices=["auto", "jsonl", "parquet"], default="auto")
    p.add_argument("--out", required=True, help="output folder (events/, events_jsonl/, CSV files)")
    p.add_argument("--axis", default="axis",
                   help="the axis binary: a local path (shipped with addFile) or the name of a file "
                        "already shipped with spark-submit --files (default: axis)")
    p.add_argument("--partitions", type=int, default=0, help="partitions to code (default: as read)")
    p.add_argument("--threads", type=int, default=1, help="axis threads per partition (default 1)")
    p.add_argument(
        "--engine",
        choices=["transform", "python"],
        default="transform",
        help="how partitions reach axis: 'transform' (Spark SQL TRANSFORM ... USING: the JVM pipes "
        "rows through the binary, no Python on the data path; the default) or 'python' "
        "(mapPartitions in a Python worker: slower, for clusters that forbid script transforms)",
    )
    p.add_argument("--dyad", action="append", default=[], metavar="A:B", help="a dyad series to compute")
    p.add_argument("--triangle", action="append", default=[], metavar="A,B,C", help="a triangle to compute")
    p.add_argument("--by", choices=PERIODS, default="month")
    p.add_argument("--min-events", type=int, default=3)
    p.add_argument("--margin", type=float, default=0.2)
    args = p.parse_args()
    # Actors are checked before the cluster is asked for anything.
    dyads, triangles = [], []
    for spec in args.dyad:
        a, sep, b = spec.partition(":")
        if not sep:
            raise SystemExit(f"--dyad '{spec}': give two actors as A:B")
        dyads.append((Actor(a), Actor(b)))
    for spec in args.triangle:
        who = [Actor(x) for x in spec.split(",")]
        if len(who) != 3:
            raise SystemExit(f"--triangle '{spec}': give three actors as A,B,C")
        triangles.append(who)

    spark = SparkSession.builder.appName("axis").getOrCreate()
    sc = spark.sparkContext
    axis_name = args.axis
    if os.path.isfile(args.axis):
        sc.addFile(os.path.abspath(args.axis))
        axis_name = os.path.basename(args.axis)
    os.makedirs(args.out, exist_ok=True)
    t0 = time.time()

    docs = read_corpus(spark, args.input, args.input_format)
    if args.partitions:
        docs = docs.repartition(args.partitions)
    if args.engine == "transform":
        raw = code_transform(spark, docs, axis_name, args.threads)
    else:
        coded = docs.rdd.map(lambda r: r.value).mapPartitions(code_partition(axis_name, args.threads))
        raw = spark.createDataFrame(coded.map(lambda s: (s,)), "value string")
    events = raw.select("value", F.from_json("value", EVENT_SCHEMA).alias("e")).persist()
    n_events = events.count()
    events.select("value").write.mode("overwrite").text(os.path.join(args.out, "events_jsonl"))
    unread = events.filter(F.col("e").isNull()).count()
    if unread:
        raise SystemExit(f"{unread} line(s) axis wrote are not JSON event records; see events_jsonl/")
    flat = events.select("e.*")
    day = F.to_date("date_start")
    (
        flat.withColumn("year", F.year(day))
        .withColumn("month", F.month(day))
        # One task per year/month writes that folder's file: a handful of files per month,
        # not one per month per coding partition (small files are most of a write's cost).
        .repartition("year", "month")
        .write.mode("overwrite")
        .partitionBy("year", "month")
        .parquet(os.path.join(args.out, "events"))
    )
    t_code = time.time() - t0

    rel = relation_events(flat).persist()
    # Every series twice: every event, and one a day (suffix _one_a_day).
    for one_a_day, suffix in ((False, ""), (True, "_one_a_day")):
        for a, b in dyads:
            rows = dyad_series(rel, a, b, args.by, one_a_day)
            name = f"dyad_{a}_{b}".replace("/", "-").replace("+", "-")
            write_csv(os.path.join(args.out, name + suffix + ".csv"), DYAD_HEADER, rows)
        for who in triangles:
            rows, inputs = triangle(rel, who, args.by, one_a_day, args.min_events, args.margin)
            names = [str(a) for a in who]
            header = ["period"]
            for i, j in [(0, 1), (0, 2), (1, 2)]:
                header += [f"{names[i]}-{names[j]}", f"{names[i]}-{names[j]}_events"]
            header.append("configuration")
            name = ("triangle_" + "_".join(names)).replace("/", "-").replace("+", "-")
            write_csv(os.path.join(args.out, name + suffix + ".csv"), header, rows)
            write_csv(
                os.path.join(args.out, name + suffix + "_inputs.csv"),
                ["period", "side", "verb_coop", "mat_coop", "verb_conf", "mat_conf", "gold_sum", "sign"],
                inputs,
            )
    t_all = time.time() - t0
    print(
        f"axis_job: {n_events} event(s); coding and writing {t_code:.1f} s, total {t_all:.1f} s",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()

//! Hand-built event sets whose answers are worked out by hand, and the merge law.

use super::asymmetry::AsymmetryCollector;
use super::balance::{frustration, triads, BalanceCollector, BalanceOptions};
use super::chart;
use super::dyad::{DyadCollector, DyadOptions, Tally};
use super::period::{Period, Span};
use super::sign::{Sign, SignRule};
use super::triangle::{Configuration, TriangleCollector, TriangleOptions};
use super::{Actor, EventId, RelEvent};
use crate::testing::Lcg;
use crate::when::Date;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn a(s: &str) -> Actor {
    Actor::parse(s).unwrap()
}

/// `(day, source, code, target)` rows → events numbered in order; Goldstein by root, enough for
/// sums that are easy to check: roots 01–05 +1, 06–09 +5, 10–14 −2, 15–20 −8.
fn events(rows: &[(&str, &str, &str, &str)]) -> Vec<RelEvent> {
    rows.iter()
        .enumerate()
        .map(|(i, (day, s, code, t))| {
            let root: u8 = code[..2].parse().unwrap();
            let g = match root {
                1..=5 => 1.0,
                6..=9 => 5.0,
                10..=14 => -2.0,
                _ => -8.0,
            };
            RelEvent::new(EventId(i as u64), d(day), s, t, code, g).unwrap()
        })
        .collect()
}

#[test]
fn actors_match_by_prefix_and_agent() {
    let table = [
        ("CHN", "CHN", true),
        ("CHN", "CHNGOV", true),
        ("CHN", "CHNMIL", true),
        ("CHN", "TWN", false),
        ("CHNGOV", "CHN", false),
        ("CHN/GOV", "CHNGOV", true),
        ("CHN/GOV", "CHNMILGOV", true),
        ("CHN/GOV+MIL", "CHNMIL", true),
        ("CHN/GOV", "CHNBUS", false),
        ("chn/gov", "CHNGOV", true),
    ];
    for (sel, code, want) in table {
        let code = crate::dict::Code::new(code).unwrap();
        assert_eq!(a(sel).matches(&code), want, "{sel} vs {code}");
    }
    assert_eq!(a("chn/gov+mil").to_string(), "CHN/GOV+MIL");
    assert!(Actor::parse("CH").unwrap_err().0.contains("not an actor code"));
    assert!(Actor::parse("CHN/GOVT").unwrap_err().0.contains("not a 3-character agent"));
}

#[test]
fn dyad_counts_periods_directions_and_empty_months() {
    let evs = events(&[
        ("2019-01-03", "CHNGOV", "042", "RUS"),
        ("2019-01-03", "CHNGOV", "042", "RUS"), // same day, same everything: one-a-day drops it
        ("2019-01-20", "RUSMIL", "061", "CHN"),
        ("2019-03-31", "CHN", "112", "RUSGOV"),
        ("2019-03-31", "USA", "190", "CHN"), // not this dyad
        ("2019-04-01", "CHN", "190", "RUS"), // after --to
    ]);
    let mut opts = DyadOptions::new(Period::Month);
    opts.span = Span { from: None, to: Some(d("2019-03-31")) };
    let run = |opts: DyadOptions| {
        let mut c = DyadCollector::new(a("CHN"), a("RUS"), opts);
        evs.iter().for_each(|e| c.push(e));
        c.finish(None)
    };
    let s = run(opts);
    let labels: Vec<&str> = s.rows.iter().map(|r| r.period.as_str()).collect();
    assert_eq!(labels, ["2019-01", "2019-02", "2019-03"]);
    // (counts, goldstein sum, net cooperation)
    let want: [([u32; 4], f64, i64); 3] =
        [([2, 1, 0, 0], 7.0, 3), ([0; 4], 0.0, 0), ([0, 0, 1, 0], -2.0, -1)];
    for (r, (counts, g, net)) in s.rows.iter().zip(want) {
        assert_eq!((r.tally.counts, r.tally.goldstein_sum, r.tally.net_cooperation()), (counts, g, net));
    }
    assert_eq!(s.rows[0].tally.goldstein_mean(), Some(7.0 / 3.0));
    assert_eq!(s.rows[0].tally.cooperation_share(), Some(1.0));
    assert_eq!(s.rows[1].tally.goldstein_mean(), None);
    // Directed CHN→RUS: the RUSMIL event goes.
    let s = run(DyadOptions { directed: true, ..opts });
    assert_eq!(s.rows[0].tally.counts, [2, 0, 0, 0]);
    // One a day: the repeated visit counts once.
    let s = run(DyadOptions { one_a_day: true, ..opts });
    assert_eq!(s.rows[0].tally.counts, [1, 1, 0, 0]);
    assert_eq!(s.rows[0].tally.goldstein_sum, 6.0);
    // By quarter from an explicit start: one row before the first event.
    let s = run(DyadOptions {
        by: Period::Quarter,
        span: Span { from: Some(d("2018-10-01")), to: None },
        ..opts
    });
    let labels: Vec<&str> = s.rows.iter().map(|r| r.period.as_str()).collect();
    assert_eq!(labels, ["2018-Q4", "2019-Q1", "2019-Q2"]);
    assert_eq!(s.rows[1].tally.total(), 4);
    assert_eq!(s.rows[2].tally.counts, [0, 0, 0, 1]);
}

#[test]
fn vague_dates_fit_only_long_periods() {
    let mut e = events(&[("2018-01-01", "RUS", "061", "IND")])[0];
    e.end = d("2018-12-31");
    let fits: Vec<bool> =
        [Period::Day, Period::Week, Period::Month, Period::Quarter, Period::Year].map(|p| e.fits(p)).to_vec();
    assert_eq!(fits, [false, false, false, false, true]);
    e.end = d("2018-01-07"); // Monday 1 to Sunday 7 January 2018
    assert!(e.fits(Period::Week) && !e.fits(Period::Day));
}

#[test]
fn smoothing_is_a_trailing_mean() {
    let evs = events(&[
        ("2019-01-01", "CHN", "042", "RUS"),
        ("2019-01-02", "CHN", "042", "RUS"),
        ("2019-01-03", "CHN", "042", "RUS"),
        ("2019-03-01", "CHN", "190", "RUS"),
    ]);
    let mut c = DyadCollector::new(a("CHN"), a("RUS"), DyadOptions::new(Period::Month));
    evs.iter().for_each(|e| c.push(e));
    let sm = c.finish(None).smoothed(2);
    // Jan: window [Jan] = 3 coop; Feb: [Jan, Feb] = 1.5; Mar: [Feb, Mar] = 0.5 material conflict.
    let got: Vec<(usize, [f64; 4], f64)> =
        sm.iter().map(|r| (r.window, r.counts, r.net_cooperation)).collect();
    assert_eq!(
        got,
        [(1, [3.0, 0.0, 0.0, 0.0], 3.0), (2, [1.5, 0.0, 0.0, 0.0], 1.5), (2, [0.0, 0.0, 0.0, 0.5], -0.5)]
    );
    assert_eq!(sm[2].goldstein_mean, Some(-8.0));
    assert_eq!(sm[1].goldstein_sum, 1.5);
}

/// Builds a triangle period: `n` cooperative (057, +) or hostile (112, −) events per side.
fn side(day: &str, x: &str, y: &str, sign: char, n: usize) -> Vec<(String, String, String, String)> {
    let code = if sign == '+' { "057" } else { "112" };
    (0..n).map(|_| (day.to_string(), x.to_string(), code.to_string(), y.to_string())).collect()
}

#[test]
fn triangle_configurations_and_transitions() {
    // One year per configuration; sides AB = USA-CHN, AC = USA-RUS, BC = CHN-RUS.
    type Plan<'a> = (&'a str, [(char, usize); 3], Configuration);
    let plan: [Plan; 6] = [
        ("2014", [('+', 3), ('+', 3), ('+', 3)], Configuration::MenageATrois),
        ("2015", [('+', 3), ('+', 3), ('-', 3)], Configuration::Romantic { pivot: 0 }),
        ("2016", [('+', 3), ('-', 3), ('+', 3)], Configuration::Romantic { pivot: 1 }),
        ("2017", [('-', 3), ('-', 3), ('+', 4)], Configuration::StableMarriage { excluded: 0 }),
        ("2018", [('-', 3), ('-', 3), ('-', 3)], Configuration::AllHostile),
        ("2019", [('-', 3), ('-', 2), ('-', 3)], Configuration::Undetermined), // USA-RUS: too few
    ];
    let mut rows = Vec::new();
    for (year, signs, _) in &plan {
        let day = format!("{year}-06-01");
        rows.extend(side(&day, "USA", "CHN", signs[0].0, signs[0].1));
        rows.extend(side(&day, "RUSGOV", "USA", signs[1].0, signs[1].1));
        rows.extend(side(&day, "CHNGOV", "RUSMIL", signs[2].0, signs[2].1));
    }
    let refs: Vec<(&str, &str, &str, &str)> =
        rows.iter().map(|(a, b, c, d)| (a.as_str(), b.as_str(), c.as_str(), d.as_str())).collect();
    let evs = events(&refs);
    let mut opts = TriangleOptions::new(Period::Year);
    opts.evidence = 2;
    let mut c = TriangleCollector::new([a("USA"), a("CHN"), a("RUS")], opts);
    evs.iter().for_each(|e| c.push(e));
    let t = c.finish();
    let got: Vec<Configuration> = t.rows.iter().map(|r| r.configuration).collect();
    let want: Vec<Configuration> = plan.iter().map(|p| p.2).collect();
    assert_eq!(got, want);
    assert_eq!(t.rows[5].sides[1].sign, Sign::TooFew);
    let names = t.actors.clone();
    assert_eq!(t.rows[3].configuration.describe(&names), "stable marriage (CHN+RUS vs USA)");
    assert_eq!(t.rows[1].configuration.describe(&names), "romantic triangle (pivot USA)");
    // Every year differs from the last: five transitions.
    assert_eq!(t.transitions.len(), 5);
    // 2014 → 2015: only CHN-RUS (side 2) changed sign; its 2015 events are ids 15, 16, 17,
    // all −2: the two listed are the first two.
    let tr = &t.transitions[0];
    assert_eq!((tr.period.as_str(), tr.changed.as_slice()), ("2015", &[2][..]));
    assert_eq!(tr.events, [EventId(15), EventId(16)]);
    // 2017 → 2018: only CHN-RUS changed (+ to −).
    assert_eq!(t.transitions[3].changed, [2]);
    // Looser threshold: two events are enough, and 2019 is all hostile like 2018 (no transition).
    let mut loose = opts;
    loose.rule = SignRule { min_events: 2, margin: 0.2 };
    let mut c = TriangleCollector::new([a("USA"), a("CHN"), a("RUS")], loose);
    evs.iter().for_each(|e| c.push(e));
    let t = c.finish();
    assert_eq!(t.rows[5].configuration, Configuration::AllHostile);
    assert_eq!(t.transitions.len(), 4);
}

#[test]
fn balance_on_known_graphs() {
    // Pairs of 4 actors in pair_index order: 01 02 03 12 13 23.
    let p = Some(true);
    let m = Some(false);
    // (name, n, signs, triads, balanced, frustration)
    type Case<'a> = (&'a str, usize, Vec<Option<bool>>, u32, u32, u32);
    let table: [Case; 5] = [
        ("two camps {0,1} vs {2,3}", 4, vec![p, m, m, m, m, p], 4, 4, 0),
        ("all friends", 4, vec![p, p, p, p, p, p], 4, 4, 0),
        ("all enemies", 4, vec![m, m, m, m, m, m], 4, 0, 2),
        ("one bad edge", 4, vec![p, p, p, p, p, m], 4, 2, 1),
        ("triangle with a gap", 3, vec![p, None, m], 0, 0, 0),
    ];
    for (name, n, signs, t, b, f) in table {
        assert_eq!(triads(n, &signs), (t, b), "{name}");
        assert_eq!(frustration(n, &signs).unwrap().index, f, "{name}");
    }
    let camps = frustration(4, &[p, m, m, m, m, p]).unwrap().camps;
    assert_eq!(camps, [vec![0, 1], vec![2, 3]]);
    // The odd cycle: a triangle with one negative side costs one flip.
    assert_eq!(frustration(3, &[p, p, m]).unwrap().index, 1);
    // Too many actors: not computed.
    assert!(frustration(13, &[None; 78]).is_none());
}

#[test]
fn balance_series_from_events() {
    // 2018: CHN+RUS friends, both hostile to USA → balanced. 2019: all friendly except CHN-RUS.
    let mut rows = Vec::new();
    rows.extend(side("2018-03-01", "CHN", "RUS", '+', 3));
    rows.extend(side("2018-03-01", "USA", "CHN", '-', 3));
    rows.extend(side("2018-03-01", "RUS", "USA", '-', 3));
    rows.extend(side("2019-03-01", "CHN", "RUS", '-', 3));
    rows.extend(side("2019-03-01", "USA", "CHN", '+', 3));
    rows.extend(side("2019-03-01", "RUS", "USA", '+', 3));
    let refs: Vec<(&str, &str, &str, &str)> =
        rows.iter().map(|(a, b, c, d)| (a.as_str(), b.as_str(), c.as_str(), d.as_str())).collect();
    let evs = events(&refs);
    let mut c = BalanceCollector::new(
        vec![a("USA"), a("CHN"), a("RUS"), a("IND")],
        BalanceOptions::new(Period::Year),
    );
    evs.iter().for_each(|e| c.push(e));
    let s = c.finish();
    assert_eq!(s.rows.len(), 2);
    assert_eq!((s.rows[0].triads, s.rows[0].balanced, s.rows[0].balanced_share), (1, 1, Some(1.0)));
    assert_eq!((s.rows[1].positive, s.rows[1].negative), (2, 1));
    assert_eq!((s.rows[1].triads, s.rows[1].balanced), (1, 0));
    assert_eq!(s.rows[1].frustration.as_ref().unwrap().index, 1);
}

#[test]
fn asymmetry_one_a_day_counts_a_repeated_report_once() {
    let evs = events(&[
        ("1955-03-01", "SUN", "071", "CHN"),
        ("1955-03-01", "SUN", "071", "CHN"),
        ("1955-03-01", "SUNGOV", "071", "CHN"), // another source code: another key
    ]);
    for (one_a_day, aid) in [(false, 3), (true, 2)] {
        let mut c = AsymmetryCollector::new(a("SUN"), a("CHN"), Period::Year, Span::default(), one_a_day);
        evs.iter().for_each(|e| c.push(e));
        assert_eq!(c.finish(None).total.ab.aid, aid);
    }
}

#[test]
fn asymmetry_indicators() {
    let evs = events(&[
        ("1955-03-01", "SUN", "071", "CHN"),    // aid SUN→CHN
        ("1955-03-02", "SUNGOV", "072", "CHN"), // aid SUN→CHN
        ("1955-04-01", "CHNGOV", "042", "SUN"), // CHN visits SUN
        ("1955-05-01", "SUN", "043", "CHN"),    // SUN hosts CHN: CHN visits
        ("1955-06-01", "CHN", "0231", "SUN"),   // CHN appeals
        ("1955-07-01", "CHN", "081", "SUN"),    // CHN yields
        ("1955-08-01", "SUN", "042", "CHN"),    // SUN visits CHN
        ("1956-01-01", "CHN", "112", "SUN"),    // conflict, no indicator
    ]);
    let mut c = AsymmetryCollector::new(a("SUN"), a("CHN"), Period::Year, Span::default(), false);
    evs.iter().for_each(|e| c.push(e));
    let caps = super::capabilities::Capabilities::parse(
        std::path::Path::new("t.csv"),
        "ccode,year,cinc\n365,1955,0.18\n710,1955,0.09\n",
    )
    .unwrap();
    let s = c.finish(Some(&caps));
    let r = &s.rows[0];
    assert_eq!((r.ab.aid, r.ba.aid, r.ab.visits, r.ba.visits), (2, 0, 1, 2));
    assert_eq!((r.ba.appeals, r.ba.yields, r.ab.cooperation, r.ba.cooperation), (1, 1, 4, 3));
    // Senior shares of SUN: aid 2/2, visits received 2/3, appeals received 1/1, yields received 1/1.
    let want = (1.0 + 2.0 / 3.0 + 1.0 + 1.0) / 4.0;
    assert!((r.a_senior_score.unwrap() - want).abs() < 1e-12);
    assert_eq!(r.a_initiated_share, Some(4.0 / 7.0));
    let cinc = r.cinc.unwrap();
    assert!((cinc.ratio - 2.0).abs() < 1e-12);
    assert_eq!(s.rows[1].a_senior_score, None);
    assert_eq!(s.rows[1].cinc, None);
    assert_eq!(s.total.ab.aid, 2);
}

/// Random events among four actors over two years.
fn random_events(seed: u64, n: usize) -> Vec<RelEvent> {
    let mut g = Lcg(seed);
    let actors = ["USA", "CHNGOV", "RUS", "RUSMIL", "IND"];
    let codes = ["042", "043", "057", "071", "0231", "081", "112", "173", "190"];
    (0..n)
        .map(|i| {
            let s = actors[g.next(actors.len())];
            let t = actors[g.next(actors.len())];
            let day = d("2018-01-01").add_days(g.next(730) as i32);
            let code = codes[g.next(codes.len())];
            let g = g.next(21) as f32 - 10.0;
            RelEvent::new(EventId(i as u64), day, s, t, code, g).unwrap()
        })
        .collect()
}

#[test]
fn merging_two_halves_equals_the_whole() {
    for seed in 0..20 {
        let evs = random_events(seed, 300);
        let cut = (seed as usize * 37) % evs.len();
        for one_a_day in [false, true] {
            let opts = DyadOptions { one_a_day, ..DyadOptions::new(Period::Quarter) };
            let mk = || DyadCollector::new(a("CHN"), a("RUS"), opts);
            let (mut whole, mut left, mut right) = (mk(), mk(), mk());
            evs.iter().for_each(|e| whole.push(e));
            evs[..cut].iter().for_each(|e| left.push(e));
            evs[cut..].iter().for_each(|e| right.push(e));
            left.merge(right);
            let (w, m) = (whole.finish(None), left.finish(None));
            assert_eq!(w.rows.len(), m.rows.len());
            for (x, y) in w.rows.iter().zip(&m.rows) {
                assert_eq!(x.tally.counts, y.tally.counts, "seed {seed}");
                assert!((x.tally.goldstein_sum - y.tally.goldstein_sum).abs() < 1e-9);
            }
            let topts = TriangleOptions { one_a_day, ..TriangleOptions::new(Period::Month) };
            let mk = || TriangleCollector::new([a("USA"), a("CHN"), a("RUS")], topts);
            let (mut whole, mut left, mut right) = (mk(), mk(), mk());
            evs.iter().for_each(|e| whole.push(e));
            evs[..cut].iter().for_each(|e| left.push(e));
            evs[cut..].iter().for_each(|e| right.push(e));
            left.merge(right);
            let (w, m) = (whole.finish(), left.finish());
            let cw: Vec<_> =
                w.rows.iter().map(|r| (r.configuration, r.sides.map(|s| s.tally.counts))).collect();
            let cm: Vec<_> =
                m.rows.iter().map(|r| (r.configuration, r.sides.map(|s| s.tally.counts))).collect();
            assert_eq!(cw, cm, "seed {seed}");
            assert_eq!(w.transitions, m.transitions, "seed {seed}");
            let bopts = BalanceOptions { one_a_day, ..BalanceOptions::new(Period::Quarter) };
            let who = || vec![a("USA"), a("CHN"), a("RUS"), a("IND")];
            let (mut whole, mut left, mut right) = (
                BalanceCollector::new(who(), bopts),
                BalanceCollector::new(who(), bopts),
                BalanceCollector::new(who(), bopts),
            );
            evs.iter().for_each(|e| whole.push(e));
            evs[..cut].iter().for_each(|e| left.push(e));
            evs[cut..].iter().for_each(|e| right.push(e));
            left.merge(right);
            assert_eq!(whole.finish().rows, left.finish().rows, "seed {seed}");
            let mk = || AsymmetryCollector::new(a("CHN"), a("RUS"), Period::Year, Span::default(), one_a_day);
            let (mut whole, mut left, mut right) = (mk(), mk(), mk());
            evs.iter().for_each(|e| whole.push(e));
            evs[..cut].iter().for_each(|e| left.push(e));
            evs[cut..].iter().for_each(|e| right.push(e));
            left.merge(right);
            assert_eq!(whole.finish(None), left.finish(None), "seed {seed}");
        }
    }
}

#[test]
fn the_dyad_total_is_the_sum_of_all_matching_events() {
    let evs = random_events(7, 500);
    let mut c = DyadCollector::new(a("CHN"), a("RUS"), DyadOptions::new(Period::Week));
    evs.iter().for_each(|e| c.push(e));
    let s = c.finish(None);
    let mut want = Tally::default();
    for e in &evs {
        let (s, t) = (e.source.as_str(), e.target.as_str());
        if (s.starts_with("CHN") && t.starts_with("RUS")) || (s.starts_with("RUS") && t.starts_with("CHN")) {
            want.add(e);
        }
    }
    assert_eq!(s.total().counts, want.counts);
    // Weeks are contiguous Mondays.
    for w in s.rows.windows(2) {
        assert_eq!(w[1].start.to_days() - w[0].start.to_days(), 7);
        assert_eq!(w[0].start.weekday(), 0);
    }
}

#[test]
fn svg_charts_have_the_expected_structure() {
    let evs = events(&[
        ("2019-01-03", "CHN", "042", "RUS"),
        ("2019-01-04", "CHN", "190", "RUS"),
        ("2019-03-03", "CHN", "061", "RUS"),
        ("2019-03-04", "CHN", "112", "RUS"),
        ("2019-03-05", "CHN", "112", "RUS"),
    ]);
    let mut c = DyadCollector::new(a("CHN"), a("RUS"), DyadOptions::new(Period::Month));
    evs.iter().for_each(|e| c.push(e));
    let series = c.finish(None);
    let scene = chart::dyad_chart(&series, None, "CHN-RUS <by month> & more");
    let svg = chart::svg::render(&scene);
    // Bars: Jan has Q1 and Q4, Feb none, Mar Q2 and Q3: four segments.
    assert_eq!(scene.count_rects("bar "), 4);
    assert_eq!(svg.matches("<title>bar ").count(), 4);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("CHN-RUS &lt;by month&gt; &amp; more"));
    assert_well_formed(&svg);
    // The Goldstein line breaks over the empty February: two single points, no data polyline.
    assert_eq!(svg.matches("<polyline").count(), 5 + 2, "five grid lines and two axes");
    for label in ["2019-01", "2019-02", "2019-03", "verbal coop.", "Goldstein"] {
        assert!(svg.contains(label), "{label}");
    }
    let png = chart::png::render(&scene);
    assert_eq!(&png[1..4], b"PNG");
    // Smoothed over two months, the line runs unbroken through February: one polyline.
    let smooth = series.smoothed(2);
    let svg = chart::svg::render(&chart::dyad_chart(&series, Some(&smooth), "smoothed"));
    assert_eq!(svg.matches("<polyline").count(), 5 + 2 + 1, "five grid lines, two axes, one data line");
    assert!(svg.contains("(moving avg.)"));
}

/// Tags open and close in order and attributes are quoted: enough to be sure a browser reads it.
fn assert_well_formed(svg: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        let j = rest[i..].find('>').expect("tag closes") + i;
        let tag = &rest[i + 1..j];
        assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes in <{tag}>");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "closing {name}");
        } else if !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().unwrap_or("").to_string());
        }
        rest = &rest[j + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

/// The ICEWS sample (two days of June 2018) read with the country names file beside it: the dyad
/// and triangle counts agree with a plain count of the file's lines.
#[test]
fn icews_sample_agrees_with_a_plain_count() {
    let events_path = crate::testing::shared_path("icews/icews_events_2018-06-01_02_sample.tab");
    let names_path = crate::testing::shared_path("icews/countrynames-DEDI_name_iso3_cow.txt");
    let (Ok(tab), Ok(names)) = (std::fs::read_to_string(&events_path), std::fs::read_to_string(&names_path))
    else {
        eprintln!("skipped: the ICEWS sample in ../shared/icews is absent");
        return;
    };
    let iso: std::collections::HashMap<&str, &str> = names
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?))
        })
        .filter(|(_, code)| code.len() == 3 && *code != "---")
        .collect();
    let mut lines = tab.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (c_date, c_src, c_tgt, c_code, c_int) = (
        col("Event Date"),
        col("Source Country"),
        col("Target Country"),
        col("CAMEO Code"),
        col("Intensity"),
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let events: Vec<RelEvent> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let (s, t) = (iso.get(f[c_src])?, iso.get(f[c_tgt])?);
            let g: f32 = f[c_int].parse().ok()?;
            RelEvent::new(EventId(i as u64), Date::parse(f[c_date]).ok()?, s, t, f[c_code], g)
        })
        .collect();
    // The plain count: per day, lines between the United States and China either way, by
    // QuadClass of the CAMEO root.
    let mut want: std::collections::BTreeMap<&str, [u32; 4]> = Default::default();
    for f in &rows {
        let pair = [f[c_src], f[c_tgt]];
        if pair == ["United States", "China"] || pair == ["China", "United States"] {
            let root: u32 = f[c_code][..2].parse().unwrap();
            let q = match root {
                1..=5 => 0,
                6..=9 => 1,
                10..=14 => 2,
                _ => 3,
            };
            want.entry(f[c_date]).or_default()[q] += 1;
        }
    }
    assert!(want.values().flatten().sum::<u32>() > 50, "the sample has USA-CHN events");
    let mut dyad = DyadCollector::new(a("USA"), a("CHN"), DyadOptions::new(Period::Day));
    events.iter().for_each(|e| dyad.push(e));
    let s = dyad.finish(None);
    let got: std::collections::BTreeMap<String, [u32; 4]> =
        s.rows.iter().map(|r| (r.period.clone(), r.tally.counts)).collect();
    let want_owned: std::collections::BTreeMap<String, [u32; 4]> =
        want.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    assert_eq!(got, want_owned);
    let mut tri = TriangleCollector::new([a("USA"), a("CHN"), a("RUS")], TriangleOptions::new(Period::Day));
    events.iter().for_each(|e| tri.push(e));
    let t = tri.finish();
    for r in &t.rows {
        assert_eq!(Some(&r.sides[0].tally.counts), want.get(r.period.as_str()), "{}", r.period);
    }
}

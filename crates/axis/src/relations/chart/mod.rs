//! Charts: each is drawn once as a [`Scene`] — rectangles, lines and text in pixel coordinates —
//! and rendered by [`svg::render`] (SVG text) or [`png::render`] (our own rasteriser and PNG
//! encoder, with a built-in 5×7 bitmap font), so both files show the same picture.
//!
//! - [`dyad_chart`]: stacked bars per QuadClass (events per period) and the mean Goldstein score
//!   as a line on its own axis (−10 … +10).
//! - [`triangle_chart`]: one ribbon per side, a cell per period coloured by its sign, and a
//!   configuration band below.
//! - [`balance_chart`]: the share of balanced triads (0 … 1) and the frustration index.
//! - [`asymmetry_chart`]: A's senior score and A's share of the two CINC scores (both 0 … 1).

mod font;
pub mod png;
pub mod svg;

use super::asymmetry::AsymmetrySeries;
use super::balance::BalanceSeries;
use super::dyad::DyadSeries;
use super::sign::Sign;
use super::triangle::{Configuration, TriangleSeries};

/// An RGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// How text sits on its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The point is the text's left end.
    Start,
    /// The point is the text's middle.
    Middle,
    /// The point is the text's right end.
    End,
}

/// One thing drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A filled rectangle.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill.
        fill: Color,
        /// Tooltip (SVG only).
        title: Option<String>,
    },
    /// A straight line or a polyline.
    Line {
        /// Points, at least two.
        points: Vec<(f32, f32)>,
        /// Colour.
        stroke: Color,
        /// Width in pixels.
        width: f32,
    },
    /// A line of text; `y` is the baseline.
    Text {
        /// Anchor point x.
        x: f32,
        /// Baseline y.
        y: f32,
        /// The text.
        text: String,
        /// Font size in pixels (PNG rounds to a multiple of the bitmap font).
        size: f32,
        /// Colour.
        color: Color,
        /// Alignment.
        anchor: Anchor,
    },
}

/// A picture: a white canvas and what is drawn on it, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Items, back to front.
    pub items: Vec<Item>,
}

/// Colours of the four QuadClasses, of signs and of configurations.
pub const QUAD_COLORS: [Color; 4] =
    [Color(0x8c, 0xc6, 0x8c), Color(0x2e, 0x8b, 0x57), Color(0xf4, 0xa5, 0x82), Color(0xc0, 0x39, 0x2b)];
const INK: Color = Color(0x22, 0x22, 0x22);
const GRID: Color = Color(0xdd, 0xdd, 0xdd);
const LINE: Color = Color(0x1f, 0x4e, 0x9a);

fn sign_color(s: Sign) -> Color {
    match s {
        Sign::Positive => Color(0x2e, 0x8b, 0x57),
        Sign::Negative => Color(0xc0, 0x39, 0x2b),
        Sign::Mixed => Color(0xf0, 0xc0, 0x40),
        Sign::TooFew => Color(0xe4, 0xe4, 0xe4),
    }
}

fn config_color(c: Configuration) -> Color {
    match c {
        Configuration::MenageATrois => Color(0x2e, 0x8b, 0x57),
        Configuration::Romantic { .. } => Color(0x6a, 0x5a, 0xcd),
        Configuration::StableMarriage { .. } => Color(0x1f, 0x77, 0xb4),
        Configuration::AllHostile => Color(0xc0, 0x39, 0x2b),
        Configuration::Undetermined => Color(0xe4, 0xe4, 0xe4),
    }
}

/// Plot area margins: left, right, top, bottom.
const MARGIN: (f32, f32, f32, f32) = (64.0, 64.0, 56.0, 72.0);

/// The plot area of a chart with one slot per period: `x0..x1` × `y0..y1`, `slot` wide each.
#[derive(Clone, Copy)]
struct Plot {
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
    slot: f32,
}

impl Scene {
    fn new(width: u32, height: u32) -> Scene {
        Scene { width, height, items: Vec::new() }
    }

    /// A titled chart of `periods` slots (14 pixels each, the plot 560 to 1400 wide) between the
    /// margins, `height` high, and its plot area.
    fn periods(periods: usize, height: u32, title: &str) -> (Scene, Plot) {
        let n = periods.max(1);
        let width = (MARGIN.0 + MARGIN.1 + (n as f32 * 14.0).clamp(560.0, 1400.0)) as u32;
        let mut s = Scene::new(width, height);
        let (x0, x1) = (MARGIN.0, width as f32 - MARGIN.1);
        let (y0, y1) = (MARGIN.2, height as f32 - MARGIN.3);
        s.text(width as f32 / 2.0, 24.0, title, 16.0, Anchor::Middle);
        (s, Plot { x0, x1, y0, y1, slot: (x1 - x0) / n as f32 })
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Color, title: Option<String>) {
        self.items.push(Item::Rect { x, y, w, h, fill, title });
    }

    fn line(&mut self, points: Vec<(f32, f32)>, stroke: Color, width: f32) {
        self.items.push(Item::Line { points, stroke, width });
    }

    fn text(&mut self, x: f32, y: f32, text: impl Into<String>, size: f32, anchor: Anchor) {
        self.items.push(Item::Text { x, y, text: text.into(), size, color: INK, anchor });
    }

    /// How many rectangles have a tooltip starting with `prefix` (used by tests to count bars).
    pub fn count_rects(&self, prefix: &str) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i, Item::Rect { title: Some(t), .. } if t.starts_with(prefix)))
            .count()
    }

    /// Period labels along the x axis, thinned to fit (at most one per 56 pixels).
    fn x_labels(&mut self, labels: &[String], x0: f32, slot: f32, y: f32) {
        let step = ((56.0 / slot).ceil() as usize).max(1);
        for (i, l) in labels.iter().enumerate().step_by(step) {
            self.text(x0 + slot * (i as f32 + 0.5), y, l.clone(), 11.0, Anchor::Middle);
        }
    }

    /// The x and y axes of a plot area, with the period labels under it.
    fn period_axes(&mut self, p: Plot, periods: &[String]) {
        self.line(vec![(p.x0, p.y1), (p.x1, p.y1)], INK, 1.0);
        self.line(vec![(p.x0, p.y0), (p.x0, p.y1)], INK, 1.0);
        self.x_labels(periods, p.x0, p.slot, p.y1 + 16.0);
    }

    /// A legend row of coloured squares and names, starting at `x`.
    fn legend(&mut self, mut x: f32, y: f32, entries: &[(Color, &str)]) {
        for (c, name) in entries {
            self.rect(x, y - 9.0, 10.0, 10.0, *c, None);
            self.text(x + 14.0, y, *name, 11.0, Anchor::Start);
            x += 22.0 + 6.5 * name.chars().count() as f32;
        }
    }
}

/// The top of a count axis with four ticks: four times a whole "nice" step (1, 2 or 5 times a
/// power of ten), at least `max`.
fn count_top(max: f64) -> f64 {
    let want = (max / 4.0).max(1.0);
    let p = 10f64.powf(want.log10().floor());
    4.0 * [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * p).find(|v| *v >= want).unwrap_or(10.0 * p)
}

/// The dyad chart: stacked QuadClass bars (left axis, events) and the Goldstein mean line (right
/// axis, −10 … +10; broken over periods without events). With `smooth` (from
/// [`DyadSeries::smoothed`]), the line is the moving average's Goldstein mean; the bars stay raw.
pub fn dyad_chart(series: &DyadSeries, smooth: Option<&[super::dyad::SmoothRow]>, title: &str) -> Scene {
    let (mut s, plot) = Scene::periods(series.rows.len(), 420, title);
    let Plot { x0, x1, y0, y1, slot } = plot;
    let (width, height) = (s.width, s.height);
    let top = count_top(series.rows.iter().map(|r| f64::from(r.tally.total())).fold(0.0, f64::max));
    let y_of = |v: f64| y1 - (v / top) as f32 * (y1 - y0);
    let g_of = |g: f64| y1 - ((g + 10.0) / 20.0) as f32 * (y1 - y0);
    for k in 0..=4 {
        let v = top * f64::from(k) / 4.0;
        s.line(vec![(x0, y_of(v)), (x1, y_of(v))], GRID, 1.0);
        s.text(x0 - 6.0, y_of(v) + 4.0, trim_number(v), 11.0, Anchor::End);
        let g = -10.0 + 5.0 * f64::from(k);
        let label = if g == 0.0 { "0".to_string() } else { format!("{g:+}") };
        s.text(x1 + 6.0, g_of(g) + 4.0, label, 11.0, Anchor::Start);
    }
    s.text(4.0, y0 - 12.0, "events", 11.0, Anchor::Start);
    s.text(width as f32 - 4.0, y0 - 12.0, "Goldstein", 11.0, Anchor::End);
    for (i, r) in series.rows.iter().enumerate() {
        let mut base = 0.0;
        for (q, &c) in r.tally.counts.iter().enumerate() {
            if c == 0 {
                continue;
            }
            let (yt, yb) = (y_of(base + f64::from(c)), y_of(base));
            let title = format!("bar {} Q{}: {c}", r.period, q + 1);
            s.rect(x0 + slot * i as f32 + slot * 0.1, yt, slot * 0.8, yb - yt, QUAD_COLORS[q], Some(title));
            base += f64::from(c);
        }
    }
    let mut run: Vec<(f32, f32)> = Vec::new();
    for (i, r) in series.rows.iter().enumerate() {
        let mean = match smooth {
            Some(rows) => rows.get(i).and_then(|r| r.goldstein_mean),
            None => r.tally.goldstein_mean(),
        };
        match mean {
            Some(g) => run.push((x0 + slot * (i as f32 + 0.5), g_of(g))),
            None => flush_run(&mut s, &mut run),
        }
    }
    flush_run(&mut s, &mut run);
    let labels: Vec<String> = series.rows.iter().map(|r| r.period.clone()).collect();
    s.period_axes(plot, &labels);
    let legend = [
        (QUAD_COLORS[0], "verbal coop."),
        (QUAD_COLORS[1], "material coop."),
        (QUAD_COLORS[2], "verbal conflict"),
        (QUAD_COLORS[3], "material conflict"),
        (LINE, if smooth.is_some() { "mean Goldstein (moving avg.)" } else { "mean Goldstein" }),
    ];
    s.legend(x0, height as f32 - 16.0, &legend);
    s
}

fn flush_run(s: &mut Scene, run: &mut Vec<(f32, f32)>) {
    flush_line(s, run, LINE);
}

fn trim_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The triangle chart: a ribbon per side (cells coloured by sign) and the configuration band.
pub fn triangle_chart(series: &TriangleSeries, title: &str) -> Scene {
    let n = series.rows.len().max(1);
    let width = (MARGIN.0 + 40.0 + MARGIN.1 + (n as f32 * 14.0).clamp(560.0, 1400.0)) as u32;
    let height = 300;
    let mut s = Scene::new(width, height);
    let x0 = MARGIN.0 + 40.0;
    let slot = (width as f32 - MARGIN.1 - x0) / n as f32;
    s.text(width as f32 / 2.0, 24.0, title, 16.0, Anchor::Middle);
    let names = &series.actors;
    let rows = [
        format!("{}-{}", names[0], names[1]),
        format!("{}-{}", names[0], names[2]),
        format!("{}-{}", names[1], names[2]),
    ];
    let band_h = 30.0;
    for (k, name) in rows.iter().enumerate() {
        let y = 50.0 + k as f32 * (band_h + 8.0);
        s.text(x0 - 8.0, y + 19.0, name.clone(), 11.0, Anchor::End);
        for (i, r) in series.rows.iter().enumerate() {
            let side = r.sides[k];
            let tip = format!("side {} {} {}: {} events", r.period, name, side.sign, side.tally.total());
            s.rect(x0 + slot * i as f32, y, (slot - 1.0).max(1.0), band_h, sign_color(side.sign), Some(tip));
        }
    }
    let y = 50.0 + 3.0 * (band_h + 8.0) + 8.0;
    s.text(x0 - 8.0, y + 19.0, "configuration", 11.0, Anchor::End);
    for (i, r) in series.rows.iter().enumerate() {
        let tip = format!("config {} {}", r.period, r.configuration.describe(names));
        s.rect(
            x0 + slot * i as f32,
            y,
            (slot - 1.0).max(1.0),
            band_h,
            config_color(r.configuration),
            Some(tip),
        );
    }
    let labels: Vec<String> = series.rows.iter().map(|r| r.period.clone()).collect();
    s.x_labels(&labels, x0, slot, y + band_h + 16.0);
    let ly = height as f32 - 34.0;
    s.legend(
        16.0,
        ly,
        &[
            (sign_color(Sign::Positive), "+ cooperative"),
            (sign_color(Sign::Negative), "- hostile"),
            (sign_color(Sign::Mixed), "~ mixed"),
            (sign_color(Sign::TooFew), "? too few events"),
        ],
    );
    s.legend(
        16.0,
        ly + 20.0,
        &[
            (config_color(Configuration::MenageATrois), "menage a trois"),
            (config_color(Configuration::Romantic { pivot: 0 }), "romantic triangle"),
            (config_color(Configuration::StableMarriage { excluded: 0 }), "stable marriage"),
            (config_color(Configuration::AllHostile), "all hostile"),
        ],
    );
    s
}

/// The balance chart: the balanced-triad share (left axis, 0 … 1) as a line and the frustration
/// index (right axis) as bars behind it.
pub fn balance_chart(series: &BalanceSeries, title: &str) -> Scene {
    let (mut s, plot) = Scene::periods(series.rows.len(), 380, title);
    let Plot { x0, x1, y0, y1, slot } = plot;
    let (width, height) = (s.width, s.height);
    let fmax = series
        .rows
        .iter()
        .filter_map(|r| r.frustration.as_ref())
        .map(|f| f64::from(f.index))
        .fold(0.0, f64::max);
    let ftop = count_top(fmax);
    let y_share = |v: f64| y1 - v as f32 * (y1 - y0);
    let y_fr = |v: f64| y1 - (v / ftop) as f32 * (y1 - y0);
    for k in 0..=4 {
        let v = f64::from(k) / 4.0;
        s.line(vec![(x0, y_share(v)), (x1, y_share(v))], GRID, 1.0);
        s.text(x0 - 6.0, y_share(v) + 4.0, format!("{v:.2}"), 11.0, Anchor::End);
        s.text(x1 + 6.0, y_share(v) + 4.0, trim_number(ftop * v), 11.0, Anchor::Start);
    }
    s.text(4.0, y0 - 12.0, "balanced share", 11.0, Anchor::Start);
    s.text(width as f32 - 4.0, y0 - 12.0, "frustration", 11.0, Anchor::End);
    let fr_color = Color(0xf4, 0xa5, 0x82);
    for (i, r) in series.rows.iter().enumerate() {
        if let Some(f) = r.frustration.as_ref().filter(|f| f.index > 0) {
            let yt = y_fr(f64::from(f.index));
            let tip = format!("bar {} frustration {}", r.period, f.index);
            s.rect(x0 + slot * i as f32 + slot * 0.25, yt, slot * 0.5, y1 - yt, fr_color, Some(tip));
        }
    }
    let mut run = Vec::new();
    for (i, r) in series.rows.iter().enumerate() {
        match r.balanced_share {
            Some(v) => run.push((x0 + slot * (i as f32 + 0.5), y_share(v))),
            None => flush_run(&mut s, &mut run),
        }
    }
    flush_run(&mut s, &mut run);
    let labels: Vec<String> = series.rows.iter().map(|r| r.period.clone()).collect();
    s.period_axes(plot, &labels);
    s.legend(
        x0,
        height as f32 - 16.0,
        &[(LINE, "share of balanced triads"), (fr_color, "frustration index")],
    );
    s
}

/// The asymmetry chart: A's senior score and A's CINC share, CINC(A) / (CINC(A) + CINC(B)), on
/// one 0 … 1 axis with a line at ½ (above it, A is the senior partner), and bars for the number of
/// indicator events (aid, visits, appeals, yields) behind each score.
pub fn asymmetry_chart(series: &AsymmetrySeries, title: &str) -> Scene {
    let (mut s, plot) = Scene::periods(series.rows.len(), 380, title);
    let Plot { x0, x1, y0, y1, slot } = plot;
    let (width, height) = (s.width, s.height);
    let indicator_events = |r: &super::asymmetry::AsymmetryRow| {
        let f = |x: super::asymmetry::Flows| x.aid + x.visits + x.appeals + x.yields;
        f64::from(f(r.ab) + f(r.ba))
    };
    let top = count_top(series.rows.iter().map(indicator_events).fold(0.0, f64::max));
    let y_share = |v: f64| y1 - v as f32 * (y1 - y0);
    let y_count = |v: f64| y1 - (v / top) as f32 * (y1 - y0);
    for k in 0..=4 {
        let v = f64::from(k) / 4.0;
        s.line(vec![(x0, y_share(v)), (x1, y_share(v))], if k == 2 { INK } else { GRID }, 1.0);
        s.text(x0 - 6.0, y_share(v) + 4.0, format!("{v:.2}"), 11.0, Anchor::End);
        s.text(x1 + 6.0, y_share(v) + 4.0, trim_number(top * v), 11.0, Anchor::Start);
    }
    s.text(4.0, y0 - 12.0, format!("share of {}", series.a), 11.0, Anchor::Start);
    s.text(width as f32 - 4.0, y0 - 12.0, "events", 11.0, Anchor::End);
    let bar = Color(0xdd, 0xdd, 0xee);
    for (i, r) in series.rows.iter().enumerate() {
        let c = indicator_events(r);
        if c > 0.0 {
            let yt = y_count(c);
            let tip = format!("bar {} indicator events {c}", r.period);
            s.rect(x0 + slot * i as f32 + slot * 0.2, yt, slot * 0.6, y1 - yt, bar, Some(tip));
        }
    }
    let cinc_color = Color(0xc0, 0x39, 0x2b);
    for (values, color) in [
        (series.rows.iter().map(|r| r.a_senior_score).collect::<Vec<_>>(), LINE),
        (series.rows.iter().map(|r| r.cinc.map(|c| c.a / (c.a + c.b))).collect(), cinc_color),
    ] {
        let mut run = Vec::new();
        for (i, v) in values.iter().enumerate() {
            match v {
                Some(v) if v.is_finite() => run.push((x0 + slot * (i as f32 + 0.5), y_share(*v))),
                _ => flush_line(&mut s, &mut run, color),
            }
        }
        flush_line(&mut s, &mut run, color);
    }
    let labels: Vec<String> = series.rows.iter().map(|r| r.period.clone()).collect();
    s.period_axes(plot, &labels);
    let senior = format!("{} senior score", series.a);
    let cinc = format!("{} share of CINC", series.a);
    s.legend(x0, height as f32 - 16.0, &[(LINE, &senior), (cinc_color, &cinc), (bar, "indicator events")]);
    s
}

fn flush_line(s: &mut Scene, run: &mut Vec<(f32, f32)>, color: Color) {
    match run.len() {
        0 => {}
        1 => {
            let (x, y) = run[0];
            s.rect(x - 2.5, y - 2.5, 5.0, 5.0, color, None);
        }
        _ => s.line(run.clone(), color, 2.0),
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::count_top;

    #[test]
    fn count_axes_have_whole_ticks() {
        // (largest value, top of the axis)
        for (max, top) in
            [(0.0, 4.0), (3.0, 4.0), (5.0, 8.0), (9.0, 20.0), (37.0, 40.0), (41.0, 80.0), (390.0, 400.0)]
        {
            assert_eq!(count_top(max), top, "max {max}");
            assert_eq!((top / 4.0).fract(), 0.0);
        }
    }
}

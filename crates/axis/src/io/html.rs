//! HTML pages: the main text of the story, its title, story date and address.
//!
//! One pass over [`markup`](super::markup) tokens with an explicit stack (no recursion, so any
//! nesting depth is fine; each element is pushed and popped once, so time is linear):
//!
//! * **Dropped**: `script`, `style`, `noscript`, `template`, `svg`, `iframe`, form controls, and the
//!   page furniture `nav`, `header`, `footer`, `aside` (and elements with the matching ARIA roles).
//! * **Dropped unless that would leave almost nothing**: `form`, hidden elements, and elements
//!   whose class or id names boilerplate (`menu`, `share`, `related`, `cookie`, `ad`…) — an
//!   ASP.NET page wraps its whole body in a `<form>`, so a drop that removes over 3/4 of the text
//!   is undone.
//! * **Kept**: text in paragraphs, headings, list items, blockquotes, table cells. Every block
//!   element ends a paragraph, so paragraphs come out separated by blank lines and the sentence
//!   splitter sees their ends. When an `<article>`, `<main>` or `itemprop="articleBody"` holds
//!   the bulk of the text, only its blocks are kept; blocks that are mostly link text (menus,
//!   "most read" lists) and stock lines ("Advertisement", "Read more") are dropped.
//! * **Metadata**: title from `og:title`, else `<title>`, else the first `<h1>`; story date from
//!   the meta tags in [`DATE_META`] (in that order), else JSON-LD `datePublished`, else a
//!   `<time datetime>` (marked `pubdate`/`itemprop="datePublished"` first, then one inside the
//!   article, then any); address from `<link rel="canonical">`, else `og:url`; source from
//!   `og:site_name`.

use super::markup::{attribute, attributes, Token, Tokenizer};
use super::{entity, parse_story_date, Input, InputError, InputErrorKind, ReadOptions};
use crate::text::Document;
use rustc_hash::FxHashMap;
use std::path::Path;

/// Reads one page as one document: id from its address (canonical or `og:url`), else the file
/// name; the first story-date candidate that parses (each one before it that does not is a warning).
pub(super) fn read(path: &Path, bytes: &[u8], opts: &ReadOptions, on: &mut dyn FnMut(Input)) {
    let Some(src) = super::decode_markup(path, bytes, opts.lossy, on) else { return };
    let page = extract(&src, false);
    if page.text.is_empty() {
        let msg = "no main text in this page (only scripts, navigation or boilerplate)".to_string();
        on(Input::Skipped(InputError::new(path, None, InputErrorKind::BadRecord(msg))));
        return;
    }
    let mut date = None;
    for (source, value) in &page.dates {
        date = parse_story_date(value);
        if date.is_some() {
            break;
        }
        let msg = format!("{source} \"{value}\" is not a date I can read; ignored");
        on(Input::Warning(InputError::new(path, None, InputErrorKind::BadDate(msg))));
    }
    let date = date.or(opts.date);
    if date.is_none() {
        on(Input::Warning(InputError::new(path, None, InputErrorKind::NoDate)));
    }
    let id = page.url.clone().unwrap_or_else(|| super::doc_stem(path).to_string());
    let mut doc = Document::new(id, page.text, date);
    doc.title = page.title;
    doc.url = page.url;
    doc.source = page.site;
    on(Input::Document(doc));
}

/// Meta tags (`property`, `name` or `itemprop`, lower-cased) that carry the publication date,
/// most trusted first.
pub(super) const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "og:published_time",
    "dc.date.issued",
    "dcterms.issued",
    "date",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "citation_publication_date",
    "sailthru.date",
    "parsely-pub-date",
];

/// What a page yields.
#[derive(Debug, Default)]
pub(super) struct Page {
    /// The main text, paragraphs separated by blank lines.
    pub text: String,
    /// Headline.
    pub title: Option<String>,
    /// Canonical address.
    pub url: Option<String>,
    /// Site name.
    pub site: Option<String>,
    /// Story-date candidates, most trusted first: (where it was found, the value).
    pub dates: Vec<(String, String)>,
}

/// Elements whose whole content is dropped.
const HARD: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "select", "button", "textarea", "nav", "header", "footer", "aside", "title", "audio", "video", "noembed",
    "noframes", "dialog",
];

/// Elements that never have content (not pushed on the stack).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr", "keygen", "basefont", "frame", "command",
];

/// Elements that start and end a paragraph.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// ARIA roles of page furniture: dropped like `nav`, `header`, `footer`, `aside`.
const HARD_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog"];

/// Words in a class or id (split at `-`, `_` and spaces) that mark boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "related",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "cookie",
    "cookies",
    "newsletter",
    "subscribe",
    "subscription",
    "promo",
    "comments",
    "comment",
    "masthead",
    "toolbar",
    "popup",
    "modal",
    "sponsored",
    "outbrain",
    "taboola",
    "disqus",
    "skip",
    "paywall",
];

/// Whole class names of text no reader sees (`hidden-xs` only hides on small screens: not listed).
const HIDDEN_CLASSES: &[&str] =
    &["hidden", "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "invisible"];

/// Lines that are page furniture wherever they stand (compared lower-cased).
const STOCK_LINES: &[&str] = &[
    "advertisement",
    "advertising",
    "skip to content",
    "skip to main content",
    "share",
    "share this",
    "share this article",
    "read more",
    "continue reading",
    "sign up",
    "subscribe",
    "related",
    "related articles",
    "most read",
    "most popular",
    "comments",
    "accept cookies",
    "loading...",
    "menu",
    "search",
];

// Element flags.
const F_HARD: u8 = 1;
const F_SOFT: u8 = 2;
const F_MAIN: u8 = 4;
const F_LINK: u8 = 8;
const F_H1: u8 = 16;

struct Open {
    id: u32,
    flags: u8,
}

struct Block {
    text: String,
    links: usize,
    soft: bool,
    main: bool,
}

/// What the next text run is read as (the content of a raw-text element just opened).
enum Pending {
    None,
    Title,
    JsonLd,
}

#[derive(Default)]
struct Extractor {
    names: FxHashMap<Box<str>, u32>,
    open_count: Vec<u32>,
    stack: Vec<Open>,
    hard: usize,
    soft: usize,
    main: usize,
    link: usize,
    blocks: Vec<Block>,
    cur: String,
    cur_links: usize,
    cur_soft: bool,
    cur_main: bool,
    /// Open `h1` elements, and the first one's text (gathered even inside a dropped `<header>`).
    h1_depth: usize,
    h1_text: String,
    space: bool,
    title_tag: Option<String>,
    og_title: Option<String>,
    h1: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    site: Option<String>,
    /// (priority, source, value): meta tags by [`DATE_META`] index, then JSON-LD, then `<time>`.
    dates: Vec<(usize, String, String)>,
}

/// Extracts the main text and metadata of an HTML page (`fragment`: a piece of HTML from a feed
/// item, kept whole: no article selection, no link-density filter).
pub(super) fn extract(src: &str, fragment: bool) -> Page {
    let mut x = Extractor::default();
    let mut pending = Pending::None;
    let mut lower = String::new();
    for token in Tokenizer::html(src) {
        let was = std::mem::replace(&mut pending, Pending::None);
        match token {
            Token::Text(t) => match was {
                Pending::Title => x.title_tag = Some(collapse(&entity::decode(t))).filter(|s| !s.is_empty()),
                Pending::JsonLd => x.json_ld(t),
                Pending::None => {
                    x.h1_text(t);
                    if x.hard == 0 {
                        x.text(t);
                    }
                }
            },
            Token::Start { name, attrs, self_closing, .. } => {
                lower.clear();
                lower.push_str(name);
                lower.make_ascii_lowercase();
                pending = x.start(&lower, attrs, self_closing);
            }
            Token::End { name, .. } => {
                lower.clear();
                lower.push_str(name);
                lower.make_ascii_lowercase();
                x.end(&lower);
            }
            Token::Cdata(_) | Token::Other => {}
        }
    }
    x.flush();
    x.finish(fragment)
}

impl Extractor {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.insert(name.into(), id);
        self.open_count.push(0);
        id
    }

    fn start(&mut self, name: &str, attrs: &str, self_closing: bool) -> Pending {
        if BLOCK.contains(&name) {
            self.flush();
        }
        let mut pending = Pending::None;
        match name {
            "meta" => self.meta(attrs),
            "link" => {
                let rel = attribute(attrs, "rel").unwrap_or("");
                if self.canonical.is_none()
                    && rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    self.canonical = attribute(attrs, "href").map(|h| entity::decode(h.trim()).into_owned());
                }
            }
            "time" => {
                if let Some(dt) = attribute(attrs, "datetime").filter(|d| !d.trim().is_empty()) {
                    let marked = attribute(attrs, "pubdate").is_some()
                        || attribute(attrs, "itemprop")
                            .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"));
                    let tier = if marked {
                        1
                    } else if self.main > 0 {
                        2
                    } else {
                        3
                    };
                    let what = ["", "<time pubdate>", "<time> in the article", "<time>"][tier];
                    self.date(DATE_META.len() + tier, what.to_string(), dt);
                }
            }
            "title" if self.hard == 0 && self.title_tag.is_none() && !self_closing => {
                pending = Pending::Title
            }
            "script"
                if !self_closing
                    && attribute(attrs, "type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) =>
            {
                pending = Pending::JsonLd
            }
            _ => {}
        }
        if self_closing || VOID.contains(&name) {
            return pending;
        }
        let flags = flags(name, attrs) | if name == "h1" { F_H1 } else { 0 };
        let id = self.id(name);
        self.open_count[id as usize] += 1;
        self.count(flags, true);
        self.stack.push(Open { id, flags });
        pending
    }

    fn end(&mut self, name: &str) {
        if BLOCK.contains(&name) {
            self.flush();
        }
        let Some(&id) = self.names.get(name) else { return };
        if self.open_count[id as usize] == 0 {
            return;
        }
        // Pop up to and including the nearest open element of this name; anything above it was
        // left unclosed. Each element is popped once, so this stays linear.
        while let Some(open) = self.stack.pop() {
            self.open_count[open.id as usize] -= 1;
            self.count(open.flags, false);
            if open.id == id {
                break;
            }
        }
        if self.h1_depth == 0 && self.h1.is_none() && !self.h1_text.is_empty() {
            self.h1 = Some(collapse(&self.h1_text)).filter(|t| !t.is_empty());
            self.h1_text.clear();
        }
    }

    fn count(&mut self, flags: u8, up: bool) {
        for (bit, counter) in [
            (F_HARD, &mut self.hard),
            (F_SOFT, &mut self.soft),
            (F_MAIN, &mut self.main),
            (F_LINK, &mut self.link),
            (F_H1, &mut self.h1_depth),
        ] {
            if flags & bit != 0 {
                if up {
                    *counter += 1;
                } else {
                    *counter -= 1;
                }
            }
        }
    }

    /// Gathers the text of the first `<h1>`, wherever it stands.
    fn h1_text(&mut self, raw: &str) {
        if self.h1_depth > 0 && self.h1.is_none() {
            self.h1_text.push_str(&entity::decode(raw));
        }
    }

    /// Appends a text run to the current paragraph, decoding references and collapsing spaces.
    fn text(&mut self, raw: &str) {
        let decoded = entity::decode(raw);
        let before = self.cur.len();
        for c in decoded.chars() {
            if c.is_whitespace() || c == '\u{feff}' {
                self.space = true;
                continue;
            }
            // Controls, soft hyphens and zero-width characters would split words.
            if c.is_control() || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}') {
                continue;
            }
            if self.space && !self.cur.is_empty() {
                self.cur.push(' ');
            }
            self.space = false;
            self.cur.push(c);
        }
        if self.cur.len() > before {
            if self.link > 0 {
                self.cur_links += self.cur.len() - before;
            }
            self.cur_soft |= self.soft > 0;
            self.cur_main |= self.main > 0;
        }
    }

    /// Ends the current paragraph.
    fn flush(&mut self) {
        self.space = false;
        if self.cur.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.cur);
        self.blocks.push(Block { text, links: self.cur_links, soft: self.cur_soft, main: self.cur_main });
        self.cur_links = 0;
        self.cur_soft = false;
        self.cur_main = false;
    }

    fn meta(&mut self, attrs: &str) {
        let mut key = None;
        let mut content = None;
        for (n, v) in attributes(attrs) {
            if n.eq_ignore_ascii_case("property")
                || n.eq_ignore_ascii_case("name")
                || n.eq_ignore_ascii_case("itemprop")
            {
                key.get_or_insert(v);
            } else if n.eq_ignore_ascii_case("content") || n.eq_ignore_ascii_case("datetime") {
                content.get_or_insert(v);
            }
        }
        let (Some(key), Some(content)) = (key, content) else { return };
        let key = key.trim().to_ascii_lowercase();
        let value = || collapse(&entity::decode(content));
        match key.as_str() {
            "og:title" | "twitter:title" if self.og_title.is_none() => {
                self.og_title = Some(value()).filter(|v| !v.is_empty())
            }
            "og:url" if self.og_url.is_none() => self.og_url = Some(value()).filter(|v| !v.is_empty()),
            "og:site_name" if self.site.is_none() => self.site = Some(value()).filter(|v| !v.is_empty()),
            _ => {
                if let Some(rank) = DATE_META.iter().position(|k| *k == key) {
                    let attr = if attribute(attrs, "property").is_some() { "property" } else { "name" };
                    self.date(rank, format!("<meta {attr}=\"{key}\">"), content);
                }
            }
        }
    }

    fn date(&mut self, rank: usize, source: String, value: &str) {
        let value = collapse(&entity::decode(value));
        if !value.is_empty() {
            self.dates.push((rank, source, value));
        }
    }

    /// `datePublished` from a JSON-LD block (anywhere in it: `@graph`, nested objects, arrays).
    fn json_ld(&mut self, raw: &str) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(raw.trim()) else { return };
        let mut queue = std::collections::VecDeque::from([&value]);
        while let Some(v) = queue.pop_front() {
            match v {
                serde_json::Value::Object(m) => {
                    if let Some(serde_json::Value::String(d)) = m.get("datePublished") {
                        self.date(DATE_META.len(), "JSON-LD datePublished".to_string(), d);
                        return;
                    }
                    queue.extend(m.values());
                }
                serde_json::Value::Array(a) => queue.extend(a.iter()),
                _ => {}
            }
        }
    }

    fn finish(mut self, fragment: bool) -> Page {
        let len = |b: &Block| b.text.len();
        let total: usize = self.blocks.iter().map(len).sum();
        let firm: usize = self.blocks.iter().filter(|b| !b.soft).map(len).sum();
        // Soft drops that would remove over three quarters of the text misfired (a page-wide form).
        let keep_soft = firm * 4 < total;
        let kept: Vec<&Block> = self.blocks.iter().filter(|b| keep_soft || !b.soft).collect();
        let kept_len: usize = kept.iter().map(|b| b.text.len()).sum();
        let main_len: usize = kept.iter().filter(|b| b.main).map(|b| b.text.len()).sum();
        let only_main = !fragment && main_len > 0 && (main_len >= 200 || main_len * 2 >= kept_len);
        let mut text = String::with_capacity(kept_len + 2 * kept.len());
        for b in kept {
            if only_main && !b.main {
                continue;
            }
            if !fragment && b.links * 2 > b.text.len() {
                continue;
            }
            if b.text.len() <= 24 && STOCK_LINES.contains(&b.text.to_lowercase().as_str()) {
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&b.text);
        }
        self.dates.sort_by_key(|d| d.0);
        Page {
            text,
            title: self.og_title.or(self.title_tag).or(self.h1),
            url: self.canonical.filter(|u| !u.is_empty()).or(self.og_url),
            site: self.site,
            dates: self.dates.into_iter().map(|(_, s, v)| (s, v)).collect(),
        }
    }
}

/// The flags an element gets from its name and attributes.
fn flags(name: &str, attrs: &str) -> u8 {
    let mut f = 0;
    if HARD.contains(&name) {
        f |= F_HARD;
    }
    if name == "a" {
        f |= F_LINK;
    }
    if name == "form" {
        f |= F_SOFT;
    }
    if matches!(name, "article" | "main") {
        f |= F_MAIN;
    }
    let mut lower = String::new();
    for (n, v) in attributes(attrs) {
        lower.clear();
        lower.push_str(n);
        lower.make_ascii_lowercase();
        match lower.as_str() {
            "role" if HARD_ROLES.iter().any(|r| v.eq_ignore_ascii_case(r)) => f |= F_HARD,
            "role" if v.eq_ignore_ascii_case("main") => f |= F_MAIN,
            "itemprop" if v.eq_ignore_ascii_case("articlebody") => f |= F_MAIN,
            "hidden" => f |= F_SOFT,
            "aria-hidden" if v.eq_ignore_ascii_case("true") => f |= F_SOFT,
            "style" => {
                let s: String =
                    v.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
                if s.contains("display:none") || s.contains("visibility:hidden") {
                    f |= F_SOFT;
                }
            }
            "class" | "id" if !matches!(name, "html" | "body" | "main" | "article") && boilerplate(v) => {
                f |= F_SOFT
            }
            _ => {}
        }
    }
    f
}

/// Whether a class or id names boilerplate: a word of it (split at spaces, `-`, `_`) is in
/// [`BOILERPLATE_WORDS`], or a whole class is in [`HIDDEN_CLASSES`].
fn boilerplate(v: &str) -> bool {
    let word = |w: &str| BOILERPLATE_WORDS.iter().any(|b| w.eq_ignore_ascii_case(b));
    let class = |w: &str| HIDDEN_CLASSES.iter().any(|b| w.eq_ignore_ascii_case(b));
    v.split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_').any(word)
        || v.split_ascii_whitespace().any(class)
}

/// Collapses runs of whitespace to one space and trims.
pub(super) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;

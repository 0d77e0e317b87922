//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per `<item>` or `<entry>`.
//!
//! The [`markup`](super::markup) tokenizer in XML mode feeds a stack of open elements. A
//! document is the item's title, a blank line, and its content (`content:encoded` or Atom
//! `content`, else `description` or `summary`), HTML in it turned into text by
//! [`html::extract`](super::html::extract); the title only once when the content starts with it.
//! Its story date is the first of `pubDate`, `published`,
//! `dc:date`, `dcterms:issued`, `dcterms:created`, `issued`, `updated` that parses; its url the
//! `link` (Atom: `href` of the alternate link); its id the `guid` / Atom `id` (else
//! `rdf:about`, the link, or `file:line`); its source the feed's own title.
//!
//! DTDs are skipped, never read: an entity they declare stays as written, so a "billion laughs"
//! file costs nothing. An item whose tags do not match (or that is never closed) is reported with
//! its line and skipped; the other items are still read.

use super::html::{self, collapse};
use super::markup::{attribute, Token, Tokenizer};
use super::{entity, parse_story_date, Input, InputError, InputErrorKind, ReadOptions};
use crate::text::Document;
use rustc_hash::FxHashMap;
use std::path::Path;

/// Date elements of an item, (prefix, local name), most trusted first.
const DATE_FIELDS: &[(&str, &str)] = &[
    ("", "pubDate"),
    ("", "published"),
    ("dc", "date"),
    ("dcterms", "issued"),
    ("dcterms", "created"),
    ("", "issued"),
    ("", "updated"),
];

/// HTML elements without content, read as closed when unescaped HTML sits in a feed (not `link`,
/// which is a real element in RSS).
const HTML_VOID: &[&str] =
    &["br", "img", "hr", "wbr", "input", "meta", "col", "area", "source", "embed", "param", "track"];

/// A direct child element of an item: name, attributes, raw inner markup.
struct Field<'a> {
    prefix: &'a str,
    local: &'a str,
    attrs: &'a str,
    inner: &'a str,
}

struct Item<'a> {
    line: usize,
    /// Stack depth of the item element itself.
    depth: usize,
    attrs: &'a str,
    fields: Vec<Field<'a>>,
    /// The child element open right now: (name, attributes, where its content starts).
    child: Option<(&'a str, &'a str, usize)>,
    error: Option<String>,
}

/// Turns 0-based byte offsets into 1-based lines; offsets must come in increasing order.
struct Lines<'a> {
    src: &'a [u8],
    pos: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.src.len());
        if offset > self.pos {
            self.line += self.src[self.pos..offset].iter().filter(|&&b| b == b'\n').count();
            self.pos = offset;
        }
        self.line
    }
}

fn split_name(name: &str) -> (&str, &str) {
    name.split_once(':').unwrap_or(("", name))
}

/// Whether `name` is (prefix, local); an empty expected prefix also accepts `atom:` and `rss:`.
fn is(name: (&str, &str), prefix: &str, local: &str) -> bool {
    name.1.eq_ignore_ascii_case(local)
        && (name.0.eq_ignore_ascii_case(prefix)
            || (prefix.is_empty()
                && (name.0.eq_ignore_ascii_case("atom") || name.0.eq_ignore_ascii_case("rss"))))
}

/// Reads a feed. `complete` is false when the input was cut short (a truncated or over-large
/// gzip stream, reported by the caller): an item left open at the end is then dropped silently.
pub(super) fn read(path: &Path, src: &str, opts: &ReadOptions, complete: bool, on: &mut dyn FnMut(Input)) {
    let stem = super::doc_stem(path);
    let mut lines = Lines { src: src.as_bytes(), pos: 0, line: 1 };
    let mut stack: Vec<&str> = Vec::new();
    let mut open: FxHashMap<&str, u32> = FxHashMap::default();
    let mut item: Option<Item> = None;
    let mut feed_title: Option<String> = None;
    let mut title_at: Option<(usize, usize)> = None;
    let mut seen_root = false;
    let mut items = 0usize;
    for token in Tokenizer::xml(src) {
        match token {
            Token::Start { name, attrs, self_closing, at, end } => {
                let local = split_name(name).1;
                // Unescaped HTML in a description often has `<br>` or `<img>` without `/>`.
                let self_closing = self_closing
                    || (!name.contains(':') && HTML_VOID.iter().any(|v| local.eq_ignore_ascii_case(v)));
                if !seen_root {
                    seen_root = true;
                    if !["rss", "feed", "rdf"].iter().any(|r| local.eq_ignore_ascii_case(r)) {
                        let line = lines.at(at);
                        let msg = format!(
                            "the XML root element <{name}> is neither RSS (<rss>, <rdf:RDF>) nor Atom (<feed>); skipped"
                        );
                        on(Input::Skipped(InputError::new(
                            path,
                            Some(line),
                            InputErrorKind::UnknownFormat(msg),
                        )));
                        return;
                    }
                }
                let is_item = is(split_name(name), "", "item") || is(split_name(name), "", "entry");
                if is_item && !self_closing {
                    let line = lines.at(at);
                    if let Some(prev) = item.take() {
                        on(unclosed(path, &prev, &format!("before the next one at line {line}")));
                    }
                    items += 1;
                    item = Some(Item {
                        line,
                        depth: stack.len() + 1,
                        attrs,
                        fields: Vec::new(),
                        child: None,
                        error: None,
                    });
                } else if item.is_none()
                    && !self_closing
                    && feed_title.is_none()
                    && is(split_name(name), "", "title")
                {
                    // The feed's own title: a `title` straight under `channel` or `feed`.
                    let parent = stack.last().map(|p| split_name(p).1);
                    if parent
                        .is_some_and(|p| p.eq_ignore_ascii_case("channel") || p.eq_ignore_ascii_case("feed"))
                    {
                        title_at = Some((stack.len() + 1, end));
                    }
                } else if let Some(it) = item.as_mut().filter(|it| stack.len() == it.depth) {
                    let (prefix, local) = split_name(name);
                    if self_closing {
                        it.fields.push(Field { prefix, local, attrs, inner: "" });
                    } else {
                        it.child = Some((name, attrs, end));
                    }
                }
                if !self_closing {
                    stack.push(name);
                    *open.entry(name).or_default() += 1;
                }
            }
            Token::End { name, at } => {
                let count = open.get(name).copied().unwrap_or(0);
                if count == 0 {
                    if let Some(it) = item.as_mut() {
                        let line = lines.at(at);
                        it.error.get_or_insert_with(|| format!("</{name}> at line {line} closes nothing"));
                    }
                    continue;
                }
                if let Some(it) = item.as_mut() {
                    if stack.last() != Some(&name) {
                        let line = lines.at(at);
                        let top = stack.last().copied().unwrap_or("");
                        it.error.get_or_insert_with(|| {
                            format!("</{name}> at line {line} does not close <{top}>")
                        });
                    } else if stack.len() == it.depth + 1 {
                        if let Some((child, attrs, content)) = it.child.take() {
                            let (prefix, local) = split_name(child);
                            it.fields.push(Field { prefix, local, attrs, inner: &src[content..at] });
                        }
                    }
                }
                while let Some(top) = stack.pop() {
                    *open.get_mut(top).expect("open element counted") -= 1;
                    if top == name {
                        break;
                    }
                }
                match item.take() {
                    Some(it) if stack.len() < it.depth => {
                        if it.error.is_some() || stack.len() + 1 < it.depth {
                            let line = lines.at(at);
                            let why = it
                                .error
                                .clone()
                                .unwrap_or_else(|| format!("</{name}> at line {line} closes it"));
                            on(Input::Skipped(bad(path, it.line, format!("item is malformed: {why}"))));
                        } else {
                            emit(path, stem, &it, feed_title.as_deref(), opts, on);
                        }
                    }
                    Some(it) => item = Some(it),
                    None => {
                        if let Some((depth, content)) = title_at.take_if(|t| stack.len() < t.0) {
                            if stack.len() + 1 == depth {
                                feed_title =
                                    Some(text_of(&src[content..at], false)).filter(|t| !t.is_empty());
                            }
                        }
                    }
                }
            }
            Token::Text(_) | Token::Cdata(_) | Token::Other => {}
        }
    }
    if !seen_root {
        let msg = "no XML element found; not an RSS or Atom feed".to_string();
        on(Input::Skipped(InputError::new(path, None, InputErrorKind::UnknownFormat(msg))));
        return;
    }
    if let Some(it) = item {
        if complete {
            on(unclosed(path, &it, "before the end of the file"));
        }
    }
    if items == 0 {
        on(Input::Warning(InputError::new(path, None, InputErrorKind::EmptyFile)));
    }
}

fn bad(path: &Path, line: usize, msg: String) -> InputError {
    InputError::new(path, Some(line), InputErrorKind::BadRecord(msg))
}

fn unclosed(path: &Path, it: &Item, when: &str) -> Input {
    Input::Skipped(bad(path, it.line, format!("<item> is not closed {when}")))
}

/// One XML level decoded: references resolved, CDATA unwrapped, child tags kept as markup.
fn xml_text(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    for t in Tokenizer::xml(inner) {
        match t {
            Token::Text(s) => entity::decode_into(s, &mut out),
            Token::Cdata(s) => out.push_str(s),
            Token::Start { at, end, .. } => out.push_str(&inner[at..end]),
            Token::End { name, .. } => {
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
            Token::Other => {}
        }
    }
    out
}

/// The text of an element's content; `html` content is markup to extract text from.
fn text_of(inner: &str, html: bool) -> String {
    let decoded = xml_text(inner);
    if html || decoded.contains('<') {
        html::extract(&decoded, true).text
    } else {
        collapse(&decoded)
    }
}

/// The text of a field, by its kind: Atom's `type` attribute (`text`, `html`, `xhtml`), or for RSS
/// `description` and `content:encoded`, HTML.
fn field_text(f: &Field, rss_html: bool) -> String {
    match attribute(f.attrs, "type").map(|t| t.trim().to_ascii_lowercase()).as_deref() {
        Some("xhtml") => html::extract(f.inner, true).text,
        Some("html" | "text/html") => text_of(f.inner, true),
        Some("text" | "text/plain") => collapse(&xml_text(f.inner)),
        _ => text_of(f.inner, rss_html),
    }
}

fn emit(
    path: &Path,
    stem: &str,
    it: &Item,
    feed_title: Option<&str>,
    opts: &ReadOptions,
    on: &mut dyn FnMut(Input),
) {
    let find = |prefix: &str, local: &str| it.fields.iter().find(|f| is((f.prefix, f.local), prefix, local));
    let title = find("", "title").map(|f| field_text(f, false)).filter(|t| !t.is_empty());
    let body = [("content", "encoded"), ("", "content"), ("", "description"), ("", "summary")]
        .iter()
        .filter_map(|(p, l)| find(p, l))
        .map(|f| field_text(f, true))
        .find(|t| !t.is_empty());
    let text = match (&title, &body) {
        // A description that repeats the headline is not given it twice (nor its events).
        (Some(t), Some(b)) if b.starts_with(t.as_str()) => b.clone(),
        (Some(t), Some(b)) => format!("{t}\n\n{b}"),
        (Some(t), None) => t.clone(),
        (None, Some(b)) => b.clone(),
        (None, None) => {
            on(Input::Skipped(bad(path, it.line, "item has no title, description or content".into())));
            return;
        }
    };
    let url = it
        .fields
        .iter()
        .filter(|f| is((f.prefix, f.local), "", "link"))
        .find_map(|f| match attribute(f.attrs, "href") {
            Some(href) => attribute(f.attrs, "rel")
                .is_none_or(|r| r.trim().eq_ignore_ascii_case("alternate"))
                .then(|| collapse(&entity::decode(href))),
            None => Some(collapse(&xml_text(f.inner))),
        })
        .filter(|u| !u.is_empty());
    let id = find("", "guid")
        .or_else(|| find("", "id"))
        .map(|f| collapse(&xml_text(f.inner)))
        .filter(|s| !s.is_empty())
        .or_else(|| attribute(it.attrs, "rdf:about").map(|a| collapse(&entity::decode(a))))
        .or_else(|| url.clone())
        .unwrap_or_else(|| format!("{stem}:{}", it.line));
    let mut date = None;
    for (p, l) in DATE_FIELDS {
        let Some(f) = find(p, l) else { continue };
        let value = collapse(&xml_text(f.inner));
        if value.is_empty() {
            continue;
        }
        date = parse_story_date(&value);
        if date.is_some() {
            break;
        }
        let name = if p.is_empty() { l.to_string() } else { format!("{p}:{l}") };
        let msg = format!("<{name}>{value}</{name}> is not a date I can read; ignored");
        on(Input::Warning(InputError::new(path, Some(it.line), InputErrorKind::BadDate(msg))));
    }
    let date = date.or(opts.date);
    if date.is_none() {
        on(Input::Warning(InputError::new(path, Some(it.line), InputErrorKind::NoDate)));
    }
    let mut doc = Document::new(id, text, date);
    doc.title = title;
    doc.url = url;
    doc.source = feed_title.map(str::to_string);
    on(Input::Document(doc));
}

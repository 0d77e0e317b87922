//! Documents in: plain text, HTML pages, RSS/Atom feeds, JSONL corpora, gzip of any of them, and
//! standard input.
//!
//! [`Reader`] turns a path (or `-` for stdin) into [`Document`]s delivered one at a time to a
//! callback, together with warnings and skipped records. A bad record is reported with its file
//! and line and skipped; it never stops the rest of the input. Inputs are streamed: JSONL is read
//! line by line (a corpus never sits in memory whole); a page, feed or text file is one read.
//!
//! * **Plain text** (`*.txt`): one document per file. An optional header block of `Key: value`
//!   lines at the top (`Date:`, `Title:`, `Source:`, `URL:`, `ID:`), ended by a blank line, gives
//!   its metadata; the body after it is the document.
//! * **HTML** (`*.html`, `*.htm`, `*.xhtml`): one document per page, its main text with title,
//!   story date and address from the page's metadata (module `html`).
//! * **Feeds** (`*.xml`, `*.rss`, `*.atom`, `*.rdf`): RSS 2.0, RSS 1.0 and Atom, one document per
//!   item (module `feed`).
//! * **JSONL** (`*.jsonl`, `*.ndjson`): one JSON object per line with `text` (required), `id`,
//!   `date`, `title`, `url`, `source`.
//! * **CoNLL-U** (`*.conllu`): Universal Dependencies parses, one document per `# newdoc` /
//!   `# doc_id` (else per sentence), text from `# text`, date from `# date`; the parse goes with
//!   the document for `--use-parse` (module `conllu`).
//! * **gzip** (`*.gz`): decompressed on the fly, format by the inner name (`corpus.jsonl.gz`),
//!   size capped by [`ReadOptions::max_decompressed`] (module `compress`).
//!
//! Anything else (stdin, an unknown extension) is recognised by its first bytes: `{` is JSONL,
//! `<!doctype html` or `<html` HTML, `<rss`/`<feed`/`<rdf:RDF` a feed, other text plain text;
//! binary data is reported, not read.
//!
//! The story date is the document's own (header, record, page metadata, item date);
//! `ReadOptions::date` fills in for documents without one. Story dates accept ISO / RFC 3339
//! (`2019-02-02`, with or without a time), `2019/02/02`, `20190202`, `February 2, 2019`,
//! `2 February 2019` and RFC 2822 (`Sat, 02 Feb 2019 10:00:00 GMT`).

mod compress;
mod conllu;
mod entity;
mod error;
mod events;
mod feed;
mod html;
mod jsonl;
mod markup;
mod plain;
mod story_date;

pub use compress::DEFAULT_MAX_DECOMPRESSED;
pub use error::{InputError, InputErrorKind};
pub use events::{EventFormat, EventRecord, EventWriter, QuantityRecord, HEADER, PHOENIX_COLUMNS};
pub use story_date::parse_story_date;

use crate::text::Document;
use crate::when::Date;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// How to read an input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension (`.txt`, `.html`/`.htm`/`.xhtml`, `.xml`/`.rss`/`.atom`/`.rdf`,
    /// `.jsonl`/`.ndjson`, `.conllu`, each optionally `.gz`), else by the first bytes.
    #[default]
    Auto,
    /// One document per file.
    Text,
    /// One JSON document per line.
    Jsonl,
    /// One HTML page per file: its main text.
    Html,
    /// An RSS or Atom feed: one document per item.
    Feed,
    /// CoNLL-U (Universal Dependencies): documents with their parses.
    Conllu,
}

/// Options for [`Reader`].
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Format; `Auto` by default.
    pub format: InputFormat,
    /// Story date for documents that carry none.
    pub date: Option<Date>,
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of skipping the input.
    pub lossy: bool,
    /// Most bytes one gzip input may decompress to ([`DEFAULT_MAX_DECOMPRESSED`], 1 GiB, by
    /// default); past it the input stops with an error and what was read before is kept.
    pub max_decompressed: u64,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: InputFormat::Auto,
            date: None,
            lossy: false,
            max_decompressed: DEFAULT_MAX_DECOMPRESSED,
        }
    }
}

/// What reading produces, in input order.
#[derive(Debug)]
pub enum Input {
    /// A document.
    Document(Document),
    /// Something the user should know; the document (if any) was still read.
    Warning(InputError),
    /// A record or file that could not be read and was skipped.
    Skipped(InputError),
}

/// Reads documents from files, folders and stdin.
#[derive(Clone, Debug, Default)]
pub struct Reader {
    opts: ReadOptions,
}

/// How many leading bytes are looked at to recognise a format.
const SNIFF: usize = 8 << 10;

/// Extensions read when walking a folder (each also with `.gz`).
const EXTENSIONS: &[&str] =
    &["txt", "jsonl", "ndjson", "html", "htm", "xhtml", "xml", "rss", "atom", "rdf", "conllu"];

impl Reader {
    /// A reader with these options.
    pub fn new(opts: ReadOptions) -> Reader {
        Reader { opts }
    }

    /// Reads `path` (`-` for stdin; a folder is read recursively: the files with a known
    /// extension, hidden files and folders skipped, in sorted order), calling `on` for every
    /// document, warning and skipped record.
    pub fn read_path(&self, path: &Path, on: &mut dyn FnMut(Input)) {
        if path == Path::new("-") {
            let stdin = std::io::stdin();
            self.read_stream(Path::new("<stdin>"), &mut stdin.lock(), on);
            return;
        }
        if path.is_dir() {
            let files = walk(path, on);
            if files.is_empty() {
                on(Input::Warning(InputError::new(path, None, InputErrorKind::EmptyFolder)));
            }
            for f in files {
                self.read_file(&f, on);
            }
            return;
        }
        self.read_file(path, on);
    }

    fn read_file(&self, path: &Path, on: &mut dyn FnMut(Input)) {
        match std::fs::File::open(path) {
            Ok(f) => self.read_stream(path, &mut std::io::BufReader::with_capacity(64 << 10, f), on),
            Err(e) => on(Input::Skipped(InputError::io(path, &e))),
        }
    }

    /// Reads one input already in memory; `path` names it in messages and picks the format.
    pub fn read_bytes(&self, path: &Path, bytes: &[u8], on: &mut dyn FnMut(Input)) {
        self.read_stream(path, &mut &bytes[..], on);
    }

    /// Reads one input from a stream; `path` names it in messages and picks the format (and
    /// gzip, by a `.gz` name or the gzip magic bytes).
    pub fn read_stream(&self, path: &Path, src: &mut dyn BufRead, on: &mut dyn FnMut(Input)) {
        let mut magic = Vec::with_capacity(2);
        if let Err(e) = (&mut *src).take(2).read_to_end(&mut magic) {
            on(Input::Skipped(InputError::io(path, &e)));
            return;
        }
        let mut src = magic.as_slice().chain(src);
        if compress::is_gzip_name(path) || magic == compress::MAGIC {
            let decoder = flate2::bufread::MultiGzDecoder::new(src);
            let limited = compress::Limited::new(decoder, self.opts.max_decompressed);
            let mut decoded = std::io::BufReader::with_capacity(64 << 10, limited);
            self.read_decoded(path, &compress::inner_name(path), &mut decoded, true, on);
        } else {
            self.read_decoded(path, path, &mut src, false, on);
        }
    }

    /// Reads a decoded stream: recognises the format (by `name`, else the first bytes) and hands
    /// the stream to its reader. A read error ends the input with one message; the documents
    /// before it have been delivered.
    fn read_decoded(
        &self,
        path: &Path,
        name: &Path,
        src: &mut dyn BufRead,
        gz: bool,
        on: &mut dyn FnMut(Input),
    ) {
        let mut head = Vec::with_capacity(SNIFF);
        let mut failure = (&mut *src).take(SNIFF as u64).read_to_end(&mut head).err();
        if let Some(e) = failure.as_ref().filter(|_| head.is_empty()) {
            // Nothing readable at all (not gzip, though named so; an unreadable file).
            on(Input::Skipped(stream_error(path, e, gz, "nothing was read")));
            return;
        }
        let format = match self.opts.format {
            InputFormat::Auto => match detect(name, &head) {
                Ok(f) => f,
                Err(msg) => {
                    on(Input::Skipped(InputError::new(path, None, InputErrorKind::UnknownFormat(msg))));
                    return;
                }
            },
            f => f,
        };
        // After a failure the stream is what was read before it.
        let mut stream: Box<dyn BufRead + '_> =
            if failure.is_some() { Box::new(head.as_slice()) } else { Box::new(head.as_slice().chain(src)) };
        if format == InputFormat::Jsonl {
            if let Err(e) = jsonl::read(path, &mut stream, &self.opts, on) {
                failure.get_or_insert(e);
            }
        } else {
            let mut bytes = Vec::new();
            if let Err(e) = stream.read_to_end(&mut bytes) {
                failure.get_or_insert(e);
            }
            drop(stream);
            match format {
                // A cut-short feed still gives its complete items; drop a character cut in two.
                InputFormat::Feed => {
                    if failure.is_some() {
                        if let Err(e) = std::str::from_utf8(&bytes) {
                            if e.error_len().is_none() {
                                bytes.truncate(e.valid_up_to());
                            }
                        }
                    }
                    if let Some(text) = decode_markup(path, &bytes, self.opts.lossy, on) {
                        feed::read(path, &text, &self.opts, failure.is_none(), on);
                    }
                }
                // A page or text cut short is not read at all: half a story would be coded as whole.
                _ if failure.is_some() => {}
                InputFormat::Html => html::read(path, &bytes, &self.opts, on),
                InputFormat::Conllu => conllu::read(path, &bytes, &self.opts, on),
                _ => plain::read(path, &bytes, &self.opts, on),
            }
        }
        if let Some(e) = failure {
            let rest = if matches!(format, InputFormat::Text | InputFormat::Html | InputFormat::Conllu) {
                "the document was not read"
            } else {
                "documents before that point were read, the rest was not"
            };
            on(Input::Skipped(stream_error(path, &e, gz, rest)));
        }
    }
}

/// The message for a stream that failed part way.
fn stream_error(path: &Path, e: &std::io::Error, gz: bool, rest: &str) -> InputError {
    let kind = match compress::limit_of(e) {
        Some(limit) => InputErrorKind::TooLarge { limit, rest: rest.to_string() },
        None if gz => InputErrorKind::Compressed(format!("{e}; {rest}")),
        None => InputErrorKind::Io(format!("{e}; {rest}")),
    };
    InputError::new(path, None, kind)
}

/// Recognises a format by the name's extension, else by the first bytes.
fn detect(name: &Path, head: &[u8]) -> Result<InputFormat, String> {
    let ext = name.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => return Ok(InputFormat::Text),
        "jsonl" | "ndjson" => return Ok(InputFormat::Jsonl),
        "html" | "htm" | "xhtml" | "shtml" => return Ok(InputFormat::Html),
        "xml" | "rss" | "atom" | "rdf" => return Ok(InputFormat::Feed),
        "conllu" => return Ok(InputFormat::Conllu),
        _ => {}
    }
    if conllu::sniff(head) {
        return Ok(InputFormat::Conllu);
    }
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = &head[start..];
    let lower = head.to_ascii_lowercase();
    let has = |s: &str| lower.windows(s.len()).any(|w| w == s.as_bytes());
    match head.first() {
        Some(b'{') => Ok(InputFormat::Jsonl),
        _ if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") => Ok(InputFormat::Html),
        Some(b'<') if has("<rss") || has("<feed") || has("<rdf:rdf") => Ok(InputFormat::Feed),
        Some(b'<') if has("<html") || has("<body") || has("<!doctype html") => Ok(InputFormat::Html),
        Some(b'<') if lower.starts_with(b"<?xml") => Ok(InputFormat::Feed),
        _ if head.contains(&0) || head.starts_with(b"%PDF") || head.starts_with(b"PK\x03\x04") => {
            let shown: Vec<String> = head.iter().take(8).map(|b| format!("{b:02x}")).collect();
            Err(format!(
                "cannot tell the format: binary data (starts with {}); axis reads text, HTML, RSS/Atom, JSONL and their .gz (--input-format)",
                shown.join(" ")
            ))
        }
        _ => Ok(InputFormat::Text),
    }
}

/// Decodes UTF-8, or reports where it is not (lossily decoding instead when asked).
fn decode<'a>(
    path: &Path,
    line: Option<usize>,
    bytes: &'a [u8],
    lossy: bool,
    on: &mut dyn FnMut(Input),
) -> Option<std::borrow::Cow<'a, str>> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(std::borrow::Cow::Borrowed(s.strip_prefix('\u{FEFF}').unwrap_or(s))),
        Err(e) => {
            let err = InputError::new(path, line, InputErrorKind::NotUtf8 { offset: e.valid_up_to(), lossy });
            if lossy {
                on(Input::Warning(err));
                Some(String::from_utf8_lossy(bytes))
            } else {
                on(Input::Skipped(err));
                None
            }
        }
    }
}

/// Decodes a page or feed: UTF-8, or — when the bytes are not UTF-8 and the markup declares
/// ISO-8859-1, Windows-1252 or ASCII (`<meta charset>`, `http-equiv` `charset=`, `<?xml encoding>`)
/// — Windows-1252, as browsers read all three labels. Anything else goes to [`decode`].
fn decode_markup<'a>(
    path: &Path,
    bytes: &'a [u8],
    lossy: bool,
    on: &mut dyn FnMut(Input),
) -> Option<std::borrow::Cow<'a, str>> {
    if std::str::from_utf8(bytes).is_err() && declared_charset(bytes).is_some_and(|c| is_latin(&c)) {
        let text = bytes.iter().map(|&b| {
            if (0x80..0xa0).contains(&b) {
                entity::C1[b as usize - 0x80]
            } else {
                char::from(b)
            }
        });
        return Some(std::borrow::Cow::Owned(text.collect()));
    }
    decode(path, None, bytes, lossy, on)
}

/// The character set a page or feed declares in its first 2 KiB, lower-cased.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes[..bytes.len().min(2048)].to_ascii_lowercase();
    let find = |key: &[u8]| head.windows(key.len()).position(|w| w == key).map(|i| i + key.len());
    let at = find(b"charset=").or_else(|| find(b"encoding="))?;
    let value: String = head[at..]
        .iter()
        .skip_while(|b| **b == b'"' || **b == b'\'' || b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| char::from(b))
        .collect();
    (!value.is_empty()).then_some(value)
}

fn is_latin(charset: &str) -> bool {
    matches!(
        charset,
        "iso-8859-1"
            | "iso8859-1"
            | "iso_8859-1"
            | "latin1"
            | "latin-1"
            | "l1"
            | "windows-1252"
            | "cp1252"
            | "x-cp1252"
            | "us-ascii"
            | "ascii"
    )
}

/// The default document id for a file: its stem (`stdin` for standard input), without `.gz`.
fn doc_stem(path: &Path) -> &str {
    if path == Path::new("<stdin>") {
        return "stdin";
    }
    let name = path.file_name().and_then(|s| s.to_str()).unwrap_or("doc");
    let name = name.strip_suffix(".gz").or_else(|| name.strip_suffix(".GZ")).unwrap_or(name);
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

/// Whether a folder walk reads this file: a known extension, optionally followed by `.gz`.
fn is_known(path: &Path) -> bool {
    let inner = compress::inner_name(path);
    inner
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The files under `dir` that axis reads, sorted; hidden entries (`.name`) are skipped, and so are
/// symbolic links to folders (no loops). A folder that cannot be listed is reported; the walk goes on.
fn walk(dir: &Path, on: &mut dyn FnMut(Input)) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                on(Input::Skipped(InputError::io(&d, &e)));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    on(Input::Skipped(InputError::io(&d, &e)));
                    continue;
                }
            };
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                todo.push(path);
            } else if (kind.is_file() || (kind.is_symlink() && path.is_file())) && is_known(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[cfg(test)]
mod tests;

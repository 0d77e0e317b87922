//! Reader tests: each input shape and each kind of bad input, as a table.

use super::*;

/// Reads `bytes` as if from `name`; returns one line per callback: `doc id date sentences`,
/// `warn MESSAGE` or `skip MESSAGE`.
fn read(name: &str, bytes: &[u8], opts: ReadOptions) -> Vec<String> {
    let mut out = Vec::new();
    Reader::new(opts).read_bytes(Path::new(name), bytes, &mut |item| {
        out.push(match item {
            Input::Document(d) => format!(
                "doc {} {} {}",
                d.id,
                d.date.map_or("-".to_string(), |d| d.to_string()),
                d.sentences().len()
            ),
            Input::Warning(e) => format!("warn {e}"),
            Input::Skipped(e) => format!("skip {e}"),
        })
    });
    out
}

fn with_date(d: &str) -> ReadOptions {
    ReadOptions { date: Some(Date::parse(d).unwrap()), ..ReadOptions::default() }
}

#[test]
fn table() {
    let table: &[(&str, &[u8], ReadOptions, &[&str])] = &[
        ("a.txt", b"Date: 2019-02-02\nTitle: T\n\nOne. Two.", ReadOptions::default(), &["doc a 2019-02-02 2"]),
        ("a.txt", b"ID: x1\nDate: February 2, 2019\nBody starts here.", ReadOptions::default(), &["doc x1 2019-02-02 1"]),
        ("a.txt", b"Just text. No header.", with_date("2020-01-01"), &["doc a 2020-01-01 2"]),
        ("a.txt", b"Date: 2019-02-02\n\nOwn date wins.", with_date("2020-01-01"), &["doc a 2019-02-02 1"]),
        (
            "a.txt",
            b"Just text.",
            ReadOptions::default(),
            &["warn a.txt: no story date (give --date, a 'Date:' header line or a JSONL \"date\"); relative dates like 'last year' stay unresolved", "doc a - 1"],
        ),
        (
            "a.txt",
            b"Date: someday\n\nText.",
            with_date("2020-01-01"),
            &["warn a.txt:1: 'Date: someday' is not a date I can read; ignored", "doc a 2020-01-01 1"],
        ),
        (
            "bad.txt",
            b"caf\xe9 au lait",
            ReadOptions::default(),
            &["skip bad.txt: not UTF-8 at byte 3; skipped (convert it to UTF-8, or pass --lossy to replace bad bytes)"],
        ),
        (
            "bad.txt",
            b"caf\xe9 au lait.",
            ReadOptions { lossy: true, ..with_date("2019-01-01") },
            &["warn bad.txt: not UTF-8 at byte 3; bad bytes replaced with U+FFFD", "doc bad 2019-01-01 1"],
        ),
        (
            "c.jsonl",
            b"{\"id\":\"a\",\"date\":\"2019-02-02\",\"text\":\"One. Two.\"}\n\n{\"id\":7,\"text\":\"Seven.\"}\n",
            with_date("2018-01-01"),
            &["doc a 2019-02-02 2", "doc 7 2018-01-01 1"],
        ),
        (
            "c.jsonl",
            b"{\"text\":\"ok.\",\"date\":\"2019-02-02\"}\nnot json\n{\"id\":\"x\"}\n{\"text\":\"still read.\",\"date\":\"2019-02-03\"}\n",
            ReadOptions::default(),
            &[
                "doc c:1 2019-02-02 1",
                "skip c.jsonl:2: bad record: not a JSON object (expected ident at line 1 column 2); skipped",
                "skip c.jsonl:3: bad record: no \"text\" field; skipped",
                "doc c:4 2019-02-03 1",
            ],
        ),
        (
            "c.jsonl",
            b"{\"text\":\"ok.\",\"date\":\"2019-02-02\"}\n{\"text\":\"caf\xe9\"}\n",
            ReadOptions::default(),
            &["doc c:1 2019-02-02 1", "skip c.jsonl:2: not UTF-8 at byte 12; skipped (convert it to UTF-8, or pass --lossy to replace bad bytes)"],
        ),
        ("<stdin>", b"  {\"text\":\"From stdin.\",\"date\":\"2019-02-02\"}", ReadOptions::default(), &["doc stdin:1 2019-02-02 1"]),
        ("<stdin>", b"Plain from stdin.", with_date("2019-02-02"), &["doc stdin 2019-02-02 1"]),
        ("e.jsonl", b"\n\n", ReadOptions::default(), &["warn e.jsonl: no documents in this file"]),
    ];
    for (name, bytes, opts, want) in table {
        assert_eq!(read(name, bytes, opts.clone()), *want, "{name}: {:?}", String::from_utf8_lossy(bytes));
    }
}

/// Reads `bytes` as if from `name`; one line per callback with the document's metadata and text.
fn read_full(name: &str, bytes: &[u8], opts: ReadOptions) -> Vec<String> {
    let mut out = Vec::new();
    Reader::new(opts).read_bytes(Path::new(name), bytes, &mut |item| {
        out.push(match item {
            Input::Document(d) => format!(
                "doc {} {} url={} title={} source={} | {}",
                d.id,
                d.date.map_or("-".to_string(), |d| d.to_string()),
                d.url.as_deref().unwrap_or("-"),
                d.title.as_deref().unwrap_or("-"),
                d.source.as_deref().unwrap_or("-"),
                d.raw().replace("\n\n", " / ")
            ),
            Input::Warning(e) => format!("warn {e}"),
            Input::Skipped(e) => format!("skip {e}"),
        })
    });
    out
}

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/io").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn rss_feed_items() {
    let got = read_full("feed.xml", &fixture("feed.xml"), ReadOptions::default());
    let want = [
        "doc axis-1001 2019-02-02 url=https://news.example/world/2019/02/02/border-clash title=Troops clash on the border source=The Daily Axis & Friends | Troops clash on the border / Russian troops attacked Ukrainian positions last year, officials said. / Talks & more talks followed.",
        "doc https://news.example/asia/2015/05/08/beijing 2015-05-08 url=https://news.example/asia/2015/05/08/beijing title=Leaders meet in Beijing source=The Daily Axis & Friends | Leaders meet in Beijing / Russia's 2014 invasion of Ukraine shocked Europe. / China said it wants “peace”.",
        "skip feed.xml:26: bad record: item is malformed: </title> at line 28 closes nothing; skipped",
        "warn feed.xml:31: <pubDate>sometime soon</pubDate> is not a date I can read; ignored",
        "warn feed.xml:31: no story date (give --date, a 'Date:' header line or a JSONL \"date\"); relative dates like 'last year' stay unresolved",
        "doc feed:31 - url=- title=An item with an odd date &lol2; source=The Daily Axis & Friends | An item with an odd date &lol2; / Germany and France signed a treaty.",
        "skip feed.xml:36: bad record: item has no title, description or content; skipped",
    ];
    assert_eq!(got, want);
}

#[test]
fn atom_entries() {
    let got = read_full("atom.xml", &fixture("atom.xml"), ReadOptions::default());
    let want = [
        "doc tag:wire.example,2019:1 2019-02-02 url=https://wire.example/2019/02/02/minsk title=Minsk talks end source=Axis Wire | Minsk talks end / Russian troops attacked Ukrainian positions last year.",
        "doc tag:wire.example,2018:2 2018-07-01 url=https://wire.example/2018/07/01/x title=Only updated source=Axis Wire | Only updated / China and Russia held joint drills. / Japan & Korea watched.",
        "doc tag:wire.example,2019:3 2019-01-15 url=- title=Text stays text: 1 < 2 & <b> is not bold source=Axis Wire | Text stays text: 1 < 2 & <b> is not bold",
    ];
    assert_eq!(got, want);
}

#[test]
fn html_page_document() {
    let got = read_full("page.html", &fixture("page.html"), ReadOptions::default());
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].starts_with(
            "doc https://news.example/world/2019/02/02/border-clash 2019-02-02 url=https://news.example/world/2019/02/02/border-clash title=Troops clash on the border source=The Daily Axis | Russian troops attacked"
        ),
        "{}",
        got[0]
    );
}

#[test]
fn formats_by_name_and_by_content() {
    let html = b"<!DOCTYPE html><html><head><meta name=\"date\" content=\"2019-03-04\"></head><body><p>Page text.</p></body></html>";
    let rss = b"<?xml version=\"1.0\"?><rss><channel><item><title>T</title><pubDate>Mon, 04 Mar 2019 10:00:00 GMT</pubDate></item></channel></rss>";
    let atom = b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>e1</id><title>T</title><published>2019-03-04T00:00:00Z</published></entry></feed>";
    let rdf = b"<rdf:RDF xmlns:rdf=\"r\" xmlns:dc=\"d\"><item rdf:about=\"https://x.example/1\"><title>T</title><dc:date>2019-03-04</dc:date></item></rdf:RDF>";
    let d = ReadOptions::default();
    let table: &[(&str, &[u8], ReadOptions, &[&str])] = &[
        ("page.html", html, d.clone(), &["doc page 2019-03-04 1"]),
        ("page.HTM", html, d.clone(), &["doc page 2019-03-04 1"]),
        ("<stdin>", html, d.clone(), &["doc stdin 2019-03-04 1"]),
        ("download", html, d.clone(), &["doc download 2019-03-04 1"]),
        ("f.rss", rss, d.clone(), &["doc f:1 2019-03-04 1"]),
        ("<stdin>", rss, d.clone(), &["doc stdin:1 2019-03-04 1"]),
        ("<stdin>", atom, d.clone(), &["doc e1 2019-03-04 1"]),
        ("f.rdf", rdf, d.clone(), &["doc https://x.example/1 2019-03-04 1"]),
        ("page.html.gz", &gzip(html), d.clone(), &["doc page 2019-03-04 1"]),
        ("<stdin>", &gzip(rss), d.clone(), &["doc stdin:1 2019-03-04 1"]),
        (
            "c.jsonl.gz",
            &gzip(b"{\"id\":\"a\",\"date\":\"2019-02-02\",\"text\":\"One.\"}\n"),
            d.clone(),
            &["doc a 2019-02-02 1"],
        ),
        ("notes.md", b"Plain words here.", with_date("2019-01-01"), &["doc notes 2019-01-01 1"]),
        // An explicit format wins over the name.
        ("page.txt", html, ReadOptions { format: InputFormat::Html, ..d.clone() }, &["doc page 2019-03-04 1"]),
        (
            "report.pdf",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            d.clone(),
            &["skip report.pdf: cannot tell the format: binary data (starts with 25 50 44 46 2d 31 2e 34); axis reads text, HTML, RSS/Atom, JSONL and their .gz (--input-format)"],
        ),
        (
            "sitemap.xml",
            b"<?xml version=\"1.0\"?>\n<urlset><url><loc>x</loc></url></urlset>",
            d.clone(),
            &["skip sitemap.xml:2: the XML root element <urlset> is neither RSS (<rss>, <rdf:RDF>) nor Atom (<feed>); skipped"],
        ),
        (
            "empty.rss",
            b"<rss><channel><title>Nothing yet</title></channel></rss>",
            d.clone(),
            &["warn empty.rss: no documents in this file"],
        ),
        (
            "blank.html",
            b"<html><script>x()</script><nav>Menu</nav></html>",
            d.clone(),
            &["skip blank.html: bad record: no main text in this page (only scripts, navigation or boilerplate); skipped"],
        ),
        (
            "bad-date.html",
            b"<meta property=\"article:published_time\" content=\"soon\"><time datetime=\"2019-05-06\">x</time><p>Text.</p>",
            d.clone(),
            &["warn bad-date.html: <meta property=\"article:published_time\"> \"soon\" is not a date I can read; ignored", "doc bad-date 2019-05-06 2"],
        ),
        // Legacy charsets: ISO-8859-1 / Windows-1252 declared and used; UTF-8 otherwise required.
        (
            "latin.html",
            b"<meta charset=\"ISO-8859-1\"><meta name=date content=2019-01-01><p>Caf\xe9 \x93talks\x94 in S\xe3o Paulo.</p>",
            d.clone(),
            &["doc latin 2019-01-01 1"],
        ),
        (
            "latin.rss",
            b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><channel><item><title>Caf\xe9.</title><pubDate>2019-01-01</pubDate></item></channel></rss>",
            d.clone(),
            &["doc latin:1 2019-01-01 1"],
        ),
        (
            "koi8.html",
            b"<meta charset=\"koi8-r\"><p>\xf0\xd2\xc9</p>",
            d.clone(),
            &["skip koi8.html: not UTF-8 at byte 26; skipped (convert it to UTF-8, or pass --lossy to replace bad bytes)"],
        ),
        (
            "raw-html.rss",
            b"<rss><channel><item><title>T</title><description>Line one.<br>Line <b>two</b>.<img src=x></description><pubDate>2019-01-01</pubDate></item></channel></rss>",
            d.clone(),
            &["doc raw-html:1 2019-01-01 3"],
        ),
        (
            "repeat.rss",
            b"<rss><channel><item><title>Talks end</title><description>Talks end. Both sides left.</description><pubDate>2019-01-01</pubDate></item></channel></rss>",
            d.clone(),
            &["doc repeat:1 2019-01-01 2"],
        ),
        (
            "unclosed.rss",
            b"<rss><channel>\n<item><title>First.</title><pubDate>2019-01-01</pubDate></item>\n<item><title>Cut</title>\n<item><title>Third.</title><pubDate>2019-01-03</pubDate></item>\n</channel></rss>",
            d.clone(),
            &[
                "doc unclosed:2 2019-01-01 1",
                "skip unclosed.rss:3: bad record: <item> is not closed before the next one at line 4; skipped",
                "doc unclosed:4 2019-01-03 1",
            ],
        ),
    ];
    for (name, bytes, opts, want) in table {
        assert_eq!(read(name, bytes, opts.clone()), *want, "{name}: {:?}", String::from_utf8_lossy(bytes));
    }
}

#[test]
fn legacy_charset_text() {
    let page: &[u8] = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>Caf\xe9 \x93talks\x94 \x96 S\xe3o Paulo.</p>";
    let got = read_full("latin.html", page, with_date("2019-01-01"));
    assert_eq!(got, ["doc latin 2019-01-01 url=- title=- source=- | Caf\u{e9} \u{201c}talks\u{201d} \u{2013} S\u{e3}o Paulo."]);
}

#[test]
fn truncated_gzip_keeps_what_came_before() {
    let mut corpus = String::new();
    for i in 0..2000 {
        corpus.push_str(&format!(
            "{{\"id\":\"d{i}\",\"date\":\"2019-02-02\",\"text\":\"Story number {i}.\"}}\n"
        ));
    }
    let gz = gzip(corpus.as_bytes());
    let cut = &gz[..gz.len() * 2 / 3];
    let got = read("c.jsonl.gz", cut, ReadOptions::default());
    let docs = got.iter().filter(|l| l.starts_with("doc ")).count();
    assert!(docs > 100 && docs < 2000, "{docs} documents before the cut");
    assert_eq!(got[..docs].iter().filter(|l| l.ends_with(" 2019-02-02 1")).count(), docs);
    assert_eq!(got.len(), docs + 1, "one message after the documents: {:?}", &got[docs..]);
    assert!(got[docs].starts_with("skip c.jsonl.gz: gzip data is truncated or corrupt ("), "{}", got[docs]);
    assert!(got[docs].ends_with("documents before that point were read, the rest was not)"), "{}", got[docs]);
    // A truncated page is not read at all; the error names the file.
    let page = gzip(&fixture("page.html"));
    let got = read("page.html.gz", &page[..page.len() - 12], ReadOptions::default());
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("skip page.html.gz: gzip data is truncated or corrupt"), "{}", got[0]);
    assert!(got[0].ends_with("the document was not read)"), "{}", got[0]);
    // A truncated feed gives its complete items.
    let feed = gzip(&fixture("atom.xml"));
    let got = read("atom.xml.gz", &feed[..feed.len() * 3 / 4], ReadOptions::default());
    assert!(got[0].starts_with("doc tag:wire.example,2019:1 2019-02-02"), "{got:?}");
    assert!(
        got.last().unwrap().starts_with("skip atom.xml.gz: gzip data is truncated or corrupt"),
        "{got:?}"
    );
    // Not gzip at all, though named so.
    let got = read("c.jsonl.gz", b"{\"text\":\"x\"}\n", ReadOptions::default());
    assert_eq!(
        got,
        ["skip c.jsonl.gz: gzip data is truncated or corrupt (invalid gzip header; nothing was read)"]
    );
}

#[test]
fn gzip_bomb_stops_at_the_limit() {
    let line = b"{\"text\":\"Bomb line.\",\"date\":\"2019-02-02\"}\n";
    let big: Vec<u8> = line.iter().copied().cycle().take(line.len() * 100_000).collect();
    let gz = gzip(&big);
    assert!(gz.len() < big.len() / 50, "compresses well: {} -> {}", big.len(), gz.len());
    let opts = ReadOptions { max_decompressed: 1 << 20, ..ReadOptions::default() };
    let got = read("bomb.jsonl.gz", &gz, opts.clone());
    let docs = got.iter().filter(|l| l.starts_with("doc ")).count();
    assert!(docs > 0 && docs <= (1 << 20) / line.len(), "{docs}");
    assert_eq!(
        got.last().unwrap(),
        "skip bomb.jsonl.gz: decompresses to more than 1 MiB (the limit against gzip bombs, ReadOptions::max_decompressed); documents before that point were read, the rest was not"
    );
    // A page over the limit is not read.
    let page = gzip(&[b"<p>".as_slice(), &vec![b'a'; 2 << 20], b"</p>"].concat());
    let got = read("page.html.gz", &page, opts);
    assert_eq!(
        got,
        ["skip page.html.gz: decompresses to more than 1 MiB (the limit against gzip bombs, ReadOptions::max_decompressed); the document was not read"]
    );
    // The default limit is documented as 1 GiB.
    assert_eq!(ReadOptions::default().max_decompressed, 1 << 30);
}

#[test]
fn folders_are_walked_in_order_skipping_hidden_files() {
    let dir = std::env::temp_dir().join(format!("axis-io-walk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["b", "a/deep", ".git"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let files: &[(&str, &[u8])] = &[
        ("b/2.txt", b"Date: 2019-01-02\n\nTwo."),
        ("a/deep/1.html", b"<meta name=\"date\" content=\"2019-01-01\"><p>One.</p>"),
        ("a/0.jsonl.gz", &gzip(b"{\"id\":\"zero\",\"date\":\"2019-01-03\",\"text\":\"Zero.\"}\n")),
        (
            "a/feed.rss",
            b"<rss><channel><item><title>Item.</title><pubDate>2019-01-04</pubDate></item></channel></rss>",
        ),
        (".hidden.txt", b"Date: 2019-01-05\n\nHidden."),
        (".git/config.txt", b"Date: 2019-01-05\n\nHidden too."),
        ("b/image.png", b"\x89PNG"),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let mut got = Vec::new();
    Reader::default().read_path(&dir, &mut |item| {
        if let Input::Document(d) = item {
            got.push(format!("{} {}", d.id, d.date.unwrap()));
        }
    });
    assert_eq!(got, ["zero 2019-01-03", "1 2019-01-01", "feed:1 2019-01-04", "2 2019-01-02"]);
    let _ = std::fs::remove_dir_all(&dir);
}

const CONLLU: &str = "# newdoc id = story-1
# date = 2019-02-02
# sent_id = 1
# text = Russia praised China.
1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tpraised\tpraise\tVERB\tVBD\t_\t0\troot\t_\t_
3\tChina\tChina\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# sent_id = 2
# text = It left.
1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# sent_id = 3
# text = Bad line.
1\tBad\tbad\tADJ\tJJ\t_\t2\tamod
2\tline\tline\tNOUN\tNN\t_\t0\troot\t_\t_

# newdoc id = story-2
# sent_id = 4
1\tIndia\tIndia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_
";

#[test]
fn conllu_documents_parses_and_errors() {
    let got = read("parsed.conllu", CONLLU.as_bytes(), ReadOptions::default());
    assert_eq!(
        got,
        [
            "skip parsed.conllu:18: bad record: CoNLL-U sentence '3': 8 field(s), want 10 (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC); skipped",
            "doc story-1 2019-02-02 2",
            "doc story-2 - 1",
            "warn parsed.conllu: no story date (give --date, a 'Date:' header line or a JSONL \"date\"); relative dates like 'last year' stay unresolved",
        ]
    );
    // By content too, and the documents carry their parses (text from `# text`, else the words).
    let mut docs = Vec::new();
    Reader::new(ReadOptions::default()).read_bytes(Path::new("<stdin>"), CONLLU.as_bytes(), &mut |item| {
        if let Input::Document(d) = item {
            docs.push(d);
        }
    });
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].text(), "Russia praised China.\n\nIt left.");
    assert_eq!(docs[0].parse().map(|p| p.sentences.len()), Some(2));
    assert_eq!(docs[1].text(), "India left");
}

#[test]
fn conllu_sentences_without_documents_are_documents() {
    let text = "# sent_id = a\n1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\n# sent_id = b\n1\tStop\tstop\tVERB\tVB\t_\t0\troot\t_\t_\n";
    let got = read("x.conllu", text.as_bytes(), with_date("2020-01-01"));
    assert_eq!(got, ["doc a 2020-01-01 1", "doc b 2020-01-01 1"]);
    let got = read("x.conllu", b"# just a comment\n", ReadOptions::default());
    assert_eq!(got, ["skip x.conllu: no documents in this file"]);
}

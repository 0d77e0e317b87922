//! Main-text extraction and page metadata, as tables over small pages written for these tests.

use super::*;
use crate::io::Reader;

fn fixture(name: &str) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/io").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn text_table() {
    // (case, page, main text with paragraphs joined by " | ")
    let table: &[(&str, &str, &str)] = &[
        ("paragraphs", "<p>One.</p><p>Two.</p>", "One. | Two."),
        ("inline stays inline", "<p>A <b>bold</b> and <i>it</i>alic move.</p>", "A bold and italic move."),
        ("whitespace collapses", "<p>  a\n\t b  </p>", "a b"),
        ("br breaks", "<p>Line one<br>Line two</p>", "Line one | Line two"),
        (
            "headings lists quotes",
            "<h2>Head</h2><ul><li>First.</li><li>Second.</li></ul><blockquote>Quoted.</blockquote>",
            "Head | First. | Second. | Quoted.",
        ),
        (
            "furniture dropped",
            "<nav>Menu</nav><header>Site</header><p>Body.</p><aside>Side</aside><footer>Foot</footer>",
            "Body.",
        ),
        (
            "code dropped",
            "<script>var x = '<p>no</p>';</script><style>p{}</style><noscript>js</noscript><template>t</template><p>Yes.</p>",
            "Yes.",
        ),
        ("svg title is not text", "<svg><title>icon</title><path d='M0'/></svg><p>Text.</p>", "Text."),
        ("roles", "<div role=\"navigation\">Nav</div><div role=\"main\"><p>In.</p></div>", "In."),
        (
            "boilerplate classes",
            "<div class=\"share-bar\">Share</div><p>Kept text that is long enough to be the story itself.</p><div id=\"related_links\">More</div>",
            "Kept text that is long enough to be the story itself.",
        ),
        (
            "page-wide form is undone",
            "<form id=\"aspnetForm\"><p>The whole story sits inside a form on this site.</p></form>",
            "The whole story sits inside a form on this site.",
        ),
        ("hidden", "<p hidden>No.</p><p style=\"display: none\">No.</p><p>Long enough visible text here, yes.</p>", "Long enough visible text here, yes."),
        (
            "article wins",
            "<div><p>Teaser.</p></div><article><p>The story.</p></article>",
            "The story.",
        ),
        (
            "link lists dropped",
            "<p>Story text, with <a href=x>one link</a> in it.</p><p><a href=a>Home</a> | <a href=b>World</a></p>",
            "Story text, with one link in it.",
        ),
        (
            "responsive classes are not hidden",
            "<p class=\"hidden-xs lead\">Shown on wide screens.</p><span class=\"sr-only\">Opens in new window</span>",
            "Shown on wide screens.",
        ),
        ("soft hyphens and zero-width spaces", "<p>Bei\u{ad}jing\u{200b} and Mos&shy;cow.</p>", "Beijing and Moscow."),
        ("stock lines dropped", "<p>Advertisement</p><p>Real.</p><p>Read more</p>", "Real."),
        ("entities", "<p>AT&amp;T &mdash; caf&eacute; &#8220;x&#x201D; &nbsp;y&copy</p>", "AT&T — café “x” y©"),
        // Broken markup: unclosed tags, stray brackets, an end tag that closes nothing.
        ("unclosed p", "<p>One.<p>Two.<div>Three.", "One. | Two. | Three."),
        ("stray end tags", "</div></span><p>Fine.</p></b>", "Fine."),
        ("a < b", "<p>If a < b then 3 > 2.</p>", "If a < b then 3 > 2."),
        ("unclosed nav closed by its parent", "<div><nav>Menu</div><p>After.</p>", "After."),
        ("unterminated tag at end", "<p>Kept.</p><a href=\"x", "Kept."),
        ("unterminated comment", "<p>Kept.</p><!-- lost <p>gone</p>", "Kept."),
        ("self-closing div", "<div/><p>Kept.</p>", "Kept."),
        ("no tags at all", "Just some text.", "Just some text."),
        ("", "", ""),
    ];
    for (case, page, want) in table {
        let got = extract(page, false).text.replace("\n\n", " | ");
        assert_eq!(got, *want, "{case}: {page}");
    }
}

#[test]
fn metadata_table() {
    // (case, page, title, url, first date candidate (source, value))
    type Row<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, Option<(&'a str, &'a str)>);
    let table: &[Row] = &[
        (
            "article:published_time",
            "<meta property=\"article:published_time\" content=\"2019-02-02T10:00:00Z\"><p>x</p>",
            None,
            None,
            Some(("<meta property=\"article:published_time\">", "2019-02-02T10:00:00Z")),
        ),
        (
            "og:article:published_time",
            "<meta property=\"og:article:published_time\" content=\"2019-02-03\">",
            None,
            None,
            Some(("<meta property=\"og:article:published_time\">", "2019-02-03")),
        ),
        ("name=date", "<meta name=\"date\" content=\"2019-02-04\">", None, None, Some(("<meta name=\"date\">", "2019-02-04"))),
        ("pubdate", "<META NAME=\"PubDate\" CONTENT=\"20190205\">", None, None, Some(("<meta name=\"pubdate\">", "20190205"))),
        (
            "DC.date.issued",
            "<meta name=\"DC.date.issued\" content=\"2019-02-06\">",
            None,
            None,
            Some(("<meta name=\"dc.date.issued\">", "2019-02-06")),
        ),
        (
            "itemprop datePublished",
            "<meta itemprop=\"datePublished\" content=\"2019-02-07\">",
            None,
            None,
            Some(("<meta name=\"datepublished\">", "2019-02-07")),
        ),
        (
            "JSON-LD",
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2019-02-08T01:00:00+09:00\"}]}</script>",
            None,
            None,
            Some(("JSON-LD datePublished", "2019-02-08T01:00:00+09:00")),
        ),
        (
            "broken JSON-LD is ignored",
            "<script type=\"application/ld+json\">{\"datePublished\": </script><time datetime=\"2019-02-09\">x</time>",
            None,
            None,
            Some(("<time>", "2019-02-09")),
        ),
        (
            "time pubdate beats time in the article",
            "<article><time datetime=\"2019-01-01\">a</time></article><time pubdate datetime=\"2019-02-10\">b</time>",
            None,
            None,
            Some(("<time pubdate>", "2019-02-10")),
        ),
        (
            "time in the article beats other times",
            "<time datetime=\"2020-01-01\">today</time><article><header><time datetime=\"2019-02-11\">b</time></header></article>",
            None,
            None,
            Some(("<time> in the article", "2019-02-11")),
        ),
        (
            "meta beats JSON-LD beats time",
            "<time datetime=\"2019-01-03\">t</time><script type=\"application/ld+json\">{\"datePublished\":\"2019-01-02\"}</script><meta name=\"date\" content=\"2019-01-01\">",
            None,
            None,
            Some(("<meta name=\"date\">", "2019-01-01")),
        ),
        (
            "og:title beats title",
            "<title>T | Site</title><meta property=\"og:title\" content=\"Clean &amp; clear\"><h1>H</h1>",
            Some("Clean & clear"),
            None,
            None,
        ),
        ("title beats h1", "<title> Page\n title </title><h1>H</h1>", Some("Page title"), None, None),
        ("h1 last", "<h1>The <em>headline</em></h1><p>x</p>", Some("The headline"), None, None),
        (
            "h1 in a dropped header",
            "<header><h1>Head<b>line</b> &amp; more</h1></header><p>x</p>",
            Some("Headline & more"),
            None,
            None,
        ),
        (
            "canonical beats og:url",
            "<meta property=\"og:url\" content=\"https://a.example/og\"><link rel=\"canonical\" href=\"https://a.example/c?a=1&amp;b=2\">",
            None,
            Some("https://a.example/c?a=1&b=2"),
            None,
        ),
        ("og:url", "<meta property=\"og:url\" content=\"https://a.example/og\">", None, Some("https://a.example/og"), None),
    ];
    for (case, page, title, url, date) in table {
        let p = extract(page, false);
        assert_eq!(p.title.as_deref(), *title, "{case}: title");
        assert_eq!(p.url.as_deref(), *url, "{case}: url");
        let first = p.dates.first().map(|(s, v)| (s.as_str(), v.as_str()));
        assert_eq!(first, *date, "{case}: date");
    }
}

#[test]
fn the_fixture_page_keeps_the_story_only() {
    let page = extract(&fixture("page.html"), false);
    assert_eq!(
        page.text,
        "Russian troops attacked Ukrainian positions last year, officials said on Saturday.\n\n\
         The talks in Minsk — held behind closed doors – ended without a deal.\n\n\
         Negotiators called the mood “tense” and the outcome “open”.\n\n\
         What comes next\n\n\
         Both sides will meet again in March.\n\n\
         Observers will stay in the region.\n\n\
         We will not give up an inch of our land."
    );
    assert_eq!(page.title.as_deref(), Some("Troops clash on the border"));
    assert_eq!(page.url.as_deref(), Some("https://news.example/world/2019/02/02/border-clash"));
    assert_eq!(page.site.as_deref(), Some("The Daily Axis"));
    let dates: Vec<&str> = page.dates.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(dates, ["2019-02-02T09:30:00+01:00", "2019-02-02T08:30:00Z", "2019-02-01"]);
}

#[test]
fn deep_nesting_and_huge_inputs() {
    // 100,000 nested elements, opened and never closed, then closed by a stray end tag run.
    let depth = 100_000;
    let page = format!("{}<p>Deep.</p>{}", "<div><span>".repeat(depth), "</span></div>".repeat(depth));
    assert_eq!(extract(&page, false).text, "Deep.");
    let unclosed = format!("{}<p>Deep and unclosed.", "<div>".repeat(depth));
    assert_eq!(extract(&unclosed, false).text, "Deep and unclosed.");
    // Mismatched end tags against a deep stack: each must be O(1), not a walk down the stack.
    let mismatched = format!("{}<p>Still here.</p>{}", "<div>".repeat(depth), "</em>".repeat(depth));
    assert_eq!(extract(&mismatched, false).text, "Still here.");
    // A nav opened 100,000 deep, then one close of the outermost div ends it.
    let nav = format!("<div>{}Menu</div><p>After.</p>", "<nav>".repeat(depth));
    assert_eq!(extract(&nav, false).text, "After.");
}

#[test]
fn fragments_keep_links() {
    let f = extract("<a href=\"https://x\">Leaders meet in Beijing</a>&nbsp;&nbsp;<font>Wire</font>", true);
    assert_eq!(f.text, "Leaders meet in Beijing Wire");
}

#[test]
fn random_markup_never_panics() {
    // Byte soup from markup pieces: unclosed tags and quotes, comments, CDATA, references cut in
    // half, multi-byte characters. Extraction, feeds and the reader must take all of it.
    const PIECES: &[&str] = &[
        "<",
        ">",
        "</",
        "/>",
        "<p>",
        "</p>",
        "<div class=\"nav\">",
        "</div>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "&",
        "&amp;",
        "&#",
        "&#x",
        ";",
        "\"",
        "'",
        "=",
        " ",
        "\n",
        "é",
        "中",
        "<item>",
        "</item>",
        "<title>",
        "</title>",
        "<rss>",
        "<feed>",
        "<entry>",
        "<a href=",
        "<!DOCTYPE x [",
        "]>",
        "<meta name=date content=2019-01-01>",
        "text",
        "<time datetime='",
        "<?",
    ];
    let mut rng = crate::testing::Lcg(7);
    for _ in 0..2000 {
        let n = rng.next(60);
        let s: String = (0..n).map(|_| PIECES[rng.next(PIECES.len())]).collect();
        let page = extract(&s, false);
        assert!(!page.text.contains("\n\n\n"), "{s:?}");
        let _ = extract(&s, true);
        for name in ["x.html", "x.rss", "x.txt"] {
            Reader::default().read_bytes(Path::new(name), s.as_bytes(), &mut |_| {});
        }
    }
}

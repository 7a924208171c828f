//! Bytes -> [`Document`]. Only this module knows file formats.

mod html;
mod mapped;
mod markdown;
mod ninjs;
mod plain;

use std::fmt;
use std::path::Path;

use jiff::civil::Date;

use crate::document::{Document, InputFormat};

/// What the caller may say about every input.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// Overrides any dateline the file gives.
    pub date: Option<Date>,
    /// Files larger than this are refused (an article is kilobytes; this bounds memory).
    pub max_bytes: Option<u64>,
}

/// Default largest input: far above any article, far below a machine's memory.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Why an input could not be read as an article. Each is one line for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Unreadable(String),
    Empty,
    Binary,
    InvalidUtf8 { offset: usize },
    TooLarge { bytes: u64, limit: u64 },
    BadHeader { line: usize, message: String },
    BadJson(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Unreadable(e) => write!(f, "cannot read: {e}"),
            InputError::Empty => write!(f, "empty file: nothing to check"),
            InputError::Binary => write!(f, "binary file (contains NUL bytes): not an article"),
            InputError::InvalidUtf8 { offset } => {
                write!(f, "not UTF-8 text: invalid byte at offset {offset}; convert it with `iconv -t UTF-8`")
            }
            InputError::TooLarge { bytes, limit } => write!(
                f,
                "file is {:.1} MB, over the {:.1} MB limit for one article (raise it with --max-file-size)",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            InputError::BadHeader { line, message } => write!(f, "line {line}: {message}"),
            InputError::BadJson(e) => write!(f, "not an IPTC ninjs document: {e}"),
        }
    }
}

impl std::error::Error for InputError {}

/// Read a file (or `-` for standard input) and parse it.
pub fn read_path(path: &str, opts: &InputOptions) -> Result<Document, InputError> {
    // Offsets inside a document are kept as 32-bit integers in places (the word index), so
    // no setting reads a file of 4 GiB or more.
    let limit = opts.max_bytes.unwrap_or(DEFAULT_MAX_BYTES).min(u64::from(u32::MAX));
    let bytes = if path == "-" {
        use std::io::Read;
        let mut buf = Vec::new();
        std::io::stdin().take(limit + 1).read_to_end(&mut buf).map_err(|e| InputError::Unreadable(e.to_string()))?;
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(|e| InputError::Unreadable(io_reason(&e)))?;
        if meta.is_dir() {
            return Err(InputError::Unreadable("is a directory".into()));
        }
        if meta.len() > limit {
            return Err(InputError::TooLarge { bytes: meta.len(), limit });
        }
        std::fs::read(path).map_err(|e| InputError::Unreadable(io_reason(&e)))?
    };
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { bytes: bytes.len() as u64, limit });
    }
    parse_bytes(path, bytes, opts)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Parse an article from bytes; `path` picks the format by extension and names it.
pub fn parse_bytes(path: &str, bytes: Vec<u8>, opts: &InputOptions) -> Result<Document, InputError> {
    if bytes.len() as u64 > u64::from(u32::MAX) {
        return Err(InputError::TooLarge { bytes: bytes.len() as u64, limit: u64::from(u32::MAX) });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty);
    }
    if memchr::memchr(0, &bytes).is_some() {
        return Err(InputError::Binary);
    }
    let source =
        String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 { offset: e.utf8_error().valid_up_to() })?;
    let mut doc = match detect(path, &source) {
        InputFormat::Ninjs => ninjs::parse(path, source)?,
        InputFormat::Markdown => markdown::parse(path, source)?,
        InputFormat::Seed | InputFormat::Plain => plain::parse(path, source)?,
    };
    if let Some(d) = opts.date {
        doc.meta.dateline = Some(d);
    }
    Ok(doc)
}

/// The reader for a file: by extension (`.json`, `.md`/`.markdown`/`.mdx`, `.txt`), else
/// (standard input, other extensions) by content: a JSON object is ninjs, front matter
/// (`---` / `+++`) or a leading `# ` heading is Markdown, anything else is text.
fn detect(path: &str, source: &str) -> InputFormat {
    let ext = Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "json" | "ninjs" => return InputFormat::Ninjs,
        "md" | "markdown" | "mdx" => return InputFormat::Markdown,
        _ => {}
    }
    let head = source.trim_start_matches('\u{feff}');
    let first_line = head.lines().next().unwrap_or("").trim_end();
    if ext == "txt" {
        // Front matter still says Markdown; `{` or `#` at the top of a .txt is just text.
        return if matches!(first_line, "---" | "+++") { InputFormat::Markdown } else { InputFormat::Plain };
    }
    if head.trim_start().starts_with('{') {
        InputFormat::Ninjs
    } else if matches!(first_line, "---" | "+++") || first_line.starts_with("# ") {
        InputFormat::Markdown
    } else {
        InputFormat::Plain
    }
}

/// Parse `YYYY-MM-DD` (or the date part of an RFC 3339 timestamp) as a calendar date.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let s = s.trim();
    let day = s.get(..10).unwrap_or(s);
    if day.len() != 10 || day.as_bytes()[4] != b'-' || day.as_bytes()[7] != b'-' {
        return Err(format!("`{s}` is not a date in the form YYYY-MM-DD"));
    }
    let num = |r: std::ops::Range<usize>| {
        day[r].parse::<i16>().map_err(|_| format!("`{s}` is not a date in the form YYYY-MM-DD"))
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    Date::new(y, m as i8, d as i8).map_err(|_| format!("`{day}` is not a real calendar date"))
}

/// Extensions taken from a walked directory (files named on the command line are read
/// whatever their extension).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "mdx", "json", "ninjs"];

/// Whether a `.json` file found in a directory walk is an article: it has a ninjs body
/// field. Other JSON (package.json, rule files, lexicons) is not taken from directories; a
/// file named on the command line is always read. Unreadable files are taken, so that
/// reading them reports why.
fn holds_ninjs_body(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else { return true };
    [&b"\"body_text\""[..], b"\"body_html\"", b"\"bodies\"", b"\"body_xhtml\""]
        .iter()
        .any(|key| memchr::memmem::find(&bytes, key).is_some())
}

/// Files and directories -> article paths. Directories are walked honouring
/// .gitignore and .factlintignore (also outside a git repository); only article-like
/// extensions are taken from them, and `.json` files only when they hold a ninjs body.
pub fn expand_paths(paths: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" || !Path::new(p).is_dir() {
            out.push(p.clone());
            continue;
        }
        let before = out.len();
        let walker =
            ignore::WalkBuilder::new(p).require_git(false).add_custom_ignore_filename(".factlintignore").build();
        for entry in walker {
            let entry = entry.map_err(|e| format!("{p}: {e}"))?;
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
            let json = ext == "json";
            if ARTICLE_EXTENSIONS.contains(&ext.as_str()) && (!json || holds_ninjs_body(path)) {
                out.push(path.to_string_lossy().into_owned());
            }
        }
        if out.len() == before {
            return Err(format!("{p}: no articles found (looked for .txt, .md, .markdown and .json files)"));
        }
        out[before..].sort();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_reject_impossible_ones() {
        assert_eq!(parse_date("2022-02-03").unwrap(), Date::new(2022, 2, 3).unwrap());
        assert_eq!(parse_date("2022-02-03T10:00:00Z").unwrap(), Date::new(2022, 2, 3).unwrap());
        assert!(parse_date("2022-02-30").is_err());
        assert!(parse_date("Feb 3").is_err());
    }

    #[test]
    fn bad_bytes_are_input_errors() {
        let o = InputOptions::default();
        assert_eq!(parse_bytes("a.txt", b"  \n".to_vec(), &o).unwrap_err(), InputError::Empty);
        assert_eq!(parse_bytes("a.txt", b"a\0b".to_vec(), &o).unwrap_err(), InputError::Binary);
        assert_eq!(parse_bytes("a.txt", b"ab\xffc".to_vec(), &o).unwrap_err(), InputError::InvalidUtf8 { offset: 2 });
    }

    #[test]
    fn format_is_detected_by_extension_then_content() {
        assert_eq!(detect("a.json", "not json"), InputFormat::Ninjs);
        assert_eq!(detect("a.MD", "text"), InputFormat::Markdown);
        assert_eq!(detect("a.txt", "{ braces in a text }"), InputFormat::Plain);
        assert_eq!(detect("a.txt", "# not a heading"), InputFormat::Plain);
        assert_eq!(detect("a.txt", "---\ndate: 2022-02-03\n---\nx"), InputFormat::Markdown);
        assert_eq!(detect("-", "\u{feff}  {\"body_text\": \"x\"}"), InputFormat::Ninjs);
        assert_eq!(detect("-", "---\r\ntitle: x\r\n---\r\nBody"), InputFormat::Markdown);
        assert_eq!(detect("-", "+++\ntitle = 'x'\n+++\nBody"), InputFormat::Markdown);
        assert_eq!(detect("-", "# Headline\n\nBody"), InputFormat::Markdown);
        assert_eq!(detect("-", "date 2022-02-03 H\n\nOutlet\n\nBody."), InputFormat::Plain);
        let o = InputOptions::default();
        let d = parse_bytes("-", b"{\"headline\": \"H\", \"body_text\": \"Hi.\"}".to_vec(), &o).unwrap();
        assert_eq!((d.format, d.meta.headline.as_deref()), (InputFormat::Ninjs, Some("H")));
        let d = parse_bytes("-", b"# Big news\n\nIt *happened*.".to_vec(), &o).unwrap();
        assert_eq!((d.format, d.slice(d.paragraphs[0])), (InputFormat::Markdown, "It  happened ."));
    }

    #[test]
    fn date_option_overrides_every_format() {
        let o = InputOptions { date: Some(Date::new(2020, 1, 2).unwrap()), ..Default::default() };
        for (path, src) in [
            ("a.md", "---\ndate: 2022-02-03\n---\nBody."),
            ("a.json", "{\"versioncreated\": \"2022-02-03\", \"body_text\": \"Body.\"}"),
            ("a.txt", "date 2022-02-03 H\n\nBody."),
        ] {
            let d = parse_bytes(path, src.as_bytes().to_vec(), &o).unwrap();
            assert_eq!(d.meta.dateline.unwrap().to_string(), "2020-01-02", "{path}");
        }
    }

    #[test]
    fn directories_are_walked_honouring_ignore_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |rel: &str, body: &str| {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, body).unwrap();
        };
        write("b.txt", "B.");
        write("a.md", "A.");
        write("sub/c.JSON", "{\"body_text\": \"C.\"}");
        write("sub/package.json", "{\"name\": \"not an article\"}");
        write("sub/d.markdown", "D.");
        write("notes.csv", "x");
        write("image.png", "x");
        write("drafts/e.txt", "E.");
        write("build/f.txt", "F.");
        write("sub/skip.md", "S.");
        write(".hidden/g.txt", "G.");
        // No .git here: require_git(false) makes .gitignore count anyway.
        write(".gitignore", "build/\n");
        write(".factlintignore", "drafts/\n");
        write("sub/.factlintignore", "skip.md\n");
        let got = expand_paths(&[root.to_string_lossy().into_owned()]).unwrap();
        let rel: Vec<String> =
            got.iter().map(|p| Path::new(p).strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/")).collect();
        assert_eq!(rel, vec!["a.md", "b.txt", "sub/c.JSON", "sub/d.markdown"]);

        // Files and `-` pass through as given, in order.
        let file = root.join("notes.csv").to_string_lossy().into_owned();
        assert_eq!(expand_paths(&["-".into(), file.clone()]).unwrap(), vec!["-".to_string(), file]);

        // A directory with no articles is an error that names it.
        let empty = root.join("empty");
        std::fs::create_dir_all(&empty).unwrap();
        std::fs::write(empty.join("x.csv"), "x").unwrap();
        let err = expand_paths(&[empty.to_string_lossy().into_owned()]).unwrap_err();
        assert!(err.contains("no articles found"), "{err}");
    }

    mod properties {
        use super::*;
        use crate::text::Span;
        use proptest::prelude::*;

        /// Spans of a document land in bounds, on character boundaries of the file, in order.
        fn check_spans(d: &Document) {
            let mut last = 0;
            for &p in &d.paragraphs {
                assert!(p.start < p.end && p.end <= d.text.len() && p.start >= last, "{p:?}");
                assert!(d.text.is_char_boundary(p.start) && d.text.is_char_boundary(p.end));
                last = p.end;
            }
            let spans = d
                .paragraphs
                .iter()
                .copied()
                .chain(d.sentences.iter().map(|s| s.span))
                .chain(d.quotes.iter().map(|q| q.span));
            for span in spans {
                let s = d.map.span_to_source(span);
                assert!(s.start <= s.end && s.end <= d.source.len(), "{span:?} -> {s:?}");
                assert!(d.source.is_char_boundary(s.start) && d.source.is_char_boundary(s.end), "{span:?} -> {s:?}");
            }
            // The map never runs backwards.
            let mut prev = 0;
            for (i, _) in d.text.char_indices() {
                let s = d.map.to_source(i);
                assert!(s >= prev, "offset {i} maps to {s} < {prev}");
                prev = s;
            }
        }

        /// A JSON string literal with every non-ASCII character written as `\u` escapes.
        fn ascii_json(s: &str) -> String {
            let mut out = String::from("\"");
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    c if (c as u32) < 0x20 || !c.is_ascii() => {
                        let mut buf = [0u16; 2];
                        for u in c.encode_utf16(&mut buf) {
                            out.push_str(&format!("\\u{u:04x}"));
                        }
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }

        const HTMLISH: &str = "(<p>|</p>|<br/>|<b>|</b>|<div class=\"x\">|&amp;|&rdquo;|&ldquo;|&#8220;|&#x2019;|&nbsp;|&shy;|<!-- c -->|<script>|</script>|[a-z .,“”\"'\n<>&é😀]){0,60}";
        const MDISH: &str = "(---\n|date: 2022-02-03\n|# |> |- |\\*|\\*\\*|_|`|```\n|\\[a\\]\\(u\\)|<b>|&amp;|&rdquo;|&#8220;|\n\n|[a-z .,“”\"'\n<>&é😀]){0,60}";

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(128))]

            #[test]
            fn markdown_keeps_every_offset(s in MDISH) {
                if let Ok(d) = markdown::parse("a.md", s.clone()) {
                    prop_assert_eq!(d.text.len(), d.source.len());
                    for (i, b) in d.source.bytes().enumerate() {
                        // Every text boundary is a file boundary (a decoded `&rdquo;` has fewer).
                        prop_assert!(!d.text.is_char_boundary(i) || d.source.is_char_boundary(i));
                        prop_assert_eq!(b == b'\n', d.text.as_bytes()[i] == b'\n');
                    }
                    check_spans(&d);
                }
            }

            #[test]
            fn markdown_never_panics_on_any_text(s in "\\PC{0,200}") {
                if let Ok(d) = markdown::parse("a.md", s) {
                    check_spans(&d);
                }
            }

            #[test]
            fn ninjs_body_text_spans_decode_back_to_the_text(s in "\\PC{0,80}", ascii in any::<bool>()) {
                let lit = if ascii { ascii_json(&s) } else { serde_json::to_string(&s).unwrap() };
                let json = format!("{{\"headline\": \"h\", \"body_text\": {lit}}}");
                if let Ok(d) = ninjs::parse("a.json", json) {
                    check_spans(&d);
                    // Any span of the text, mapped to the file, is the JSON spelling of exactly that text.
                    let bounds: Vec<usize> = d.text.char_indices().map(|(i, _)| i).chain([d.text.len()]).collect();
                    for w in bounds.windows(2).step_by(3) {
                        for &end in &bounds[bounds.iter().position(|&b| b == w[1]).unwrap_or(0)..] {
                            let span = Span::new(w[0], end);
                            let src = d.map.span_to_source(span);
                            let back: String = serde_json::from_str(&format!("\"{}\"", &d.source[src.start..src.end])).unwrap();
                            prop_assert_eq!(back.as_str(), d.slice(span));
                        }
                    }
                }
            }

            #[test]
            fn ninjs_body_html_maps_monotonically(h in HTMLISH, ascii in any::<bool>()) {
                let lit = if ascii { ascii_json(&h) } else { serde_json::to_string(&h).unwrap() };
                let json = format!("{{\"body_html\": {lit}}}");
                if let Ok(d) = ninjs::parse("a.json", json) {
                    check_spans(&d);
                }
            }
        }
    }
}

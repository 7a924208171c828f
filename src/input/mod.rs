//! Bytes -> [`Document`]. Only this module knows file formats.

mod html;
mod mapped;
mod markdown;
mod ninjs;
mod plain;

use std::fmt;
use std::path::Path;

use jiff::civil::Date;

use crate::document::Document;

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
    let limit = opts.max_bytes.unwrap_or(DEFAULT_MAX_BYTES);
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
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty);
    }
    if memchr::memchr(0, &bytes).is_some() {
        return Err(InputError::Binary);
    }
    let mut source =
        String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 { offset: e.utf8_error().valid_up_to() })?;
    // A byte-order mark is not text; keep offsets by blanking it in the analysis only.
    let ext = Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let head = source.trim_start_matches('\u{feff}').trim_start();
    let mut doc = if ext == "json" || (ext != "md" && ext != "txt" && head.starts_with('{')) {
        ninjs::parse(path, std::mem::take(&mut source))?
    } else if matches!(ext.as_str(), "md" | "markdown" | "mdx")
        || head.starts_with("---\n")
        || head.starts_with("---\r\n")
    {
        markdown::parse(path, std::mem::take(&mut source))?
    } else {
        plain::parse(path, std::mem::take(&mut source))?
    };
    if let Some(d) = opts.date {
        doc.meta.dateline = Some(d);
    }
    Ok(doc)
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

/// Files and directories -> article paths. Directories are walked honouring
/// .gitignore and .factlintignore; only article-like extensions are taken from them.
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
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(ext, "txt" | "md" | "markdown" | "json") {
                out.push(path.to_string_lossy().into_owned());
            }
        }
        if out.len() == before {
            return Err(format!("{p}: no articles found (looked for .txt, .md and .json files)"));
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
}

//! Reading rule and lexicon files: the embedded defaults, `--rules DIR`, `--extend-rules DIR`.
//! Every problem is an error naming file:line:column; nothing is skipped silently.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::checks::{self, CompileError, LexiconResolver};
use super::matcher::CompiledMatcher;
use super::spec::{CATEGORIES, Matcher, RuleHeader};
use super::{Lexicons, Rule, RuleSet};
use crate::analysis::Context;
use crate::text::lexicon::{Lexicon, PhraseMatcher};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// Where rules come from.
#[derive(Debug, Clone)]
pub enum RuleSource {
    Embedded,
    Dir(PathBuf),
}

/// A rule-file problem at a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
    }
}

impl std::error::Error for RuleError {}

/// 1-based line and column of byte `offset` in `src`.
fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Byte offset of 1-based (line, column) in `src`, serde_json's convention.
fn offset_of(src: &str, line: usize, column: usize) -> usize {
    let line_start: usize = src.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let rest = &src[line_start.min(src.len())..];
    line_start + rest.char_indices().nth(column.saturating_sub(1)).map_or(rest.len(), |(i, _)| i)
}

fn err_at(file: &str, src: &str, offset: usize, message: impl Into<String>) -> RuleError {
    let (line, column) = line_col(src, offset);
    RuleError { file: file.to_string(), line, column, message: message.into() }
}

/// Position of a JSON string literal's value in `src` (the first one at or after `from`).
fn find_literal(src: &str, value: &str, from: usize) -> Option<usize> {
    let lit = serde_json::to_string(value).ok()?;
    let lit = lit.trim_end_matches('"');
    src.get(from..)?.find(lit).map(|i| from + i)
}

/// Turn a serde_json error into one at its file position, minus serde's own suffix.
fn json_error(file: &str, src: &str, base: usize, sub: &str, e: &serde_json::Error) -> RuleError {
    let local = offset_of(sub, e.line(), e.column());
    let msg = e.to_string();
    let msg = msg.rsplit_once(" at line ").map_or(msg.as_str(), |(m, _)| m).to_string();
    let mut at = local.saturating_sub(usize::from(e.column() > 0));
    // serde_json points after an unknown key; editors want its first character.
    if let Some(key) = msg.strip_prefix("unknown field `").and_then(|r| r.split('`').next()) {
        let quoted = format!("\"{key}\"");
        if let Some(i) = sub[..(at + 2).min(sub.len())].rfind(&quoted) {
            at = i;
        }
    }
    err_at(file, src, base + at, msg)
}

struct Resolver<'a> {
    lexicons: &'a Lexicons,
}

impl LexiconResolver for Resolver<'_> {
    fn matcher(&self, m: &Matcher) -> Result<CompiledMatcher, CompileError> {
        let mut classes: Vec<(&str, Vec<&str>)> = Vec::new();
        if !m.phrases.is_empty() {
            classes.push(("phrases", m.phrases.iter().map(String::as_str).collect()));
        }
        if let Some(reference) = &m.lexicon {
            let (name, class) = parse_lexicon_ref(reference).ok_or_else(|| CompileError {
                message: format!(
                    "lexicon reference `{reference}` must look like `@lexicons/NAME` or `@lexicons/NAME#class`"
                ),
                at: Some(reference.clone()),
            })?;
            let lex = self.lexicons.get(name).ok_or_else(|| CompileError {
                message: format!(
                    "unknown lexicon `{name}` (available: {})",
                    self.lexicons.by_name.keys().cloned().collect::<Vec<_>>().join(", ")
                ),
                at: Some(reference.clone()),
            })?;
            let phrases = lex.phrases(class).ok_or_else(|| CompileError {
                message: format!(
                    "lexicon `{name}` has no class `{}` (classes: {})",
                    class.unwrap_or(""),
                    lex.classes.keys().cloned().collect::<Vec<_>>().join(", ")
                ),
                at: Some(reference.clone()),
            })?;
            classes.push(("lexicon", phrases));
        }
        let phrases = (!classes.is_empty()).then(|| PhraseMatcher::new(classes));
        Ok(CompiledMatcher { phrases, patterns: m.patterns.iter().map(|p| p.0.clone()).collect() })
    }
}

/// `@lexicons/NAME#class` -> (NAME, Some(class)).
pub fn parse_lexicon_ref(s: &str) -> Option<(&str, Option<&str>)> {
    let rest = s.strip_prefix("@lexicons/")?;
    let (name, class) = match rest.split_once('#') {
        Some((n, c)) => (n, Some(c)),
        None => (rest, None),
    };
    (!name.is_empty()).then_some((name, class))
}

/// The files of one source: (display path, contents, is a lexicon).
fn source_files(source: &RuleSource) -> Result<Vec<(String, String, bool)>, RuleError> {
    match source {
        RuleSource::Embedded => Ok(embedded::FILES
            .iter()
            .filter(|(p, _)| !p.ends_with(".schema.json"))
            .map(|(p, c)| (p.to_string(), c.to_string(), p.starts_with("rules/lexicons/")))
            .collect()),
        RuleSource::Dir(dir) => {
            let mut out = Vec::new();
            if !dir.is_dir() {
                return Err(RuleError {
                    file: dir.display().to_string(),
                    line: 1,
                    column: 1,
                    message: "rules directory not found".into(),
                });
            }
            collect_dir(dir, dir, &mut out)?;
            out.sort();
            Ok(out)
        }
    }
}

fn collect_dir(root: &Path, dir: &Path, out: &mut Vec<(String, String, bool)>) -> Result<(), RuleError> {
    let io = |p: &Path, e: std::io::Error| RuleError {
        file: p.display().to_string(),
        line: 1,
        column: 1,
        message: e.to_string(),
    };
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
        let path = entry.map_err(|e| io(dir, e))?.path();
        if path.is_dir() {
            collect_dir(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") && !path.to_string_lossy().ends_with(".schema.json") {
            let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
            let is_lexicon = path.strip_prefix(root).is_ok_and(|r| r.starts_with("lexicons"));
            out.push((path.display().to_string(), text, is_lexicon));
        }
    }
    Ok(())
}

fn lexicon_name(path: &str) -> String {
    Path::new(path).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Load rules from the given sources, in order. Embedded lexicons are always available
/// (the analyses need them); a directory's lexicon of the same name replaces one.
pub fn load(sources: &[RuleSource]) -> Result<RuleSet, RuleError> {
    let mut lexicons = Lexicons::default();
    let mut files = Vec::new();
    let embedded_lexicons = source_files(&RuleSource::Embedded)?.into_iter().filter(|f| f.2);
    for (path, text, _) in embedded_lexicons {
        let lex: Lexicon = serde_json::from_str(&text).map_err(|e| json_error(&path, &text, 0, &text, &e))?;
        lexicons.by_name.insert(lexicon_name(&path), lex);
    }
    for source in sources {
        for (path, text, is_lexicon) in source_files(source)? {
            if is_lexicon {
                if !matches!(source, RuleSource::Embedded) {
                    let lex: Lexicon =
                        serde_json::from_str(&text).map_err(|e| json_error(&path, &text, 0, &text, &e))?;
                    lexicons.by_name.insert(lexicon_name(&path), lex);
                }
            } else {
                files.push((path, text));
            }
        }
    }
    let resolver = Resolver { lexicons: &lexicons };
    let mut rules: Vec<Rule> = Vec::new();
    let mut seen: BTreeMap<Arc<str>, String> = BTreeMap::new();
    for (path, text) in &files {
        let rule = parse_rule(path, text, &resolver)?;
        if let Some(first) = seen.get(&rule.id) {
            let at = find_literal(text, &rule.id, 0).unwrap_or(0);
            return Err(err_at(path, text, at, format!("duplicate rule id `{}` (also in {first})", rule.id)));
        }
        seen.insert(rule.id.clone(), path.clone());
        rules.push(rule);
    }
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    let context = Context::new(&lexicons);
    Ok(RuleSet { rules, lexicons, context })
}

/// Parse and compile one rule file.
pub fn parse_rule(path: &str, text: &str, lex: &dyn LexiconResolver) -> Result<Rule, RuleError> {
    let header: RuleHeader<'_> = serde_json::from_str(text).map_err(|e| json_error(path, text, 0, text, &e))?;
    let id_at = find_literal(text, &header.id, 0).unwrap_or(0);
    let (category, name) = header.id.split_once('/').unwrap_or(("", ""));
    let valid_name =
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !CATEGORIES.contains(&category) || !valid_name {
        return Err(err_at(
            path,
            text,
            id_at,
            format!("rule id `{}` must be `category/name` with a category of: {}", header.id, CATEGORIES.join(", ")),
        ));
    }
    let (raw, base) = match header.params {
        Some(raw) => (raw.get(), raw.get().as_ptr() as usize - text.as_ptr() as usize),
        None => ("{}", find_literal(text, &header.check, 0).unwrap_or(0)),
    };
    let check = checks::compile(&header.check, raw, lex).map_err(|e| match e {
        checks::CompileFailure::UnknownKind => err_at(
            path,
            text,
            find_literal(text, &header.check, 0).unwrap_or(0),
            format!("unknown check kind `{}` (known: {})", header.check, checks::KINDS.join(", ")),
        ),
        checks::CompileFailure::Json(e) => json_error(path, text, base, raw, &e),
        checks::CompileFailure::Invalid(c) => {
            let at = c.at.as_deref().and_then(|needle| find_literal(raw, needle, 0)).unwrap_or(0);
            err_at(path, text, base + at, c.message)
        }
    })?;
    Ok(Rule {
        id: header.id.as_str().into(),
        severity: header.severity,
        message: header.message,
        help: header.help,
        description: header.description,
        kind: header.check,
        enabled: header.enabled,
        check,
        examples: header.examples,
        origin: path.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Rule, RuleError> {
        let lexicons = Lexicons::default();
        parse_rule("r.json", text, &Resolver { lexicons: &lexicons })
    }

    const GOOD: &str = r#"{
  "id": "style/reportedly",
  "severity": "info",
  "message": "hedge",
  "check": "existence",
  "params": { "phrases": ["reportedly"] }
}"#;

    #[test]
    fn good_rule_loads() {
        let r = parse(GOOD).unwrap();
        assert_eq!(&*r.id, "style/reportedly");
    }

    #[test]
    fn misspelt_field_names_its_line_and_column() {
        let bad = GOOD.replace("\"severity\"", "\"sevrity\"");
        let e = parse(&bad).unwrap_err();
        assert_eq!((e.line, e.column), (3, 3), "{e}");
        assert!(e.message.contains("unknown field `sevrity`"), "{e}");
    }

    #[test]
    fn bad_regex_in_params_points_into_params() {
        let bad = GOOD.replace(r#""phrases": ["reportedly"]"#, r#""patterns": ["(unclosed"]"#);
        let e = parse(&bad).unwrap_err();
        assert_eq!(e.line, 6, "{e}");
        assert!(e.message.contains("bad regex"), "{e}");
    }

    #[test]
    fn unknown_kind_and_missing_lexicon_are_errors() {
        let e = parse(&GOOD.replace("\"existence\"", "\"existance\"")).unwrap_err();
        assert!(e.message.contains("unknown check kind"), "{e}");
        assert_eq!(e.line, 5);
        let e = parse(&GOOD.replace(r#""phrases": ["reportedly"]"#, r#""lexicon": "@lexicons/nope""#)).unwrap_err();
        assert!(e.message.contains("unknown lexicon `nope`"), "{e}");
        assert_eq!(e.line, 6);
    }

    #[test]
    fn bad_id_is_an_error() {
        let e = parse(&GOOD.replace("style/reportedly", "Style/Reportedly")).unwrap_err();
        assert!(e.message.contains("category/name"), "{e}");
    }
}

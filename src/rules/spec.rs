//! The shape of a rule file. `deny_unknown_fields` everywhere: a misspelt field is an
//! error that names its line and column, never a silently ignored setting.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

use crate::finding::Severity;

/// Categories a rule id may start with (they are the `category` field of every output).
pub const CATEGORIES: &[&str] =
    &["attribution", "counter-position", "dates", "numbers", "consistency", "style", "revision"];

/// The fields every rule file has, whatever its check kind. `params` is kept raw and
/// read by the check kind's own parameter type, so its errors point into the file too.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleHeader<'a> {
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)]
    pub schema: Option<String>,
    pub id: String,
    pub severity: Severity,
    pub message: String,
    #[serde(default)]
    pub help: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    pub check: String,
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(borrow, default)]
    pub params: Option<&'a serde_json::value::RawValue>,
    #[serde(default)]
    pub examples: Examples,
}

/// Example texts that the test suite and `factlint rules test` run for the rule.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Texts on which the rule must report nothing.
    #[serde(default)]
    pub valid: Vec<String>,
    /// Texts on which the rule must report at least one finding.
    #[serde(default)]
    pub invalid: Vec<String>,
    /// Revision rules: (old, new) versions whose diff must not report the rule.
    #[serde(default)]
    pub valid_pairs: Vec<ExamplePair>,
    /// Revision rules: (old, new) versions whose diff must report the rule at least once.
    #[serde(default)]
    pub invalid_pairs: Vec<ExamplePair>,
}

/// Two versions of an article, for revision rules' examples.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExamplePair {
    pub old: String,
    pub new: String,
}

/// A regular expression (Rust `regex` syntax: no look-around, no backreferences),
/// compiled when the rule file is read so a bad pattern stops loading at its position.
#[derive(Debug, Clone)]
pub struct Pattern(pub regex::Regex);

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        regex::RegexBuilder::new(&s)
            .case_insensitive(false)
            .size_limit(1 << 20)
            .build()
            .map(Pattern)
            .map_err(|e| serde::de::Error::custom(format!("bad regex `{s}`: {}", first_line(&e.to_string()))))
    }
}

fn first_line(s: &str) -> String {
    // The regex crate's error is a multi-line picture; keep the reason line.
    s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(s).trim().to_string()
}

impl JsonSchema for Pattern {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Pattern".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A regular expression in Rust `regex` syntax (no look-around, no backreferences). Prefix (?i) for case-insensitive matching."
        })
    }
}

/// Where to look for phrases: a literal list, a lexicon, regexes, or any mix.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Matcher {
    /// Whole-word phrases, matched case-insensitively.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// A word list: `@lexicons/NAME` or `@lexicons/NAME#class`.
    #[serde(default)]
    pub lexicon: Option<String>,
    #[serde(default)]
    pub patterns: Vec<Pattern>,
}

/// Where a rule applies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Sentence,
    #[default]
    Paragraph,
    Document,
}

/// `existence`: phrases or regexes that should not appear.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExistenceParams {
    /// Whole-word phrases, matched case-insensitively.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// A word list: `@lexicons/NAME` or `@lexicons/NAME#class`.
    #[serde(default)]
    pub lexicon: Option<String>,
    #[serde(default)]
    pub patterns: Vec<Pattern>,
    /// Skip matches inside quotation marks (a speaker's own words are not the writer's).
    #[serde(default = "yes")]
    pub ignore_quotes: bool,
    /// A sentence that also contains one of these is exempt ("reportedly, according to X").
    #[serde(default)]
    pub unless: Option<Matcher>,
}

/// `substitution`: preferred forms. Keys are phrases, values their replacement.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubstitutionParams {
    pub swap: BTreeMap<String, String>,
    #[serde(default = "yes")]
    pub ignore_quotes: bool,
}

/// `conditional`: if a phrase appears in a scope, another must appear too.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConditionalParams {
    #[serde(rename = "if")]
    pub if_: Matcher,
    pub then: Matcher,
    #[serde(default)]
    pub scope: Scope,
    #[serde(default = "yes")]
    pub ignore_quotes: bool,
}

impl ExistenceParams {
    pub fn matcher(&self) -> Matcher {
        Matcher { phrases: self.phrases.clone(), lexicon: self.lexicon.clone(), patterns: self.patterns.clone() }
    }
}

pub(crate) fn yes() -> bool {
    true
}

/// The whole rule file, for the published JSON schema only (loading reads the header
/// and the params separately; see `load.rs`).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct RuleFileSchema {
    #[serde(rename = "$schema")]
    schema: Option<String>,
    /// `category/name`, e.g. `attribution/quote-needs-speaker`.
    #[schemars(regex(
        pattern = r"^(attribution|counter-position|dates|numbers|consistency|style|revision)/[a-z0-9]+(-[a-z0-9]+)*$"
    ))]
    id: String,
    severity: Severity,
    /// One line; `{match}` is replaced by the text found where the kind supports it.
    message: String,
    /// How to fix it.
    help: Option<String>,
    /// What it checks and why: printed by `factlint rules explain`.
    description: Option<String>,
    /// `false` makes the rule opt-in: it runs only when `--select` names it or its category.
    enabled: Option<bool>,
    #[serde(flatten)]
    check: super::checks::CheckSchema,
    examples: Option<Examples>,
}

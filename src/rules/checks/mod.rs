//! Check kinds: one file each, each with a `compile` from its parameters and a `run`.

pub mod attribution;
pub mod conditional;
pub mod counter_position;
pub mod dates;
pub mod existence;
pub mod quotes;
pub mod revision;
pub mod substitution;

use schemars::JsonSchema;

use super::matcher::CompiledMatcher;
use super::spec;
use crate::analysis::Context;
use crate::document::Document;
use crate::finding::Finding;

/// Every check kind with its parameters, for the JSON schema (`check` + `params`).
#[derive(JsonSchema)]
#[serde(tag = "check", content = "params", rename_all = "kebab-case")]
#[allow(dead_code)]
pub enum CheckSchema {
    /// Phrases or patterns that should not appear.
    Existence(spec::ExistenceParams),
    /// Preferred forms.
    Substitution(spec::SubstitutionParams),
    /// If X appears in a scope, Y must appear too.
    Conditional(spec::ConditionalParams),
    /// A quotation mark opened and never closed.
    QuoteBalance(quotes::QuoteBalanceParams),
    /// Dates that contradict the calendar, the dateline or each other.
    DateConsistency(dates::DateConsistencyParams),
    /// Attribution defects: quotes without speakers, unresolved pronouns, anonymous sources ...
    Attribution(attribution::AttributionParams),
    /// An accusation or contested claim needs the other side nearby.
    CounterPosition(counter_position::CounterPositionParams),
    /// A change between two versions (run by `factlint diff` only).
    Revision(revision::RevisionParams),
}

/// The names `check` may take.
pub const KINDS: &[&str] = &[
    "existence",
    "substitution",
    "conditional",
    "quote-balance",
    "date-consistency",
    "attribution",
    "counter-position",
];

/// A check kind with its parameters compiled (automata and regexes built once).
#[derive(Debug)]
pub enum Check {
    Existence(existence::Existence),
    Substitution(substitution::Substitution),
    Conditional(conditional::Conditional),
    QuoteBalance(quotes::QuoteBalance),
    DateConsistency(dates::DateConsistency),
    Attribution(attribution::AttributionCheck),
    CounterPosition(counter_position::CounterPosition),
    Revision(revision::Revision),
}

/// What a check run needs besides the document.
pub struct RunContext<'a> {
    pub rule: &'a super::Rule,
    pub analysis: &'a Context,
}

impl Check {
    pub fn run(&self, doc: &Document, cx: &RunContext<'_>, out: &mut Vec<Finding>) {
        match self {
            Check::Existence(c) => c.run(doc, cx, out),
            Check::Substitution(c) => c.run(doc, cx, out),
            Check::Conditional(c) => c.run(doc, cx, out),
            Check::QuoteBalance(c) => c.run(doc, cx, out),
            Check::DateConsistency(c) => c.run(doc, cx, out),
            Check::Attribution(c) => c.run(doc, cx, out),
            Check::CounterPosition(c) => c.run(doc, cx, out),
            Check::Revision(c) => c.run(doc, cx, out),
        }
    }
}

/// Resolves `@lexicons/...` references while compiling.
pub trait LexiconResolver {
    fn matcher(&self, m: &spec::Matcher) -> Result<CompiledMatcher, CompileError>;
}

/// A problem in a rule's parameters that the loader turns into file:line:column.
#[derive(Debug)]
pub struct CompileError {
    pub message: String,
    /// A string value in the params to point at, if the problem is about one.
    pub at: Option<String>,
}

impl From<String> for CompileError {
    fn from(message: String) -> Self {
        Self { message, at: None }
    }
}

impl From<&str> for CompileError {
    fn from(message: &str) -> Self {
        Self { message: message.to_string(), at: None }
    }
}

pub enum CompileFailure {
    UnknownKind,
    Json(serde_json::Error),
    Invalid(CompileError),
}

fn params<T: serde::de::DeserializeOwned>(raw: &str) -> Result<T, CompileFailure> {
    serde_json::from_str(raw).map_err(CompileFailure::Json)
}

/// Compile a check kind from its raw `params` JSON.
pub fn compile(kind: &str, raw: &str, lex: &dyn LexiconResolver) -> Result<Check, CompileFailure> {
    let inv = CompileFailure::Invalid;
    Ok(match kind {
        "existence" => Check::Existence(existence::Existence::compile(params(raw)?, lex).map_err(inv)?),
        "substitution" => Check::Substitution(substitution::Substitution::compile(params(raw)?, lex).map_err(inv)?),
        "conditional" => Check::Conditional(conditional::Conditional::compile(params(raw)?, lex).map_err(inv)?),
        "quote-balance" => Check::QuoteBalance(quotes::QuoteBalance::compile(params(raw)?, lex).map_err(inv)?),
        "date-consistency" => Check::DateConsistency(dates::DateConsistency::compile(params(raw)?).map_err(inv)?),
        "attribution" => Check::Attribution(attribution::AttributionCheck::compile(params(raw)?, lex).map_err(inv)?),
        "counter-position" => {
            Check::CounterPosition(counter_position::CounterPosition::compile(params(raw)?, lex).map_err(inv)?)
        }
        "revision" => Check::Revision(revision::Revision::compile(params(raw)?, lex).map_err(inv)?),
        _ => return Err(CompileFailure::UnknownKind),
    })
}

//! One function per subcommand; each returns the process exit code.

mod check;
mod dates;
mod diff;
pub mod rules;
mod sources;

use std::io::Write;

use crate::cli::{Cli, Command, InputArgs, RuleArgs};
use crate::input::InputOptions;
use crate::rules::{RuleSet, RuleSource, load};

/// Exit codes: nothing at or above --fail-on / findings / usage, input or rule error.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Sources(args) => sources::run(args),
        Command::Dates(args) => dates::run(args),
        Command::Rules(cmd) => rules::run(cmd),
        Command::Schema => rules::schema(),
    }
}

/// Print `factlint: error: ...` on stderr.
pub(crate) fn error(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "factlint: error: {message}");
}

/// Load the rules the flags ask for, or print why not.
pub(crate) fn load_rules(args: &RuleArgs) -> Result<RuleSet, u8> {
    let mut sources = vec![match &args.rules {
        Some(dir) => RuleSource::Dir(dir.clone()),
        None => RuleSource::Embedded,
    }];
    sources.extend(args.extend_rules.iter().cloned().map(RuleSource::Dir));
    let mut set = load::load(&sources).map_err(|e| {
        error(e);
        EXIT_ERROR
    })?;
    set.filter(&args.select, &args.ignore).map_err(|e| {
        error(e);
        EXIT_ERROR
    })?;
    Ok(set)
}

pub(crate) fn input_options(args: &InputArgs) -> Result<InputOptions, u8> {
    let date = match &args.date {
        Some(d) => Some(crate::input::parse_date(d).map_err(|e| {
            error(format!("--date: {e}"));
            EXIT_ERROR
        })?),
        None => None,
    };
    Ok(InputOptions { date, max_bytes: args.max_file_size })
}

/// Read one article for `sources` / `dates`.
pub(crate) fn read_one(path: &str, opts: &InputOptions) -> Result<crate::Document, u8> {
    crate::input::read_path(path, opts).map_err(|e| {
        error(format!("{path}: {e}"));
        EXIT_ERROR
    })
}

/// `{"start", "end", "text"}` of a span in the original file.
pub(crate) fn span_json(doc: &crate::Document, span: crate::text::Span) -> serde_json::Value {
    let s = doc.map.span_to_source(span);
    serde_json::json!({"start": s.start, "end": s.end, "text": &doc.source[s.start..s.end]})
}

/// Write to stdout, treating a closed pipe (`| head`) as success.
pub(crate) fn write_stdout(bytes: &[u8]) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => EXIT_CLEAN,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_CLEAN,
        Err(e) => {
            error(format!("writing output: {e}"));
            EXIT_ERROR
        }
    }
}

//! Command-line interface (clap derive). Parsing only: the work is in `commands`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::finding::Severity;
use crate::render::Format;

#[derive(Debug, Parser)]
#[command(name = "factlint", version, about = "Fact-consistency linter for news articles", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint articles (files, directories, or - for standard input).
    Check(CheckArgs),
    /// Compare versions of an article (oldest first): what changed in substance.
    Diff(DiffArgs),
    /// List who said what: every attribution and its resolved speaker.
    Sources(AnalysisArgs),
    /// List temporal expressions resolved against the dateline.
    Dates(AnalysisArgs),
    /// Inspect and test rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Print the JSON schema of rule files.
    Schema,
    /// Show how factlint reads an article: paragraphs, sentences, quotes (for rule authors).
    #[command(hide = true)]
    Inspect(AnalysisArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Error,
    Warning,
    Info,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Self {
        match s {
            SeverityArg::Error => Severity::Error,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Info => Severity::Info,
        }
    }
}

/// Which rules run.
#[derive(Debug, Clone, Args)]
pub struct RuleArgs {
    /// Use only the rules in DIR (rule files and lexicons/) instead of the embedded set.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Add the rules in DIR to the embedded set (repeatable).
    #[arg(long, value_name = "DIR")]
    pub extend_rules: Vec<PathBuf>,
    /// Run only these rule ids or categories (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    pub select: Vec<String>,
    /// Skip these rule ids or categories.
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    pub ignore: Vec<String>,
    /// Read settings from FILE instead of the nearest .factlint.json.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any .factlint.json.
    #[arg(long)]
    pub no_config: bool,
}

/// How inputs are read.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Dateline to resolve relative dates against (overrides the file's).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Refuse files larger than this many bytes (default 16 MiB).
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Article files or directories; - reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit 1 when a finding is at or above this severity [default: error, or the config's].
    #[arg(long, value_enum)]
    pub fail_on: Option<SeverityArg>,
    /// Exit 0 even when there are findings (input and rule errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Print the number of findings per rule.
    #[arg(long)]
    pub statistics: bool,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    pub rule_args: RuleArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Two or more versions of one article, oldest first; each consecutive pair is compared.
    #[arg(required = true, num_args = 2.., value_name = "VERSION")]
    pub paths: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit 1 when a revision finding or an introduced finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = SeverityArg::Error)]
    pub fail_on: SeverityArg,
    /// Exit 0 even when there are findings (input and rule errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// List minor edits (typos, punctuation, spacing) instead of only counting them.
    #[arg(long, short)]
    pub verbose: bool,
    /// Print the number of findings per rule.
    #[arg(long)]
    pub statistics: bool,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    pub rule_args: RuleArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct AnalysisArgs {
    /// The article (- for standard input).
    #[arg(value_name = "FILE")]
    pub path: String,
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub rule_args: RuleArgs,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the rules in force.
    List {
        #[command(flatten)]
        rule_args: RuleArgs,
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Show a rule's documentation, settings and examples.
    Explain {
        id: String,
        #[command(flatten)]
        rule_args: RuleArgs,
    },
    /// Run the examples of every rule in DIR (default: the embedded rules).
    Test {
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match factlint::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr.
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    ExitCode::from(factlint::commands::run(cli))
}

use std::process::ExitCode;

use clap::Parser;

// The analyses build many small vectors and strings per document; glibc's allocator took
// about a tenth of check's time, mimalloc a fraction of that (ruff makes the same choice).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

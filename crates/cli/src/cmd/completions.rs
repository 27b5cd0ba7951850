//! `claimtrace completions SHELL` and `claimtrace man`: the shell completion
//! script and the man page, generated from the same clap definition that
//! parses the command line, so they never drift from it.

use std::io::{self, Write};
use std::process::ExitCode;

/// Print a shell completion script.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Write the completion script for `args.shell` to standard output.
pub fn run(args: Args, mut cli: clap::Command) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    clap_complete::generate(args.shell, &mut cli, "claimtrace", &mut out);
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Print the man page.
#[derive(clap::Args, Debug)]
pub struct ManArgs {}

/// Write the roff man page of `claimtrace` to standard output
/// (`claimtrace man > claimtrace.1`).
pub fn run_man(_args: ManArgs, cli: clap::Command) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    clap_mangen::Man::new(cli).render(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

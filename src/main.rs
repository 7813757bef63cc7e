//! The `careers` binary: parse flags, run the command, turn the result into an exit code.

use std::process::ExitCode;

use clap::Parser;

use careers::cli::{Cli, Command};
use careers::console::Console;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            // clap uses 0 for --help/--version and 2 for usage errors, as docs/diagnostics.md documents.
            return ExitCode::from(err.exit_code().clamp(0, 255) as u8);
        }
    };
    let console = Console::new(cli.quiet, cli.verbose);
    let code = match &cli.command {
        Command::Build(args) => careers::commands::build(&cli.site, args, &console),
        Command::Check(args) => careers::commands::check(&cli.site, args, &console),
        Command::Watch(args) => careers::watch::run(&cli.site, args, &console),
        Command::Serve(args) => careers::serve::run(&cli.site, args, &console),
        Command::Init(args) => careers::commands::init(args, &console),
        Command::New(args) => careers::commands::new_posting(&cli.site, args, &console),
        Command::Explain(args) => careers::commands::explain(args, &console),
        Command::Schema(args) => careers::commands::schema(&cli.site, args, &console),
        Command::Cms(args) => careers::commands::cms(&cli.site, args, &console),
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}

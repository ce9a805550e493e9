//! The `funcbox` command: a thin layer over the `funcbox` library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}

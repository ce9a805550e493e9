//! The `funcbox` command's exit codes: one per kind of failure, documented in one table that
//! `funcbox --help`, `funcbox run --help` and the README all show.

/// A process exit status of the `funcbox` command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Exit {
    /// The command succeeded.
    Success = 0,
    /// The function threw a JavaScript exception.
    JsException = 1,
    /// The command line was wrong (clap's convention).
    Usage = 2,
    /// The code is not a usable module: a syntax error, the module threw while loading, or it
    /// does not export a function.
    InvalidModule = 3,
    /// The CPU budget ran out: the fuel (`--fuel`) or the engine's per-loop iteration limit.
    OutOfFuel = 4,
    /// The wall-clock deadline (`--timeout`) passed.
    Timeout = 5,
    /// The guest needed more memory than the cap (`--memory`).
    MemoryLimit = 6,
    /// The result was larger than `--max-output`.
    OutputTooLarge = 7,
    /// The recursion or nesting was too deep for the sandbox's stacks.
    StackOverflow = 8,
    /// The guest failed in any other way (a trap, a broken or tampered guest).
    GuestTrap = 9,
    /// Reading or writing a file, the library or the cache failed.
    Io = 10,
    /// The input is not valid UTF-8 (see `--lossy`) or larger than `--max-input`.
    InvalidInput = 11,
    /// No saved function or file has that name.
    NotFound = 12,
    /// The LLM endpoint could not be reached: connection refused, DNS failure, or timeout.
    LlmUnreachable = 20,
    /// The LLM endpoint refused the credentials (401/403), or an API key is needed and missing.
    LlmAuth = 21,
    /// The LLM endpoint does not know the model (404).
    LlmModelNotFound = 22,
    /// The LLM endpoint kept failing (429 or 5xx) after the retries.
    LlmUnavailable = 23,
    /// The LLM's reply was unusable: not JSON, no choices, empty, or no code in it.
    LlmBadReply = 24,
    /// The generated code failed its checks in every attempt; nothing was saved.
    GenerationFailed = 25,
    /// A saved function by that name already exists (see `--force`).
    AlreadyExists = 26,
}

impl Exit {
    /// Every exit status, in numeric order.
    pub const ALL: [Exit; 20] = [
        Exit::Success,
        Exit::JsException,
        Exit::Usage,
        Exit::InvalidModule,
        Exit::OutOfFuel,
        Exit::Timeout,
        Exit::MemoryLimit,
        Exit::OutputTooLarge,
        Exit::StackOverflow,
        Exit::GuestTrap,
        Exit::Io,
        Exit::InvalidInput,
        Exit::NotFound,
        Exit::LlmUnreachable,
        Exit::LlmAuth,
        Exit::LlmModelNotFound,
        Exit::LlmUnavailable,
        Exit::LlmBadReply,
        Exit::GenerationFailed,
        Exit::AlreadyExists,
    ];

    /// The numeric exit code.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// What the code means, in a few words.
    pub fn meaning(self) -> &'static str {
        match self {
            Exit::Success => "success",
            Exit::JsException => "the function threw a JavaScript exception",
            Exit::Usage => "invalid command line",
            Exit::InvalidModule => "not a usable module (syntax error, or no function exported)",
            Exit::OutOfFuel => "CPU budget exhausted (--fuel, or a loop over 10^9 iterations)",
            Exit::Timeout => "wall-clock deadline passed (--timeout)",
            Exit::MemoryLimit => "memory cap reached (--memory)",
            Exit::OutputTooLarge => "result larger than --max-output",
            Exit::StackOverflow => "recursion or nesting too deep",
            Exit::GuestTrap => "the sandbox failed in another way (trap, broken guest)",
            Exit::Io => "I/O error (files, library, cache)",
            Exit::InvalidInput => {
                "input is not valid UTF-8 (see --lossy) or too large (see --max-input)"
            }
            Exit::NotFound => "no saved function or file by that name",
            Exit::LlmUnreachable => "LLM endpoint unreachable (connection, DNS, timeout)",
            Exit::LlmAuth => "LLM endpoint refused the API key, or a key is missing",
            Exit::LlmModelNotFound => "LLM endpoint does not know the model",
            Exit::LlmUnavailable => "LLM endpoint kept failing (429/5xx) after retries",
            Exit::LlmBadReply => "LLM reply unusable (not JSON, no choices, empty, no code)",
            Exit::GenerationFailed => "generated code failed its checks in every attempt",
            Exit::AlreadyExists => "a saved function by that name exists (see --force)",
        }
    }

    /// The table of exit codes, as shown in `--help` and the README.
    pub fn table() -> String {
        let mut table = String::from("Exit codes:\n");
        for exit in Exit::ALL {
            table.push_str(&format!("  {:>2}  {}\n", exit.code(), exit.meaning()));
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::Exit;

    #[test]
    fn codes_are_distinct_and_in_order() {
        for pair in Exit::ALL.windows(2) {
            assert!(pair[0].code() < pair[1].code(), "{pair:?}");
        }
    }

    #[test]
    fn the_readme_documents_every_exit_code() {
        let readme = include_str!("../../README.md");
        for exit in Exit::ALL {
            let row = format!("| {} | {} |", exit.code(), exit.meaning());
            assert!(readme.contains(&row), "README.md lacks the row `{row}`");
        }
    }
}

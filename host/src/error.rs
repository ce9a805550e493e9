//! Typed errors of the funcbox library, each mapped to one documented exit code.

use std::{path::PathBuf, time::Duration};

use crate::exit::Exit;

/// Why running a function in the sandbox failed.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The function threw; the message has the error's name, message and location.
    #[error("{0}")]
    JsException(String),
    /// The code does not compile, throws while loading, or exports no function.
    #[error("invalid module: {0}")]
    InvalidModule(String),
    /// The fuel budget ran out.
    #[error(
        "out of fuel: the function used its whole budget of {budget} fuel units (raise it with --fuel)"
    )]
    OutOfFuel {
        /// The budget that was exhausted.
        budget: u64,
    },
    /// A single loop ran more iterations than the engine allows.
    #[error("{0}")]
    LoopLimit(String),
    /// The wall-clock deadline passed.
    #[error("timed out after {} (raise it with --timeout)", humantime::format_duration(*.limit))]
    Timeout {
        /// The deadline that passed.
        limit: Duration,
    },
    /// The guest asked for more memory than the cap.
    #[error("memory limit reached: the function needed more than {} MiB (raise it with --memory)", .limit / (1024 * 1024))]
    MemoryLimit {
        /// The cap, in bytes.
        limit: u64,
    },
    /// The result is larger than allowed.
    #[error(
        "output too large: the result is over the {limit}-byte limit (raise it with --max-output)"
    )]
    OutputTooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
    /// Recursion or nesting exhausted one of the sandbox's stacks.
    #[error("stack overflow: {0}")]
    StackOverflow(String),
    /// The guest trapped or misbehaved in another way.
    #[error("the sandbox failed: {0}")]
    GuestTrap(String),
    /// The input is not valid UTF-8, or larger than the input limit.
    #[error("{0}")]
    InvalidInput(String),
}

impl RunError {
    /// The exit code the CLI reports for this error.
    pub fn exit(&self) -> Exit {
        match self {
            RunError::JsException(_) => Exit::JsException,
            RunError::InvalidModule(_) => Exit::InvalidModule,
            RunError::OutOfFuel { .. } | RunError::LoopLimit(_) => Exit::OutOfFuel,
            RunError::Timeout { .. } => Exit::Timeout,
            RunError::MemoryLimit { .. } => Exit::MemoryLimit,
            RunError::OutputTooLarge { .. } => Exit::OutputTooLarge,
            RunError::StackOverflow(_) => Exit::StackOverflow,
            RunError::GuestTrap(_) => Exit::GuestTrap,
            RunError::InvalidInput(_) => Exit::InvalidInput,
        }
    }
}

/// Why the sandbox itself could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// The embedded guest is not the recorded build.
    #[error(
        "the embedded guest is corrupt: its sha256 is {actual}, the recorded build's is {expected}"
    )]
    TamperedGuest {
        /// The sha256 that was recorded at build time.
        expected: String,
        /// The sha256 of the bytes found.
        actual: String,
    },
    /// The guest does not have the exports the ABI requires.
    #[error("the guest does not match the funcbox ABI: {}", .0.join("; "))]
    BadExports(Vec<String>),
    /// Wasmtime could not configure, compile or link the guest.
    #[error("could not prepare the sandbox: {0:#}")]
    Engine(wasmtime::Error),
}

impl SandboxError {
    /// The exit code the CLI reports for this error.
    pub fn exit(&self) -> Exit {
        Exit::GuestTrap
    }
}

/// Why a saved function or file could not be found or read.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// Neither a saved function nor a file has this name.
    #[error("no function named `{name}` (see `funcbox list`) and no file at that path")]
    NotFound {
        /// The name or path asked for.
        name: String,
    },
    /// The name cannot be a saved function's name.
    #[error("`{name}` is not a valid function name: {reason}")]
    InvalidName {
        /// The name given.
        name: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// Reading or writing the library failed.
    #[error("{action} {}: {source}", .path.display())]
    Io {
        /// What was being done ("reading", "writing"…).
        action: &'static str,
        /// The file involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A function by this name is already saved.
    #[error("a function named `{name}` already exists (pass --force to replace it)")]
    AlreadyExists {
        /// The name.
        name: String,
    },
    /// The user's home directory could not be determined.
    #[error("cannot find a home directory for funcbox's files: set FUNCBOX_HOME")]
    NoHome,
}

impl LibraryError {
    /// The exit code the CLI reports for this error.
    pub fn exit(&self) -> Exit {
        match self {
            LibraryError::NotFound { .. } => Exit::NotFound,
            LibraryError::InvalidName { .. } => Exit::Usage,
            LibraryError::AlreadyExists { .. } => Exit::AlreadyExists,
            LibraryError::Io { .. } | LibraryError::NoHome => Exit::Io,
        }
    }
}

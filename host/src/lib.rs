//! funcbox: turn an English description into a small JavaScript function and run it safely.
//!
//! The code runs inside a WebAssembly sandbox (the Boa engine compiled to `wasm32-wasip1`,
//! embedded in this crate) with no files, network or environment, a memory cap, a fuel budget
//! and a wall-clock deadline.
//!
//! ```no_run
//! use funcbox::{Limits, Sandbox};
//!
//! let sandbox = Sandbox::new(None)?;
//! let mut function = sandbox.load("module.exports = s => s.length", &Limits::default())?;
//! assert_eq!(function.invoke("hello")?.output, "5");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Where things live: [`sandbox`] (engine, limits enforcement, instances), [`limits`] (the
//! limits and their parsing), [`lines`] (one call per input line), [`network`] (what `fetch`
//! may reach), [`guest`] (the embedded guest and its integrity check), [`llm`] (the model:
//! client, prompt, extraction, the generate-prove-repair loop), [`library`] (saved functions
//! on disk), [`exec_cache`] (code cached for `funcbox exec`), [`paths`] (where funcbox keeps
//! files), [`exit`] (the CLI's exit codes) and [`error`] (typed errors).

pub mod atomic;
pub mod error;
pub mod exec_cache;
pub mod exit;
pub mod guest;
mod http;
pub mod library;
pub mod limits;
pub mod lines;
pub mod llm;
pub mod network;
pub mod paths;
pub mod sandbox;

pub use error::{LibraryError, RunError, SandboxError};
pub use exit::Exit;
pub use limits::Limits;
pub use sandbox::{Function, Invocation, Sandbox};

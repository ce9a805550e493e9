//! End-to-end tests of the real `funcbox` binary: `.js` fixtures with their expected output or
//! error, hostile code, and the command line's contract (exit codes, stdin, the library, the
//! compiled-code cache), and generation against a fake OpenAI-compatible server.

mod cli;
mod fake_llm;
mod fixtures;
mod generate;
mod support;

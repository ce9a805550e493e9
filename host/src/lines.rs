//! Line mode (`funcbox run --lines`): the function called once per input line, on one
//! instance, with one result printed per line.
//!
//! The module is evaluated once and its function called for every line, as a long-running
//! node process would call it from `readline`'s `line` event: what the module keeps in its
//! own variables (a cache, a counter) carries from line to line. A pure function's results are
//! exactly those of separate runs; a fresh instance per line would cost a new JS realm and
//! module evaluation each time (~0.4 ms, against microseconds per call), and no partial reset
//! is sound for the engine's state. Each line is a call: the fuel budget, deadline and output
//! cap apply to each line, as to a whole-input run.
//!
//! A line ends at `\n`; one `\r` before it is dropped, and a final line without `\n` counts.

use std::{
    borrow::Cow,
    io::{self, BufRead, BufReader, Read, Write},
};

use crate::{RunError, sandbox::Function};

/// How line mode reads its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineOptions {
    /// Longest line accepted, in bytes (without its line ending).
    pub max_line: u64,
    /// Replace invalid UTF-8 instead of failing the line.
    pub lossy: bool,
}

/// Why line mode stopped early.
#[derive(Debug, thiserror::Error)]
pub enum LinesError {
    /// The function failed on a line (1-based).
    #[error("line {line}: {source}")]
    Run {
        /// The line's number.
        line: u64,
        /// What went wrong.
        source: RunError,
    },
    /// Reading the input failed.
    #[error("reading line {line}: {source}")]
    Read {
        /// The line's number.
        line: u64,
        /// The I/O error.
        source: io::Error,
    },
    /// Writing a result failed (a closed pipe included: the caller decides what that means).
    #[error("writing the result of line {line}: {source}")]
    Write {
        /// The line's number.
        line: u64,
        /// The I/O error.
        source: io::Error,
    },
}

/// Calls `function` on every line of `input`, writing each result (through `render`, e.g. to
/// make it safe for a terminal) and a newline to `output`; `after_call` sees the function
/// after every call (for its console output). Returns the number of lines.
///
/// Output is flushed whenever the input has nothing more buffered, so a slow producer (`tail
/// -f`) sees each result at once while a file is written in large blocks.
pub fn run_lines<R: Read>(
    function: &mut Function<'_>,
    input: &mut BufReader<R>,
    output: &mut impl Write,
    options: LineOptions,
    render: &dyn for<'a> Fn(&'a str) -> Cow<'a, str>,
    after_call: &mut dyn FnMut(&mut Function<'_>),
) -> Result<u64, LinesError> {
    let mut line_bytes = Vec::new();
    let mut number = 0;
    loop {
        if input.buffer().is_empty() {
            output.flush().map_err(|source| LinesError::Write {
                line: number,
                source,
            })?;
        }
        number += 1;
        line_bytes.clear();
        let read = input
            .by_ref()
            .take(options.max_line.saturating_add(2))
            .read_until(b'\n', &mut line_bytes)
            .map_err(|source| LinesError::Read {
                line: number,
                source,
            })?;
        if read == 0 {
            output.flush().map_err(|source| LinesError::Write {
                line: number,
                source,
            })?;
            return Ok(number - 1);
        }
        let text = line_text(&mut line_bytes, options).map_err(|source| LinesError::Run {
            line: number,
            source,
        })?;
        let outcome = function.invoke(text.as_ref());
        after_call(function);
        let result = outcome.map_err(|source| LinesError::Run {
            line: number,
            source,
        })?;
        output
            .write_all(render(&result.output).as_bytes())
            .and_then(|()| output.write_all(b"\n"))
            .map_err(|source| LinesError::Write {
                line: number,
                source,
            })?;
    }
}

/// The line without its ending, as text; an error when it is too long or not UTF-8.
fn line_text(bytes: &mut Vec<u8>, options: LineOptions) -> Result<Cow<'_, str>, RunError> {
    let ended = bytes.last() == Some(&b'\n');
    if ended {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    }
    // The read window is two bytes longer than a line may be, so a line that goes on past it
    // is caught here too.
    if bytes.len() as u64 > options.max_line {
        return Err(RunError::InvalidInput(format!(
            "the line is longer than the {}-byte limit (raise it with --max-input)",
            options.max_line
        )));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) if options.lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(err) => Err(RunError::InvalidInput(format!(
            "the line is not valid UTF-8 (invalid byte at offset {}); pass --lossy to replace \
             invalid bytes",
            err.valid_up_to()
        ))),
    }
}

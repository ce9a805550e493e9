//! The ABI between the funcbox host and its WebAssembly guest, defined once for both sides.
//!
//! The guest is a reactor module (`wasm32-wasip1`) that embeds a JavaScript engine. The host
//! drives it through a handful of C-style exports, all taking and returning `i32`:
//!
//! 1. `_initialize()` once, right after instantiation (runs the guest's static constructors).
//! 2. `ptr = funcbox_alloc(len)`, then the host writes `len` bytes of JavaScript source at
//!    `ptr` and calls `status = register_function(ptr, len)`. The guest takes ownership of the
//!    buffer, evaluates the CommonJS module once and keeps the exported function.
//! 3. For every input: `ptr = funcbox_alloc(len)`, write the UTF-8 input, then
//!    `status = invoke(ptr, len, max_output)`. `invoke` may be called any number of times.
//!
//! After `register_function` and `invoke`, `result_ptr()` and `result_len()` locate a UTF-8
//! buffer in guest memory: the function's output when the status is [`Status::Ok`], an error
//! message otherwise. It stays valid until the next call into the guest.
//!
//! The guest compiles this file in as a module (see `guest/src/lib.rs` for why), so it must
//! stay a single dependency-free file.
//!
//! Inputs travel through memory rather than WASI stdin so that one instance can serve many calls;
//! the guest's stderr (fd 2) carries `console.log` output, which the host captures.

/// Name of the guest's linear memory export.
pub const EXPORT_MEMORY: &str = "memory";
/// Runs the guest's static constructors; the host calls it once after instantiation when the
/// guest exports it. A snapshot (see the host's `sandbox::snapshot`) has run it already and
/// does not.
pub const EXPORT_INITIALIZE: &str = "_initialize";
/// `funcbox_alloc(len) -> ptr`: a buffer of `len` bytes that the next call takes ownership of.
pub const EXPORT_ALLOC: &str = "funcbox_alloc";
/// `register_function(ptr, len) -> status`: compiles the JavaScript module and keeps its function.
pub const EXPORT_REGISTER: &str = "register_function";
/// `invoke(ptr, len, max_output) -> status`: calls the registered function on a UTF-8 input.
pub const EXPORT_INVOKE: &str = "invoke";
/// `result_ptr() -> ptr`: where the last call's output or error message starts.
pub const EXPORT_RESULT_PTR: &str = "result_ptr";
/// `result_len() -> len`: the byte length of the last call's output or error message.
pub const EXPORT_RESULT_LEN: &str = "result_len";

/// The module of the host functions the guest imports beyond WASI.
pub const IMPORT_MODULE: &str = "funcbox";
/// `http_request(ptr, len) -> reply_len`: the guest hands the host a JSON request (`url`,
/// `method`, `headers` as `[name, value]` pairs, `body`); the host makes it if the function's
/// network allowlist permits, and returns the byte length of its JSON reply: `status`,
/// `statusText`, `url`, `headers`, `body`, or `error` with a message.
pub const IMPORT_HTTP_REQUEST: &str = "http_request";
/// `http_reply(ptr)`: copies the last reply into the `reply_len` bytes at `ptr`.
pub const IMPORT_HTTP_REPLY: &str = "http_reply";

/// How many bytes of `console` output the guest writes to its stderr before it stops writing
/// (and says so once). The host's capture buffer is a little larger, as a hard backstop.
pub const CONSOLE_LIMIT: usize = 1 << 20;

/// The guest reports a Rust panic (an engine bug, or an allocation too large for its 32-bit
/// address space) as one stderr line starting with this, just before it aborts; the host
/// turns that line into its error message and keeps it out of the console output.
pub const PANIC_PREFIX: &str = "funcbox-guest panic: ";

/// Every function export the host relies on, with its number of `i32` parameters and results.
///
/// The host checks the guest against this table when it loads it, so a stale or foreign guest
/// fails with one message naming everything that is wrong instead of a trap later on.
pub const FUNCTION_EXPORTS: &[(&str, usize, usize)] = &[
    (EXPORT_ALLOC, 1, 1),
    (EXPORT_REGISTER, 2, 1),
    (EXPORT_INVOKE, 3, 1),
    (EXPORT_RESULT_PTR, 0, 1),
    (EXPORT_RESULT_LEN, 0, 1),
];

/// The outcome of `register_function` or `invoke`, returned as an `i32`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Status {
    /// The call succeeded; the result buffer holds the output (empty after `register_function`).
    Ok = 0,
    /// The function threw; the result buffer holds the error's name, message and location.
    JsException = 1,
    /// The source is not a usable module: a syntax error, the module body threw, or it does not
    /// export a function.
    InvalidModule = 2,
    /// `String(result)` is longer than the `max_output` bytes the host allows.
    OutputTooLarge = 3,
    /// The bytes passed in are not valid UTF-8.
    InvalidInput = 4,
    /// `invoke` was called before a successful `register_function`.
    NotRegistered = 5,
    /// The engine's recursion limit stopped a runaway recursion (it cannot be caught in JS).
    RecursionLimit = 6,
    /// The engine's loop-iteration limit stopped a runaway loop (it cannot be caught in JS).
    LoopLimit = 7,
}

impl Status {
    /// Decodes a status returned by the guest; `None` for a value this ABI does not define.
    pub fn from_raw(raw: u32) -> Option<Self> {
        Some(match raw {
            0 => Self::Ok,
            1 => Self::JsException,
            2 => Self::InvalidModule,
            3 => Self::OutputTooLarge,
            4 => Self::InvalidInput,
            5 => Self::NotRegistered,
            6 => Self::RecursionLimit,
            7 => Self::LoopLimit,
            _ => return None,
        })
    }

    /// The value the guest returns for this status.
    pub fn to_raw(self) -> u32 {
        self as u32
    }
}

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn every_status_round_trips_through_its_raw_value() {
        for raw in 0..8 {
            let status = Status::from_raw(raw).expect("statuses 0..8 are defined");
            assert_eq!(status.to_raw(), raw);
        }
        assert_eq!(Status::from_raw(8), None);
    }
}

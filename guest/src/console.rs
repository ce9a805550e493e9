//! A `console` object whose methods write to the guest's stderr, which the host captures.
//!
//! Boa ships no `console`, and generated code calls `console.log` for debugging all the time;
//! without this it would die with a ReferenceError instead of running.

use std::{cell::Cell, io::Write};

use crate::abi::CONSOLE_LIMIT;
use boa_engine::{
    Context, JsResult, JsValue, NativeFunction, js_string, object::ObjectInitializer,
    property::Attribute,
};

thread_local! {
    static WRITTEN: Cell<usize> = const { Cell::new(0) };
}

const TRUNCATED: &str = "[funcbox: console output truncated]\n";

/// Installs `console.log`, `info`, `debug`, `warn`, `error` and `trace` as a global.
pub fn install(context: &mut Context) -> JsResult<()> {
    let console = ObjectInitializer::new(context)
        .function(NativeFunction::from_fn_ptr(print), js_string!("log"), 0)
        .function(NativeFunction::from_fn_ptr(print), js_string!("info"), 0)
        .function(NativeFunction::from_fn_ptr(print), js_string!("debug"), 0)
        .function(NativeFunction::from_fn_ptr(print), js_string!("warn"), 0)
        .function(NativeFunction::from_fn_ptr(print), js_string!("error"), 0)
        .function(NativeFunction::from_fn_ptr(print), js_string!("trace"), 0)
        .build();
    context.register_global_property(js_string!("console"), console, Attribute::all())
}

/// Formats the arguments like node does for plain values (strings bare, the rest displayed)
/// and writes them as one line.
fn print(_this: &JsValue, args: &[JsValue], _context: &mut Context) -> JsResult<JsValue> {
    let mut line = args
        .iter()
        .map(|arg| match arg.as_string() {
            Some(text) => text.to_std_string_lossy(),
            None => arg.display().to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ");
    line.push('\n');
    write_capped(line.as_bytes());
    Ok(JsValue::undefined())
}

/// Writes to stderr until [`CONSOLE_LIMIT`] bytes have been written, then once a note that the
/// rest was dropped: a function that logs in a loop keeps running instead of failing.
fn write_capped(bytes: &[u8]) {
    let written = WRITTEN.get();
    if written >= CONSOLE_LIMIT {
        return;
    }
    let room = CONSOLE_LIMIT - written;
    let mut stderr = std::io::stderr();
    // Write errors are ignored: console output is a debugging aid, never a reason to fail.
    if bytes.len() <= room {
        let _ = stderr.write_all(bytes);
        WRITTEN.set(written + bytes.len());
    } else {
        let _ = stderr.write_all(&bytes[..room]);
        let _ = stderr.write_all(TRUNCATED.as_bytes());
        WRITTEN.set(CONSOLE_LIMIT);
    }
}

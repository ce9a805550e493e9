//! A `console` object whose methods write to the guest's stderr, which the host captures.
//!
//! Boa ships no `console`, and generated code calls `console.log` for debugging all the time;
//! without this it would die with a ReferenceError instead of running.

use std::io::Write;

use boa_engine::{
    Context, JsResult, JsValue, NativeFunction, js_string, object::ObjectInitializer,
    property::Attribute,
};

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
    // The host's capture is capped; once it is full, further console output is dropped rather
    // than failing the function that logged it.
    let _ = std::io::stderr().write_all(line.as_bytes());
    Ok(JsValue::undefined())
}

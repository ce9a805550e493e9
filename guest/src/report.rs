//! Turns a JavaScript error into the one-line message the host shows: name, message, location.

use crate::abi::Status;
use boa_engine::{Context, JsError, JsValue, error::RuntimeLimitError, js_string};

use crate::runtime::{Failure, LOOP_ITERATION_LIMIT, MODULE_PATH, RECURSION_LIMIT};

/// Describes `err`; `status` is used unless the error is one of the engine's runtime limits.
pub fn failure(err: &JsError, status: Status, context: &mut Context) -> Failure {
    if let Some(limit) = runtime_limit(err) {
        return limit;
    }
    let headline = explain_absent_global(headline(err, context));
    let message = match location(err) {
        // Syntax errors already carry their position in the message.
        Some(location) if !headline.contains(position(&location)) => {
            format!("{headline} (at {location})")
        }
        _ => headline,
    };
    Failure::new(status, message)
}

/// Globals node code reaches for that the sandbox leaves out on purpose, with why and what to
/// use instead: `require is not defined` alone reads like a bug in funcbox.
const ABSENT_GLOBALS: &[(&[&str], &str)] = &[
    (
        &["require"],
        "a funcbox function is one self-contained module: there is no require or import",
    ),
    (
        &["process"],
        "there is no process: the input is the function's argument and the output its return value",
    ),
    (
        &["Buffer"],
        "there is no Buffer: use TextEncoder, TextDecoder, Uint8Array, atob and btoa",
    ),
    (
        &["XMLHttpRequest", "WebSocket"],
        "use fetch, which reaches only the hosts the user allows with --allow-host",
    ),
    (
        &[
            "setTimeout",
            "setInterval",
            "setImmediate",
            "clearTimeout",
            "clearInterval",
        ],
        "the sandbox has no timers: use promises or queueMicrotask",
    ),
    (&["__dirname", "__filename"], "the sandbox has no files"),
];

/// Adds the reason to a `ReferenceError: NAME is not defined` for a deliberately absent global.
fn explain_absent_global(headline: String) -> String {
    let Some((name, tail)) = headline
        .strip_prefix("ReferenceError: ")
        .and_then(|rest| rest.split_once(" is not defined"))
    else {
        return headline;
    };
    match ABSENT_GLOBALS
        .iter()
        .find(|(names, _)| names.contains(&name))
    {
        Some((_, why)) => format!("ReferenceError: {name} is not defined ({why}){tail}"),
        None => headline,
    }
}

fn runtime_limit(err: &JsError) -> Option<Failure> {
    let boa_engine::error::EngineError::RuntimeLimit(limit) = err.as_engine()? else {
        return None;
    };
    Some(match limit {
        RuntimeLimitError::LoopIteration => Failure::new(
            Status::LoopLimit,
            format!("RangeError: a loop ran more than {LOOP_ITERATION_LIMIT} iterations"),
        ),
        RuntimeLimitError::Recursion | RuntimeLimitError::StackSize => Failure::new(
            Status::RecursionLimit,
            format!(
                "RangeError: maximum call stack size exceeded (recursion deeper than {RECURSION_LIMIT} calls)"
            ),
        ),
    })
}

/// `Name: message` for Error objects (custom subclasses keep their name), the value itself for
/// anything else that was thrown.
fn headline(err: &JsError, context: &mut Context) -> String {
    if let Some(native) = err.as_native() {
        return first_line(&native.to_string());
    }
    let Some(value) = err.as_opaque() else {
        return first_line(&err.to_string());
    };
    if let Some(object) = value.as_object() {
        let name = property_text(&object, "name", context);
        let message = property_text(&object, "message", context);
        match (name, message) {
            (Some(name), Some(message)) if !message.is_empty() => {
                return first_line(&format!("{name}: {message}"));
            }
            (Some(name), _) => return first_line(&name),
            _ => {}
        }
    }
    format!("uncaught exception: {}", first_line(&display(value)))
}

fn property_text(
    object: &boa_engine::JsObject,
    key: &'static str,
    context: &mut Context,
) -> Option<String> {
    // Reading a property can run a getter that throws; that just means "no text here".
    let value = object.get(js_string!(key), context).ok()?;
    if value.is_undefined() {
        return None;
    }
    Some(value.to_string(context).ok()?.to_std_string_lossy())
}

fn display(value: &JsValue) -> String {
    match value.as_string() {
        Some(text) => text.to_std_string_lossy(),
        None => value.display().to_string(),
    }
}

/// The innermost stack frame in the module's own code, as `function (function.js:L:C)`.
fn location(err: &JsError) -> Option<String> {
    err.to_string()
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("at "))
        .find(|frame| frame.contains(MODULE_PATH))
        .map(str::to_owned)
}

/// `function.js:L:C` out of `name (function.js:L:C)`.
fn position(frame: &str) -> &str {
    frame
        .rsplit_once('(')
        .map_or(frame, |(_, position)| position.trim_end_matches(')'))
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}

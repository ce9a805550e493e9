//! The prompt funcbox sends the model: kept here, in one place, and versioned, so a saved
//! function records which prompt produced it and a cached `exec` result is never reused
//! across prompt changes. `funcbox new --show-prompt` prints it.

use super::client::ChatMessage;

/// Bumped whenever the text below changes meaning.
pub const PROMPT_VERSION: u32 = 3;

/// The globals the prompt promises, beyond the ECMAScript syntax itself. A test runs in the
/// sandbox to check every one exists, so the prompt never promises what is not there (the
/// predecessor promised an `Http` global that could never work).
pub const OFFERED_GLOBALS: &[&str] = &[
    "Object",
    "Function",
    "Array",
    "String",
    "Number",
    "Boolean",
    "Symbol",
    "BigInt",
    "Math",
    "JSON",
    "RegExp",
    "Date",
    "Map",
    "Set",
    "WeakMap",
    "WeakSet",
    "WeakRef",
    "Promise",
    "Proxy",
    "Reflect",
    "Error",
    "ArrayBuffer",
    "DataView",
    "Uint8Array",
    "Float64Array",
    "Iterator",
    "parseInt",
    "parseFloat",
    "isNaN",
    "isFinite",
    "encodeURIComponent",
    "decodeURIComponent",
    "encodeURI",
    "decodeURI",
    "escape",
    "unescape",
    "globalThis",
    "console",
    "Intl",
    "TextEncoder",
    "TextDecoder",
    "URL",
    "URLSearchParams",
    "atob",
    "btoa",
    "structuredClone",
    "queueMicrotask",
];

/// Globals node has that the prompt says are missing; the same test checks they are.
/// (`fetch` exists but reaches only allowed hosts: the prompt offers it only when some are.)
pub const MISSING_GLOBALS: &[&str] = &["setTimeout", "setInterval", "require", "process", "Buffer"];

/// Where the network paragraph goes in [`SYSTEM`].
const NETWORK_SLOT: &str = "{network}";

/// The system message: the contract of a funcbox function and the reply format, with the
/// network paragraph still to fill in (see [`system`]).
pub const SYSTEM: &str = r#"You write small, correct JavaScript utilities that run in a sandbox.

Reply with exactly two fenced code blocks and nothing else:

1. A ```javascript block holding ONE CommonJS module that assigns ONE function to
   module.exports:
   - The function takes one argument: the whole input (all of stdin) as a single string,
     usually ending with a newline. Parse it yourself (split lines, trim, JSON.parse...).
   - It returns a string or a number; funcbox prints String(result) and a newline.
   - Plain modern JavaScript (ES2024) only. There is no require, no import, no file I/O and
     no timers: no process, Buffer, setTimeout or setInterval.
{network}
   - The globals are the ECMAScript built-ins (Object, Function, Array, String, Number,
     Boolean, Symbol, BigInt, Math, JSON, RegExp, Date, Map, Set, WeakMap, WeakSet, WeakRef,
     Promise, Proxy, Reflect, Error and its subclasses, ArrayBuffer, DataView, the typed
     arrays such as Uint8Array and Float64Array, Iterator, parseInt, parseFloat, isNaN,
     isFinite, encodeURIComponent, decodeURIComponent, encodeURI, decodeURI, escape,
     unescape, globalThis) plus Intl, TextEncoder, TextDecoder, URL, URLSearchParams, atob,
     btoa, structuredClone, queueMicrotask and console.log/error/warn (to stderr).
   - The locale is en-US and the time zone is UTC: toLocaleString(), Intl and
     localeCompare() behave as in node with those settings.
   - The function must be deterministic and finish quickly on inputs of a few megabytes.

2. A ```json block holding 3 to 5 examples that your function passes, as an array of
   {"input": "...", "output": "..."} objects, where output is exactly String(result) for
   that input. Include an edge case (such as empty input) when it makes sense."#;

/// The system message for a function that may reach `hosts` (`--allow-host` patterns).
pub fn system(hosts: &[String]) -> String {
    let network = if hosts.is_empty() {
        "   - There is no network: do not use fetch.".to_owned()
    } else {
        format!(
            "   - Network: only these hosts can be reached: {}. Use `await fetch(url, {{ method,\n     \
             headers, body }})` in an async function (the response has status, ok,\n     \
             headers.get(name), text() and json()) or the synchronous\n     \
             `Http.request({{ url, method, headers }}, body)`, which returns\n     \
             {{ status_code, body, headers }}. Any other host fails.",
            hosts.join(", ")
        )
    };
    SYSTEM.replace(NETWORK_SLOT, &network)
}

/// The first user message: the description of the utility.
pub fn request(description: &str) -> String {
    format!("Write this utility: {description}")
}

/// The follow-up after a failed check: what went wrong, and a request for the whole module.
pub fn repair(problem: &str) -> String {
    format!(
        "Your module failed funcbox's check: {problem}\n\
         Reply again in the same format: the complete corrected module in a ```javascript \
         block, then the examples in a ```json block."
    )
}

/// The conversation that starts a generation of a function that may reach `hosts`.
pub fn messages(description: &str, hosts: &[String]) -> Vec<ChatMessage> {
    vec![
        ChatMessage::system(system(hosts)),
        ChatMessage::user(request(description)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_names_every_global_it_promises_or_denies() {
        for name in OFFERED_GLOBALS.iter().chain(MISSING_GLOBALS) {
            assert!(SYSTEM.contains(name), "the prompt does not mention {name}");
        }
    }

    #[test]
    fn fetch_is_offered_only_with_allowed_hosts() {
        let closed = system(&[]);
        assert!(closed.contains("There is no network: do not use fetch."));
        assert!(!closed.contains("Http.request") && !closed.contains(NETWORK_SLOT));
        let open = system(&["api.example.com".to_owned(), "*.example.org".to_owned()]);
        assert!(open.contains("only these hosts can be reached: api.example.com, *.example.org."));
        assert!(open.contains("await fetch(url") && open.contains("Http.request("));
        assert!(!open.contains("no network") && !open.contains(NETWORK_SLOT));
    }

    #[test]
    fn the_repair_message_carries_the_problem() {
        assert!(repair("SyntaxError: x").contains("SyntaxError: x"));
        assert!(
            messages("count vowels", &[])[1]
                .content
                .contains("count vowels")
        );
    }
}

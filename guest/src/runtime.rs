//! The JavaScript side of the sandbox: evaluate a CommonJS module once, keep its function,
//! call it on any number of inputs.

use std::path::Path;

use crate::abi::Status;
use boa_engine::{
    Context, JsObject, JsString, JsValue, Script, Source, builtins::promise::PromiseState,
    js_string, property::Attribute,
};

use crate::{collate, console, lazy, report, sort};

/// Name the module's code is reported under in error locations.
pub const MODULE_PATH: &str = "function.js";

/// JS→JS calls deeper than this fail with a recursion error. Boa's default (512) breaks
/// ordinary recursive code; its frames live on the garbage-collected heap, so the memory cap
/// bounds this limit's cost (depth 100k measured at 34 MB).
pub const RECURSION_LIMIT: usize = 10_000;

/// A single loop running more iterations than this fails with a friendly error. Far beyond what
/// the default fuel and deadline allow, it only speaks first when a user raises those.
pub const LOOP_ITERATION_LIMIT: u64 = 1_000_000_000;

/// Why a call failed: the ABI status and a one-line, human-readable message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The status returned to the host.
    pub status: Status,
    /// The message the host shows the user.
    pub message: String,
}

impl Failure {
    /// A failure with the given status and message.
    pub fn new(status: Status, message: String) -> Self {
        Self { status, message }
    }
}

/// A realm with Boa's built-ins, the sandbox's limits and funcbox's globals, waiting for a
/// module. Building one is most of what registering a function costs, so a precompiled guest
/// builds it ahead of time (see `wizer_initialize` in lib.rs).
pub struct Realm {
    context: Context,
    module: JsObject,
}

impl Realm {
    /// Builds a realm.
    pub fn new() -> Result<Self, Failure> {
        let mut context = Context::default();
        let limits = context.runtime_limits_mut();
        limits.set_recursion_limit(RECURSION_LIMIT);
        limits.set_loop_iteration_limit(LOOP_ITERATION_LIMIT);
        let module = install_globals(&mut context)
            .map_err(|err| report::failure(&err, Status::InvalidModule, &mut context))?;
        Ok(Self { context, module })
    }
}

/// A JavaScript realm holding one registered function.
pub struct Runtime {
    context: Context,
    function: JsObject,
}

impl Runtime {
    /// Evaluates `source` as a CommonJS module in a new realm and keeps the function it
    /// exports (see [`Runtime::in_realm`]).
    pub fn new(source: &str) -> Result<Self, Failure> {
        Self::in_realm(Realm::new()?, source)
    }

    /// Evaluates `source` as a CommonJS module in `realm` and keeps the function it exports.
    ///
    /// The function is `module.exports`, else `module.exports.default`, else the only function
    /// among the exported properties, else the script's completion value (a bare function
    /// expression). Anything else is a [`Status::InvalidModule`] failure saying what was found.
    pub fn in_realm(realm: Realm, source: &str) -> Result<Self, Failure> {
        let Realm {
            mut context,
            module,
        } = realm;
        let source = Source::from_bytes(source).with_path(Path::new(MODULE_PATH));
        let completion = Script::parse(source, None, &mut context)
            .and_then(|script| script.evaluate(&mut context))
            .map_err(|err| report::failure(&err, Status::InvalidModule, &mut context))?;
        let completion = settle(completion, &mut context)
            .map_err(|err| report::failure(&err, Status::InvalidModule, &mut context))?;

        let function = exported_function(&module, &completion, &mut context)?;
        Ok(Self { context, function })
    }

    /// Calls the function with `input` and returns `String(result)`.
    ///
    /// A returned promise is settled by running the job queue first, so `async` functions work.
    pub fn invoke(&mut self, input: &str, max_output: usize) -> Result<String, Failure> {
        let context = &mut self.context;
        // The input goes in as UTF-16 even when it is ASCII. Boa's regex engine cannot match
        // Latin-1 strings, so each `exec` on one first copies the whole string to UTF-16: a
        // regex loop or `match(/x/g)` over a large input was quadratic. UTF-16 is matched in
        // place, and the strings the function derives from its input mostly stay UTF-16.
        let units: Vec<u16> = input.encode_utf16().collect();
        let argument = JsValue::from(JsString::from(units.as_slice()));
        let text = self
            .function
            .call(&JsValue::undefined(), &[argument], context)
            .and_then(|result| settle(result, context))
            .and_then(|result| result.to_string(context))
            .map_err(|err| report::failure(&err, Status::JsException, context))?;

        // A UTF-16 code unit takes at least one UTF-8 byte: refuse before converting a string
        // that cannot fit, so a 200 MB result costs no second copy.
        if text.len() > max_output {
            return Err(too_large(max_output));
        }
        let output = text.to_std_string_lossy();
        if output.len() > max_output {
            return Err(too_large(max_output));
        }
        Ok(output)
    }
}

fn too_large(max_output: usize) -> Failure {
    Failure::new(
        Status::OutputTooLarge,
        format!("the output is larger than the {max_output}-byte limit"),
    )
}

/// Defines `console`, the web-platform globals node has that make sense without I/O (set up
/// on first use, see [`lazy`]), then `module` and `exports`; returns the `module` object.
///
/// Timers, `require`, `process` and `Buffer` stay undefined on purpose: the sandbox has no clock
/// to wait on and no files ([`report`] says so when code reaches for them). `fetch` exists, and
/// reaches only what the host allows.
fn install_globals(context: &mut Context) -> boa_engine::JsResult<JsObject> {
    console::install(context)?;
    lazy::install(context)?;
    collate::install(context)?;
    sort::install(context)?;
    let exports = JsObject::with_object_proto(context.intrinsics());
    let module = JsObject::with_object_proto(context.intrinsics());
    module.set(js_string!("exports"), exports.clone(), true, context)?;
    context.register_global_property(js_string!("module"), module.clone(), Attribute::all())?;
    context.register_global_property(js_string!("exports"), exports, Attribute::all())?;
    Ok(module)
}

/// Runs queued promise jobs and unwraps a settled promise; other values pass through.
fn settle(value: JsValue, context: &mut Context) -> boa_engine::JsResult<JsValue> {
    let Some(promise) = value.as_promise() else {
        return Ok(value);
    };
    context.run_jobs()?;
    match promise.state() {
        PromiseState::Fulfilled(value) => Ok(value),
        PromiseState::Rejected(reason) => Err(boa_engine::JsError::from_opaque(reason)),
        PromiseState::Pending => Err(boa_engine::JsNativeError::typ()
            .with_message("the returned promise never settled (there are no timers or I/O here)")
            .into()),
    }
}

/// Finds the exported function, or says precisely what the module exports instead.
fn exported_function(
    module: &JsObject,
    completion: &JsValue,
    context: &mut Context,
) -> Result<JsObject, Failure> {
    let invalid = |message: String| Failure::new(Status::InvalidModule, message);
    let exports = module
        .get(js_string!("exports"), context)
        .map_err(|err| report::failure(&err, Status::InvalidModule, context))?;
    if let Some(function) = exports.as_callable() {
        return Ok(function);
    }
    if let Some(object) = exports.as_object() {
        let default = object
            .get(js_string!("default"), context)
            .map_err(|err| report::failure(&err, Status::InvalidModule, context))?;
        if let Some(function) = default.as_callable() {
            return Ok(function);
        }
        let functions = exported_functions(&object, context)
            .map_err(|err| report::failure(&err, Status::InvalidModule, context))?;
        match functions.as_slice() {
            [(_, function)] => return Ok(function.clone()),
            [] => {}
            several => {
                let names: Vec<&str> = several.iter().map(|(name, _)| name.as_str()).collect();
                return Err(invalid(format!(
                    "the module exports several functions ({}); export exactly one as module.exports",
                    names.join(", ")
                )));
            }
        }
        if let Some(function) = completion.as_callable() {
            return Ok(function);
        }
        let keys = object
            .own_property_keys(context)
            .map_err(|err| report::failure(&err, Status::InvalidModule, context))?;
        if keys.is_empty() {
            return Err(invalid(
                "the module exports nothing: assign the function to module.exports".to_owned(),
            ));
        }
        return Err(invalid(
            "the module exports an object without a function: assign the function to module.exports"
                .to_owned(),
        ));
    }
    if let Some(function) = completion.as_callable() {
        return Ok(function);
    }
    Err(invalid(format!(
        "the module exports {}, not a function",
        describe_type(&exports)
    )))
}

/// The callable own properties of the exports object, with their names.
fn exported_functions(
    exports: &JsObject,
    context: &mut Context,
) -> boa_engine::JsResult<Vec<(String, JsObject)>> {
    let mut functions = Vec::new();
    for key in exports.own_property_keys(context)? {
        let value = exports.get(key.clone(), context)?;
        if let Some(function) = value.as_callable() {
            functions.push((key.to_string(), function));
        }
    }
    Ok(functions)
}

/// "a number", "a string", "null"… for error messages.
fn describe_type(value: &JsValue) -> &'static str {
    if value.is_null() {
        return "null";
    }
    match value.type_of() {
        "undefined" => "undefined",
        "number" => "a number",
        "string" => "a string",
        "boolean" => "a boolean",
        "bigint" => "a bigint",
        "symbol" => "a symbol",
        _ => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(source: &str, input: &str) -> Result<String, Failure> {
        Runtime::new(source)?.invoke(input, 1 << 20)
    }

    #[test]
    fn module_exports_function_is_called_with_the_input() {
        let out = run("module.exports = s => s.length;", "abcd");
        assert_eq!(out, Ok("4".to_owned()));
    }

    #[test]
    fn exports_default_and_bare_expression_are_accepted() {
        assert_eq!(
            run("exports.default = s => s + '!'", "a"),
            Ok("a!".to_owned())
        );
        assert_eq!(
            run("(function (s) { return s.toUpperCase() })", "a"),
            Ok("A".to_owned())
        );
    }

    #[test]
    fn a_single_named_export_is_the_function() {
        let source = "function twice(s) { return s + s }\nmodule.exports = { twice };";
        assert_eq!(run(source, "ab"), Ok("abab".to_owned()));
    }

    #[test]
    fn several_named_exports_are_refused_by_name() {
        let failure = run("exports.a = () => 1; exports.b = () => 2;", "").unwrap_err();
        assert_eq!(failure.status, Status::InvalidModule);
        assert!(failure.message.contains("(a, b)"), "{}", failure.message);
    }

    #[test]
    fn non_function_exports_are_named_in_the_error() {
        let failure = run("module.exports = 42", "").unwrap_err();
        assert_eq!(failure.status, Status::InvalidModule);
        assert_eq!(
            failure.message,
            "the module exports a number, not a function"
        );
        let failure = run("const x = 1;", "").unwrap_err();
        assert!(
            failure.message.contains("exports nothing"),
            "{}",
            failure.message
        );
    }

    #[test]
    fn invoke_is_repeatable_on_one_runtime() {
        let mut runtime = Runtime::new("let calls = 0; module.exports = s => s + (++calls);")
            .expect("module registers");
        assert_eq!(runtime.invoke("x", 100), Ok("x1".to_owned()));
        assert_eq!(runtime.invoke("x", 100), Ok("x2".to_owned()));
    }

    #[test]
    fn thrown_errors_carry_name_message_and_location() {
        let source = "module.exports = function f(s) {\n  throw new TypeError('bad ' + s);\n};";
        let failure = run(source, "input").unwrap_err();
        assert_eq!(failure.status, Status::JsException);
        assert!(
            failure.message.starts_with("TypeError: bad input"),
            "{}",
            failure.message
        );
        assert!(
            failure.message.contains("function.js:2"),
            "{}",
            failure.message
        );
    }

    #[test]
    fn deep_recursion_is_a_recursion_limit_not_a_crash() {
        let failure = run("module.exports = function f(n) { return f(n + 1) }", "").unwrap_err();
        assert_eq!(
            failure.status,
            Status::RecursionLimit,
            "{}",
            failure.message
        );
    }

    #[test]
    fn async_functions_are_awaited() {
        assert_eq!(
            run("module.exports = async s => s + '?'", "a"),
            Ok("a?".to_owned())
        );
        let failure = run("module.exports = async s => { throw new Error('no') }", "").unwrap_err();
        assert!(
            failure.message.starts_with("Error: no"),
            "{}",
            failure.message
        );
    }

    #[test]
    fn output_over_the_limit_is_refused() {
        let failure = Runtime::new("module.exports = s => s.repeat(100)")
            .expect("module registers")
            .invoke("ab", 199)
            .unwrap_err();
        assert_eq!(failure.status, Status::OutputTooLarge);
    }

    #[test]
    fn absent_globals_say_why_they_are_absent() {
        let failure = run("module.exports = () => require('fs')", "").unwrap_err();
        assert!(
            failure.message.starts_with(
                "ReferenceError: require is not defined (a funcbox function is one self-contained module"
            ),
            "{}",
            failure.message
        );
        let failure = run("module.exports = () => setTimeout(() => 1, 10)", "").unwrap_err();
        assert!(failure.message.contains("no timers"), "{}", failure.message);
        let present = "module.exports = () => [typeof require, typeof process, typeof Buffer, \
                       typeof setTimeout].join()";
        assert_eq!(
            run(present, ""),
            Ok("undefined,undefined,undefined,undefined".to_owned())
        );
    }

    #[test]
    fn fetch_and_http_request_exist_and_carry_the_hosts_refusal() {
        let fetch = "module.exports = async () => { try { await fetch('http://example.com/'); \
                     return 'fetched' } catch (e) { return e.name + ': ' + e.message } }";
        assert_eq!(
            run(fetch, ""),
            Ok("TypeError: fetch failed: there is no network outside the sandbox".to_owned())
        );
        let http = "module.exports = () => { try { Http.request({ url: 'http://example.com/' }); \
                    return 'sent' } catch (e) { return e.message } }";
        assert_eq!(
            run(http, ""),
            Ok("Http.request failed: there is no network outside the sandbox".to_owned())
        );
    }

    #[test]
    fn inconsistent_comparators_sort_somehow_instead_of_aborting() {
        // Rust's sort panics on these; node returns some order.
        let shuffle = "module.exports = () => { const a = Array.from({ length: 2000 }, (_, i) => i); \
                       a.sort(() => Math.random() - 0.5); \
                       const t = Int32Array.from(a).sort(() => Math.random() - 0.5); \
                       const sum = (xs) => xs.reduce((s, x) => s + x, 0); \
                       return [a.length, sum(a), sum(a.toSorted((x, y) => x > y)), sum(t)].join() }";
        assert_eq!(
            run(shuffle, ""),
            Ok("2000,1999000,1999000,1999000".to_owned())
        );
    }

    #[test]
    fn sorting_with_a_comparator_follows_the_specification() {
        let cases = [
            ("[3, 1, 2].sort((a, b) => a - b)", "1,2,3"),
            ("[3, 1, 2].sort((a, b) => b - a)", "3,2,1"),
            // Stable; undefined last; holes after that, and deleted.
            (
                "[[1, 'b'], [0, 'x'], [1, 'a']].sort((p, q) => p[0] - q[0]).map((p) => p[1])",
                "x,b,a",
            ),
            (
                "(() => { const a = [3, undefined, , 1]; a.sort((x, y) => x - y); \
              return [a.length, 3 in a, a[2]] })()",
                "4,false,",
            ),
            (
                "(() => { const a = [3, , 1]; const b = a.toSorted((x, y) => x - y); \
              return [b, b.length, 2 in b, a] })()",
                "1,3,,3,true,3,,1",
            ),
            ("new Int8Array([3, 1, 2]).sort((a, b) => b - a)", "3,2,1"),
            (
                "(() => { const t = new Uint16Array([3, 1, 2]); const u = t.toSorted((a, b) => a - b); \
              return [u.constructor.name, u, t] })()",
                "Uint16Array,1,2,3,3,1,2",
            ),
            ("[2, 1].sort((a, b) => NaN)", "2,1"),
            ("[10, 9, 1].sort()", "1,10,9"),
            (
                "(() => { try { [1, 2].sort(() => { throw new Error('stop') }) } catch (e) { return e.message } })()",
                "stop",
            ),
            (
                "(() => { try { [1, 2].sort(1) } catch (e) { return e.name } })()",
                "TypeError",
            ),
            (
                "[].sort.name + [].sort.length + Int8Array.prototype.toSorted.name",
                "sort1toSorted",
            ),
        ];
        for (expression, expected) in cases {
            let source = format!("module.exports = () => String({expression})");
            assert_eq!(run(&source, ""), Ok(expected.to_owned()), "{expression}");
        }
    }

    #[test]
    fn web_platform_globals_work_like_in_node() {
        let cases = [
            ("btoa('héllo') + ' ' + atob('aGk=')", "aOlsbG8= hi"),
            (
                "new TextEncoder().encode('é€').join()",
                "195,169,226,130,172",
            ),
            (
                "new TextDecoder().decode(new Uint8Array([226, 130, 172]))",
                "€",
            ),
            (
                "new TextDecoder('latin1').decode(new Uint8Array([0x80, 0xe9]))",
                "€é",
            ),
            ("new TextDecoder('latin1').encoding", "windows-1252"),
            (
                "(() => { const d = new TextDecoder('utf-8', { fatal: true }); \
                 try { d.decode(new Uint8Array([0xc3])); return 'accepted'; } \
                 catch (e) { return d.fatal + ' ' + e.name; } })()",
                "true TypeError",
            ),
            (
                "new URL('../b?x=1#h', 'https://ex.com/a/c').href",
                "https://ex.com/b?x=1#h",
            ),
            (
                "[...new URL('https://e.com/?a=1&b=x+y&a=2').searchParams.getAll('a')].join()",
                "1,2",
            ),
            (
                "(() => { const u = new URL('https://e.com/p?z=1'); \
                 u.searchParams.append('q', 'a b&c'); return u.href })()",
                "https://e.com/p?z=1&q=a+b%26c",
            ),
            (
                "new URLSearchParams({ b: '2', a: 'é' }).toString()",
                "b=2&a=%C3%A9",
            ),
            (
                "(() => { const p = new URLSearchParams('?b=2&a=1&b=3'); p.sort(); \
                 return [...p].join(';') + ' ' + p.size })()",
                "a,1;b,2;b,3 3",
            ),
            (
                "(() => { const a = { d: new Date(0), m: new Map([[1, [2]]]) }; \
                 const b = structuredClone(a); b.m.get(1).push(3); \
                 return [a.m.get(1).length, b.m.get(1).length, b.d instanceof Date].join() })()",
                "1,2,true",
            ),
        ];
        for (expression, expected) in cases {
            let source = format!("module.exports = () => {expression};");
            assert_eq!(run(&source, ""), Ok(expected.to_owned()), "{expression}");
        }
    }

    #[test]
    fn queued_microtasks_run_before_the_result_is_printed() {
        let source = "module.exports = async () => { const seen = []; \
                      queueMicrotask(() => seen.push('task')); await null; seen.push('after'); \
                      return seen.join(); };";
        assert_eq!(run(source, ""), Ok("task,after".to_owned()));
    }

    #[test]
    fn dates_parse_like_node_beyond_the_iso_format() {
        let cases = [
            ("2024-03-15T10:30:00+02:00", "2024-03-15T08:30:00.000Z"),
            ("March 15, 2024", "2024-03-15T00:00:00.000Z"),
            ("15 Mar 2024 2:45 pm", "2024-03-15T14:45:00.000Z"),
            (
                "Tue, 01 Oct 2024 08:00:00 +0200",
                "2024-10-01T06:00:00.000Z",
            ),
            ("2024/03/15", "2024-03-15T00:00:00.000Z"),
            ("03/15/2024", "2024-03-15T00:00:00.000Z"),
            ("Sat, 23 Nov 2024 10:00:00 EST", "2024-11-23T15:00:00.000Z"),
        ];
        for (text, iso) in cases {
            let source = format!("module.exports = () => new Date({text:?}).toISOString();");
            assert_eq!(run(&source, ""), Ok(iso.to_owned()), "{text}");
        }
        let source = "module.exports = () => [Date.parse('not a date'), Date.parse('2024-13-01'), \
                      new Date(0) instanceof Date, new Date(0).constructor === Date].join()";
        assert_eq!(run(source, ""), Ok("NaN,NaN,true,true".to_owned()));
    }

    #[test]
    fn lazy_globals_behave_like_plain_globals() {
        // A name only the prelude defines, read first, sets up its whole group.
        let source = "module.exports = () => [typeof URLSearchParams, typeof URL, \
                      Object.keys(globalThis).includes('URL')].join()";
        assert_eq!(run(source, ""), Ok("function,function,false".to_owned()));
        // Assigning before reading replaces the global without setting anything up.
        let source =
            "URLSearchParams = function mine() {}; module.exports = () => URLSearchParams.name;";
        assert_eq!(run(source, ""), Ok("mine".to_owned()));
        let source = "module.exports = () => { const D = Date; return D === Date && \
                      !Object.keys(globalThis).includes('Date') && new D(0) instanceof Date };";
        assert_eq!(run(source, ""), Ok("true".to_owned()));
    }

    #[test]
    fn lazy_globals_survive_repeated_use_from_one_call_site() {
        // Boa caches how a call site reads a global; the switch from accessor to data property
        // must not leave that cache calling the new value as a getter.
        let source = "module.exports = () => { const out = []; for (let i = 0; i < 3; i++) { \
                      out.push(new TextEncoder().encode('ab').length, new Date(i).getTime(), \
                      btoa('a'), typeof Intl.NumberFormat); } return out.join(); };";
        assert_eq!(
            run(source, ""),
            Ok("2,0,YQ==,function,2,1,YQ==,function,2,2,YQ==,function".to_owned())
        );
    }
}

//! The sandbox through the library API: repeat calls, recovery after traps, and the linear
//! cost of splitting (the benchmark functions' fuel figures are in `fuel_budgets.rs`).

use std::sync::OnceLock;

use funcbox::{
    Limits, RunError, Sandbox,
    llm::prompt::{MISSING_GLOBALS, OFFERED_GLOBALS},
    sandbox::MESSAGE_LIMIT,
};

const COUNT_VOWELS: &str = include_str!("../../examples/count_vowels.js");

/// One sandbox for the whole file: compiling the guest takes seconds.
fn sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let cache = std::env::temp_dir().join("funcbox-library-tests-cache");
        Sandbox::new(Some(&cache)).expect("the sandbox starts")
    })
}

#[test]
fn many_invokes_on_one_instance_give_the_same_answer() {
    let mut function = sandbox()
        .load(COUNT_VOWELS, &Limits::default())
        .expect("count_vowels registers");
    for _ in 0..500 {
        let run = function.invoke("Hello World").expect("count_vowels runs");
        assert_eq!(run.output, "3");
    }
}

#[test]
fn state_persists_between_invokes_of_one_instance() {
    let mut function = sandbox()
        .load("let n = 0; module.exports = () => ++n;", &Limits::default())
        .expect("registers");
    let outputs: Vec<String> = (0..3)
        .map(|_| function.invoke("").expect("runs").output)
        .collect();
    assert_eq!(outputs, ["1", "2", "3"]);
}

#[test]
fn a_function_recovers_after_running_out_of_fuel() {
    let limits = Limits {
        fuel: 50_000_000,
        ..Limits::default()
    };
    let source = "module.exports = s => { if (s === 'spin') for (;;) {} return s.length; }";
    let mut function = sandbox().load(source, &limits).expect("registers");
    assert!(matches!(
        function.invoke("spin"),
        Err(RunError::OutOfFuel { .. })
    ));
    assert_eq!(function.invoke("four").expect("runs again").output, "4");
}

#[test]
fn a_function_recovers_after_hitting_the_memory_cap() {
    let limits = Limits {
        memory: 32 << 20,
        ..Limits::default()
    };
    let source = "module.exports = s => { if (s === 'grow') { const a = []; for (;;) a.push([1, 2, 3]); } return 'ok'; }";
    let mut function = sandbox().load(source, &limits).expect("registers");
    assert!(matches!(
        function.invoke("grow"),
        Err(RunError::MemoryLimit { .. })
    ));
    assert_eq!(function.invoke("fine").expect("runs again").output, "ok");
}

#[test]
fn js_errors_do_not_poison_the_instance() {
    let source = "let calls = 0; module.exports = s => { calls++; if (s === 'x') throw new RangeError('bad'); return calls; }";
    let mut function = sandbox()
        .load(source, &Limits::default())
        .expect("registers");
    let err = function.invoke("x").expect_err("throws");
    assert!(
        matches!(&err, RunError::JsException(message) if message.starts_with("RangeError: bad"))
    );
    // Same instance: the counter kept counting.
    assert_eq!(function.invoke("y").expect("runs").output, "2");
}

/// Summing a 20k-line CSV splits the input with `split("\n")` and every row with `split(",")`.
/// With Boa 0.22's quadratic `JsStr::index_of` this burned orders of magnitude more fuel; the
/// patched guest (guest/patches/boa_string) keeps it linear. The bound is loose on purpose:
/// it exists to catch the quadratic behaviour coming back, not small drifts.
#[test]
fn splitting_a_large_input_is_linear() {
    const CSV_SUM: &str = include_str!("../../examples/csv_sum.js");
    let csv = |rows: usize| {
        let body: String = (0..rows)
            .map(|i| format!("item{i},{}.5\n", i % 10))
            .collect();
        format!("name,amount\n{body}")
    };
    let mut function = sandbox()
        .load(CSV_SUM, &Limits::default())
        .expect("registers");
    let small = function.invoke(&csv(5_000)).expect("runs");
    let large = function.invoke(&csv(20_000)).expect("runs");
    assert_eq!(large.output, "100000");
    let ratio = large.fuel_used as f64 / small.fuel_used as f64;
    assert!(
        ratio < 6.0,
        "4x the rows took {ratio:.1}x the fuel ({} vs {}): splitting is no longer linear",
        large.fuel_used,
        small.fuel_used
    );
}

/// The prompt tells the model exactly which globals exist: hold it to that.
#[test]
fn the_globals_the_prompt_promises_exist_and_the_ones_it_denies_do_not() {
    let names = |list: &[&str]| serde_json::to_string(list).expect("names encode");
    let source = format!(
        "module.exports = () => JSON.stringify({{ absent: {}.filter(n => typeof globalThis[n] === 'undefined'), present: {}.filter(n => typeof globalThis[n] !== 'undefined') }})",
        names(OFFERED_GLOBALS),
        names(MISSING_GLOBALS)
    );
    let mut function = sandbox()
        .load(&source, &Limits::default())
        .expect("registers");
    let output = function.invoke("").expect("runs").output;
    assert_eq!(
        output, r#"{"absent":[],"present":[]}"#,
        "offered but absent / denied but present"
    );
}

/// The guest's imports, each with why the sandbox can grant it: WASI is linked with no
/// preopened directories, no environment, no arguments, empty stdin and capped in-memory
/// stdout/stderr, so these calls reach nothing of the host's. A new import fails this test
/// until someone writes down why it is safe.
const ALLOWED_IMPORTS: &[(&str, &str)] = &[
    // The guest's panic line and console output, into capped in-memory pipes.
    ("wasi_snapshot_preview1", "fd_write"),
    // Rust's std asks for the (empty) environment at start-up.
    ("wasi_snapshot_preview1", "environ_get"),
    ("wasi_snapshot_preview1", "environ_sizes_get"),
    // Date.now() and new Date(): the host's real time, as in node.
    ("wasi_snapshot_preview1", "clock_time_get"),
    // Math.random() and hash seeds.
    ("wasi_snapshot_preview1", "random_get"),
    // abort() after a panic: ends the instance, which the host reports as a trap.
    ("wasi_snapshot_preview1", "proc_exit"),
    // Returns at once; linked by std's thread::yield_now.
    ("wasi_snapshot_preview1", "sched_yield"),
    // How a guest would sleep: the host replaces it with one that fails at once (ENOSYS), since
    // a sleep inside the host escapes both fuel and the deadline.
    ("wasi_snapshot_preview1", "poll_oneoff"),
    // fetch and Http.request: the host makes a request only to hosts the user allowed
    // (funcbox::network), and copies the reply back.
    ("funcbox", "http_request"),
    ("funcbox", "http_reply"),
];

#[test]
fn the_guest_imports_nothing_beyond_the_allowlist() {
    let imports = sandbox().guest_imports();
    let unexpected: Vec<_> = imports
        .iter()
        .filter(|(module, name)| !ALLOWED_IMPORTS.contains(&(module.as_str(), name.as_str())))
        .collect();
    assert!(
        unexpected.is_empty(),
        "the guest imports {unexpected:?}, which are not on the allowlist (all: {imports:?})"
    );
}

#[test]
fn a_huge_exception_message_is_cut_to_the_message_limit() {
    let source = "module.exports = () => { throw new Error('x'.repeat(10_000_000)) }";
    let mut function = sandbox()
        .load(source, &Limits::default())
        .expect("registers");
    match function.invoke("") {
        Err(RunError::JsException(message)) => {
            assert!(message.starts_with("Error: xxxx"), "{}", &message[..40]);
            assert!(
                message.len() <= MESSAGE_LIMIT + 64,
                "{} bytes",
                message.len()
            );
            assert!(
                message.ends_with(" more bytes]"),
                "{}",
                &message[message.len() - 40..]
            );
        }
        other => panic!("expected a JS exception, got {other:?}"),
    }
}

//! The checks behind the fuzz targets, one function per target. Each takes the fuzzer's bytes
//! and panics only on a funcbox bug. `host/tests/fuzz_seeds.rs` compiles this same file into
//! the ordinary test suite and replays the committed seeds (`fuzz/seeds/`) through it, so CI
//! checks every seed and every crash the fuzzer ever found, without the nightly toolchain.

use std::{sync::OnceLock, time::Duration};

use funcbox::{
    Limits, RunError, Sandbox,
    llm::extract::{ExtractError, extract},
    sandbox::MESSAGE_LIMIT,
};

/// Budgets small enough for thousands of executions a minute.
fn small_limits() -> Limits {
    Limits {
        memory: 32 << 20,
        fuel: 20_000_000,
        timeout: Duration::from_secs(2),
        max_output: 64 << 10,
    }
}

/// Holds for every call's outcome: output within its cap, messages within theirs.
fn check_outcome(outcome: &Result<String, RunError>, limits: &Limits) {
    match outcome {
        Ok(output) => assert!(output.len() <= limits.max_output, "output over the cap"),
        Err(err) => {
            let message = err.to_string();
            assert!(
                message.len() <= MESSAGE_LIMIT + 256,
                "a {}-byte error",
                message.len()
            );
        }
    }
}

/// The real guest, compiled once per process (its compiled code cached across runs).
fn real_sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let cache = std::env::temp_dir().join("funcbox-fuzz-cache");
        Sandbox::new(Some(&cache)).expect("the embedded guest loads")
    })
}

/// Compiles the real guest and the puppet before fuzzing starts: under the sanitizer, Cranelift
/// takes longer than libFuzzer's per-input timeout, which would otherwise fire on input one.
pub fn warm_up() {
    real_sandbox();
    puppet();
}

/// `sandbox`: the bytes (lossily UTF-8) are a JavaScript module, a NUL, then the input. The
/// module is registered and called twice under small limits: every outcome must be an output
/// or a typed error within its size cap, and the engine must never crash (a
/// [`RunError::GuestTrap`] from the real guest is a Boa panic or a host bug).
pub fn sandbox(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (source, input) = text.split_once('\0').unwrap_or((&text, ""));
    let limits = small_limits();
    let mut function = match real_sandbox().load(source, &limits) {
        Ok(function) => function,
        Err(err) => {
            assert!(!matches!(err, RunError::GuestTrap(_)), "{err}");
            check_outcome(&Err(err), &limits);
            return;
        }
    };
    for _ in 0..2 {
        let outcome = function.invoke(input).map(|invocation| invocation.output);
        if let Err(err @ RunError::GuestTrap(_)) = &outcome {
            panic!("the guest crashed: {err}");
        }
        check_outcome(&outcome, &limits);
    }
}

/// `extraction`: any reply (lossily UTF-8) gives a module or a typed error, never a panic; a
/// module is trimmed, non-empty and ends in exactly one newline; only a blank reply is `Empty`.
pub fn extraction(data: &[u8]) {
    let reply = String::from_utf8_lossy(data);
    match extract(&reply) {
        Ok(extracted) => {
            let code = &extracted.code;
            assert!(!code.trim().is_empty(), "an empty module from {reply:?}");
            assert!(code.ends_with('\n') && !code.ends_with("\n\n"), "{code:?}");
        }
        Err(ExtractError::Empty) => assert!(reply.trim().is_empty(), "{reply:?} called empty"),
        Err(ExtractError::NoCode) => assert!(!reply.trim().is_empty()),
    }
}

/// The hostile test guest, compiled once per process.
fn puppet() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let wasm = wat::parse_str(include_str!("../../tests/guests/puppet.wat"))
            .expect("the puppet assembles");
        Sandbox::with_guest(&wasm).expect("the puppet has the guest's ABI")
    })
}

/// `guest_abi`: the bytes (lossily UTF-8) are lines of commands for the hostile guest in
/// `tests/guests/puppet.wat`, run in order on one function, so one command can set up the
/// next (e.g. move where the guest's allocator points). Whatever pointers, lengths, statuses
/// or WASI calls the guest makes, the host must answer with an output or a typed error
/// within the caps, and a valid call must still work after any of them.
pub fn guest_abi(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let limits = Limits {
        fuel: 2_000_000,
        timeout: Duration::from_millis(500),
        ..small_limits()
    };
    let mut function = puppet().load("", &limits).expect("the puppet registers");
    for command in text.split('\n').take(16) {
        let outcome = function.invoke(command).map(|invocation| invocation.output);
        check_outcome(&outcome, &limits);
    }
    // A fresh instance is unaffected by anything the commands did.
    let mut fresh = puppet().load("", &limits).expect("the puppet registers");
    assert_eq!(
        fresh.invoke("?").map(|done| done.output).ok().as_deref(),
        Some("000000000000003f")
    );
}

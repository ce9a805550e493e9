//! A compromised guest, played by `tests/guests/puppet.wat`: whatever it returns or calls, the
//! host answers with a typed error, stays intact, and the next call works.

use std::{
    sync::OnceLock,
    time::{Duration, Instant, SystemTime},
};

use funcbox::{Limits, RunError, Sandbox, sandbox::MESSAGE_LIMIT};

/// One compiled puppet for the whole file.
fn puppet() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/guests/puppet.wat");
        let wasm = wat::parse_file(path).expect("the puppet guest assembles");
        Sandbox::with_guest(&wasm).expect("the puppet has the guest's ABI")
    })
}

fn limits() -> Limits {
    Limits {
        memory: 16 << 20,
        fuel: 50_000_000,
        timeout: Duration::from_secs(5),
        max_output: 1 << 20,
    }
}

/// A command for the puppet: the opcode, then each argument as 8 hex digits.
fn command(op: char, args: &[u32]) -> String {
    let mut text = op.to_string();
    for arg in args {
        text.push_str(&format!("{arg:08x}"));
    }
    text
}

/// Runs one command in a fresh instance.
fn run(input: &str, limits: &Limits) -> Result<String, RunError> {
    let mut function = puppet().load("", limits)?;
    function.invoke(input).map(|invocation| invocation.output)
}

/// Runs a command whose result is a number in hex.
fn number(input: &str) -> u64 {
    let hex = run(input, &limits()).expect("the command answers");
    u64::from_str_radix(&hex, 16).expect("16 hex digits")
}

fn assert_trap(result: Result<String, RunError>, needle: &str) {
    match result {
        Err(RunError::GuestTrap(message)) => {
            assert!(message.contains(needle), "{message:?} lacks {needle:?}")
        }
        other => panic!("expected a guest trap mentioning {needle:?}, got {other:?}"),
    }
}

/// `R status ptr len next_alloc`
fn reply(status: u32, ptr: u32, len: u32) -> String {
    command('R', &[status, ptr, len, 1024])
}

#[test]
fn the_puppet_answers_a_plain_command() {
    assert_eq!(run("?", &limits()).expect("runs"), "000000000000003f");
}

#[test]
fn a_result_outside_guest_memory_is_an_error_not_a_host_read() {
    let outside = [
        (0xffff_fff0, 0x100),
        (0xffff_ffff, 0xffff_ffff),
        (0, 0xffff_ffff),
        (2 << 16, 1),
    ];
    for (ptr, len) in outside {
        assert_trap(run(&reply(0, ptr, len), &limits()), "outside its memory");
        assert_trap(run(&reply(1, ptr, len), &limits()), "outside its memory");
    }
}

#[test]
fn an_unknown_status_is_an_error() {
    assert_trap(run(&reply(99, 0, 0), &limits()), "unknown status 99");
    assert_trap(run(&reply(u32::MAX, 0, 0), &limits()), "unknown status");
}

#[test]
fn a_result_that_is_not_utf8_is_an_error() {
    assert_trap(run(&reply(0, 700, 3), &limits()), "not valid UTF-8");
}

#[test]
fn an_output_over_the_limit_is_refused_even_if_the_guest_says_ok() {
    let small = Limits {
        max_output: 100,
        ..limits()
    };
    assert!(matches!(
        run(&reply(0, 0, 101), &small),
        Err(RunError::OutputTooLarge { limit: 100 })
    ));
    assert_eq!(
        run(&reply(0, 600, 16), &small).expect("16 bytes"),
        "0123456789abcdef"
    );
}

#[test]
fn an_error_message_is_cut_at_the_message_limit() {
    // The whole of memory (128 KiB) as a "JS exception" message; its bytes are mostly zeros.
    let Err(RunError::JsException(message)) = run(&reply(1, 0, 2 << 16), &limits()) else {
        panic!("expected a JS exception");
    };
    assert!(
        message.len() < MESSAGE_LIMIT + 64,
        "{} bytes",
        message.len()
    );
    assert!(message.ends_with(&format!("[…{} more bytes]", (2 << 16) - MESSAGE_LIMIT)));
}

#[test]
fn a_buffer_outside_guest_memory_is_an_error_and_the_next_call_recovers() {
    let mut function = puppet().load("", &limits()).expect("registers");
    // The next funcbox_alloc hands out a pointer 16 bytes before the end of the address space.
    let moved = command('R', &[0, 0, 0, 0xffff_fff0]);
    assert_eq!(function.invoke(&moved).expect("accepted").output, "");
    assert!(matches!(function.invoke("?"), Err(RunError::GuestTrap(_))));
    // The trap discarded the instance; a fresh one serves the next call.
    assert_eq!(
        function.invoke("?").expect("recovers").output,
        "000000000000003f"
    );
}

#[test]
fn runaway_guests_end_in_their_limits() {
    assert!(matches!(
        run("L", &limits()),
        Err(RunError::OutOfFuel { .. })
    ));
    let unmetered = Limits {
        fuel: u64::MAX / 2,
        timeout: Duration::from_millis(200),
        ..limits()
    };
    let started = Instant::now();
    assert!(matches!(
        run("L", &unmetered),
        Err(RunError::Timeout { .. })
    ));
    assert!(started.elapsed() < Duration::from_secs(5));
    for pages in [1, 16, 0x1_0000] {
        assert!(
            matches!(
                run(&command('G', &[pages]), &limits()),
                Err(RunError::MemoryLimit { limit }) if limit == 16 << 20
            ),
            "growing by {pages} pages"
        );
    }
    assert!(matches!(
        run("D", &limits()),
        Err(RunError::StackOverflow(_))
    ));
}

#[test]
fn traps_and_exits_are_guest_errors() {
    assert_trap(run("U", &limits()), "the guest aborted");
    assert_trap(run(&command('X', &[7]), &limits()), "exited with status 7");
    assert_trap(run(&command('X', &[0]), &limits()), "exited with status 0");
}

#[test]
fn hostile_writes_end_the_guest_or_fail_inside_it() {
    const EBADF: u64 = 8;
    // WASI traps a call handed memory outside the guest, and refuses an absurd iovec count.
    assert_trap(
        run(&command('W', &[2, 0xffff_fff0, 1]), &limits()),
        "out of bounds",
    );
    assert_ne!(number(&command('W', &[2, 0, 0x1000_0000])), 0);
    // There is no stdin to write to, and no file descriptors beyond the three standard ones.
    assert_eq!(number(&command('W', &[0, 0, 0])), EBADF);
    assert_eq!(number(&command('W', &[3, 0, 0])), EBADF);
}

#[test]
fn sleeping_is_refused_at_once() {
    const ENOSYS: u64 = 52;
    // Without the refusal this would block in the host for 3 s, out of reach of the deadline.
    let started = Instant::now();
    assert_eq!(number(&format!("S{:016x}", 3_000_000_000_u64)), ENOSYS);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn no_files_and_no_environment_are_visible() {
    const EBADF: u64 = 8;
    // The host process has environment variables; the guest sees none.
    assert!(std::env::vars_os().next().is_some());
    assert_eq!(number("E"), 0);
    assert_eq!(number("F"), EBADF, "no preopened directory");
    assert_eq!(
        number("O"),
        EBADF,
        "nothing to open /etc/passwd relative to"
    );
}

#[test]
fn the_clocks_are_real_but_only_to_the_millisecond() {
    const MILLISECOND: u64 = 1_000_000;
    let host_now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .expect("after 1970")
        .as_nanos() as u64;
    for _ in 0..5 {
        let realtime = number(&command('C', &[0]));
        assert_eq!(realtime % MILLISECOND, 0, "{realtime}");
        assert!(
            realtime.abs_diff(host_now) < 60_000 * MILLISECOND,
            "{realtime} vs {host_now}"
        );
        let monotonic = number(&command('C', &[1]));
        assert_eq!(monotonic % MILLISECOND, 0, "{monotonic}");
    }
}

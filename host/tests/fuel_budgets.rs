//! Deterministic performance regression checks: each benchmark function (`cargo xtask bench`)
//! over a fixed input burns a fixed amount of fuel, whatever the machine's speed or load.
//! A figure beyond the tolerance means the guest, Boa, the patches or the ABI got slower (or
//! faster): find out why, then update the figure on purpose. The inputs are the benchmarks'
//! shapes at a smaller scale, so a quadratic slip still shows.

use std::sync::OnceLock;

use funcbox::{Limits, Sandbox};

/// Fuel counts wasm instructions, so it only moves when the code does; the margin leaves room
/// for paths that depend on the random hash seeds, never for a real regression.
const TOLERANCE: f64 = 0.03;

fn sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let cache = std::env::temp_dir().join("funcbox-library-tests-cache");
        Sandbox::new(Some(&cache)).expect("the sandbox starts")
    })
}

/// Runs `source` on `input` in a fresh instance; checks the output with `check` and the fuel
/// against `expected`.
fn assert_budget(name: &str, source: &str, input: &str, expected: u64, check: impl Fn(&str)) {
    let mut function = sandbox()
        .load(source, &Limits::default())
        .unwrap_or_else(|err| panic!("{name} registers: {err}"));
    let run = function
        .invoke(input)
        .unwrap_or_else(|err| panic!("{name} runs: {err}"));
    check(&run.output);
    assert_fuel(name, run.fuel_used, expected);
}

fn assert_fuel(name: &str, used: u64, expected: u64) {
    let drift = (used as f64 - expected as f64) / expected as f64;
    assert!(
        drift.abs() <= TOLERANCE,
        "{name} used {used} fuel, the recorded figure is {expected} ({:+.1}%, tolerance ±{:.0}%)",
        drift * 100.0,
        TOLERANCE * 100.0
    );
}

fn example(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// P1's function on P3's kind of input: a global regex match over 45 KB.
#[test]
fn count_vowels() {
    let input = "The quick brown fox jumps over the lazy dog. ".repeat(1000);
    assert_budget(
        "count_vowels",
        &example("count_vowels.js"),
        &input,
        352_794_587,
        |output| assert_eq!(output, "11000"),
    );
}

/// P2: one log line on a warm instance, as `--lines` calls it (the first call also pays for
/// compiling the regex literal, so the second is measured).
#[test]
fn count_vowels_per_log_line() {
    let line =
        r#"192.168.7.42 - - [26/Nov/2026:02:07:00 +0000] "GET /api/orders/42 HTTP/1.1" 200 4711"#;
    let mut function = sandbox()
        .load(&example("count_vowels.js"), &Limits::default())
        .expect("registers");
    function.invoke(line).expect("the first line runs");
    let run = function.invoke(line).expect("the second line runs");
    assert_eq!(run.output, "6");
    assert_fuel("count_vowels on a log line", run.fuel_used, 289_180);
}

/// P3: `split` over 20k lines, then per row (linear since the boa_string patch).
#[test]
fn csv_sum() {
    let body: String = (0..20_000)
        .map(|i| format!("item{i},{}.25\n", i % 100))
        .collect();
    assert_budget(
        "csv_sum",
        &example("csv_sum.js"),
        &format!("name,amount\n{body}"),
        417_640_176,
        |output| assert_eq!(output, "995000"),
    );
}

/// P3: a global regex match, a Map of counts and a sort with a comparator, over 100 KB.
#[test]
fn word_frequency() {
    let input = "It was the best of times, it was the worst of times. ".repeat(2_000);
    assert_budget(
        "word_frequency",
        &example("word_frequency.js"),
        &input,
        1_193_573_988,
        |output| assert_eq!(output, "it 4000\nof 4000\nthe 4000\ntimes 4000\nwas 4000"),
    );
}

/// P5: a heavier regex over 100 KB of prose, then a Set.
#[test]
fn extract_emails() {
    let input: String = (0..1_000)
        .map(|i| {
            format!(
                "Line {i}: please write to user{}.name@example{}.com about ticket #{} today.\n",
                i % 50,
                i % 7,
                i * 31
            )
        })
        .collect();
    assert_budget(
        "extract_emails",
        &example("extract_emails.js"),
        &input,
        80_400_504,
        |output| {
            let addresses: Vec<&str> = output.lines().collect();
            assert_eq!(addresses.len(), 350, "distinct (user, domain) pairs");
            assert_eq!(addresses[0], "user0.name@example0.com");
        },
    );
}

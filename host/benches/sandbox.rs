//! `cargo bench -p funcbox`: the sandbox's speed, printed as a table (median of N runs).
//!
//! Figures: loading the compiled guest from the cache, registering a function in a fresh
//! instance, one call on a warm instance, and fuel burned per millisecond on a busy loop.
//! With `--features unmetered`, also P4: what fuel and epoch deadlines cost on CPU-bound
//! calls (`cargo bench -p funcbox --features unmetered --bench sandbox -- metering` prints
//! only that table; `cargo xtask bench` shows it under its own).

use std::time::{Duration, Instant};

use funcbox::{Limits, Sandbox};

const COUNT_VOWELS: &str = include_str!("../../examples/count_vowels.js");
const WORD_FREQUENCY: &str = include_str!("../../examples/word_frequency.js");
const CSV_SUM: &str = include_str!("../../examples/csv_sum.js");
const REVERSE_LINES: &str = include_str!("../../examples/reverse_lines.js");
#[cfg(feature = "unmetered")]
const EXTRACT_EMAILS: &str = include_str!("../../examples/extract_emails.js");

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn measure(runs: usize, mut body: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let started = Instant::now();
                body();
                started.elapsed()
            })
            .collect(),
    )
}

fn row(name: &str, value: Duration) {
    println!("| {name:<48} | {:>12.3} ms |", value.as_secs_f64() * 1e3);
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cache = tempfile::tempdir()?;
    // `metering [DIR]`: only P4, on the inputs `cargo xtask bench` wrote into DIR if given.
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|arg| arg == "metering") {
        let inputs = args
            .get(at + 1)
            .filter(|arg| !arg.starts_with("--"))
            .map(std::path::Path::new);
        return metering(cache.path(), inputs);
    }
    let started = Instant::now();
    Sandbox::new(Some(cache.path()))?;
    let compile = started.elapsed();

    println!("| benchmark (median)                               |         time    |");
    println!("|--------------------------------------------------|-----------------|");
    row("compile the guest (Cranelift, no cache)", compile);
    row(
        "load the guest from the cache",
        measure(20, || {
            Sandbox::new(Some(cache.path())).expect("sandbox");
        }),
    );
    let sandbox = Sandbox::new(Some(cache.path()))?;
    let limits = generous();
    row(
        "register count_vowels in a fresh instance",
        measure(50, || {
            sandbox.load(COUNT_VOWELS, &limits).expect("registers");
        }),
    );
    let mut function = sandbox.load(COUNT_VOWELS, &limits)?;
    row(
        "count_vowels(\"Hello World\") on a warm instance",
        measure(1000, || {
            function.invoke("Hello World").expect("runs");
        }),
    );
    let text = "It was the best of times, it was the worst of times. ".repeat(20_000);
    let mut words = sandbox.load(WORD_FREQUENCY, &limits)?;
    row(
        "word_frequency over 1 MB",
        measure(3, || {
            words.invoke(&text).expect("runs");
        }),
    );

    // The two Boa bugs patched in the guest were quadratic in these shapes (see
    // guest/patches/README.md): string `split` over many lines, and regex over a large input.
    let csv = format!(
        "name,amount\n{}",
        (0..100_000)
            .map(|i| format!("item{i},{}.25\n", i % 100))
            .collect::<String>()
    );
    let mut csv_sum = sandbox.load(CSV_SUM, &limits)?;
    row(
        "csv_sum over 100k lines (split)",
        measure(5, || {
            csv_sum.invoke(&csv).expect("runs");
        }),
    );
    let lines = "a line of text\n".repeat(35_000);
    let mut reverse = sandbox.load(REVERSE_LINES, &limits)?;
    row(
        "reverse_lines over 0.5 MB (regex + split)",
        measure(5, || {
            reverse.invoke(&lines).expect("runs");
        }),
    );
    let mut vowels_big = sandbox.load(COUNT_VOWELS, &limits)?;
    row(
        "count_vowels over 0.5 MB (regex match /g)",
        measure(5, || {
            vowels_big.invoke(&lines).expect("runs");
        }),
    );

    let mut spin = sandbox.load(
        "module.exports = n => { let x = 0; for (let i = 0; i < Number(n); i++) x += i; return x; }",
        &limits,
    )?;
    let run = spin.invoke("10000000")?;
    let per_ms = run.fuel_used as f64 / (run.elapsed.as_secs_f64() * 1e3);
    println!(
        "\n10 M-iteration loop: {:.0} ms, {} fuel, {:.1} M fuel per ms",
        run.elapsed.as_secs_f64() * 1e3,
        run.fuel_used,
        per_ms / 1e6
    );
    if cfg!(feature = "unmetered") {
        println!();
        metering(cache.path(), None)?;
    }
    Ok(())
}

/// Limits no benchmark reaches: they measure speed, so nothing may end a run early.
fn generous() -> Limits {
    Limits {
        fuel: u64::MAX / 2,
        timeout: Duration::from_secs(300),
        ..Limits::default()
    }
}

/// P4: each CPU-bound call on a warm instance, metered (fuel + epoch deadline, as funcbox
/// always runs) and unmetered, interleaved call by call; medians. With `inputs`, the directory
/// where `cargo xtask bench` wrote P3's and P5's inputs, the same calls as those rows, so the
/// sandbox's cost over native Boa splits into metering and the rest.
#[cfg(feature = "unmetered")]
fn metering(
    cache: &std::path::Path,
    inputs: Option<&std::path::Path>,
) -> Result<(), Box<dyn std::error::Error>> {
    let metered = Sandbox::new(Some(cache))?;
    let unmetered = Sandbox::unmetered(Some(cache))?;
    let limits = generous();
    let mut cases = vec![(
        "JS loop, 5 M iterations".to_owned(),
        "module.exports = n => { let x = 0; for (let i = 0; i < Number(n); i++) x += i; return x; }",
        "5000000".to_owned(),
    )];
    let runs = match inputs {
        Some(dir) => {
            let read = |name: &str| std::fs::read_to_string(dir.join(name));
            cases.extend([
                (
                    "P3 csv_sum, 100k lines".to_owned(),
                    CSV_SUM,
                    read("amounts.csv")?,
                ),
                (
                    "P3 word_frequency, 1 MB".to_owned(),
                    WORD_FREQUENCY,
                    read("words.txt")?,
                ),
                (
                    "P5 extract_emails, 1 MB".to_owned(),
                    EXTRACT_EMAILS,
                    read("mail.txt")?,
                ),
            ]);
            3
        }
        None => {
            let words = "It was the best of times, it was the worst of times. ".repeat(4_000);
            let csv = format!(
                "name,amount\n{}",
                (0..100_000)
                    .map(|i| format!("item{i},{}.25\n", i % 100))
                    .collect::<String>()
            );
            cases.extend([
                ("word_frequency, 200 KB".to_owned(), WORD_FREQUENCY, words),
                ("csv_sum, 100k lines".to_owned(), CSV_SUM, csv),
            ]);
            7
        }
    };
    println!("| P4 metering cost (warm instance, median) | metered | unmetered | overhead |");
    println!("|---|---|---|---|");
    for (name, source, input) in cases {
        let mut with = metered.load(source, &limits)?;
        let mut without = unmetered.load(source, &limits)?;
        let (mut on, mut off) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            on.push(with.invoke(&input)?.elapsed);
            off.push(without.invoke(&input)?.elapsed);
        }
        let (on, off) = (median(on), median(off));
        println!(
            "| {name} | {:.1} ms | {:.1} ms | {:+.0} % |",
            on.as_secs_f64() * 1e3,
            off.as_secs_f64() * 1e3,
            (on.as_secs_f64() / off.as_secs_f64() - 1.0) * 100.0
        );
    }
    Ok(())
}

/// Without the `unmetered` feature there is nothing to compare against.
#[cfg(not(feature = "unmetered"))]
fn metering(
    _cache: &std::path::Path,
    _inputs: Option<&std::path::Path>,
) -> Result<(), Box<dyn std::error::Error>> {
    Err("P4 needs `--features unmetered`".into())
}

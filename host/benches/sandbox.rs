//! `cargo bench -p funcbox`: the sandbox's speed, printed as a table (median of N runs).
//!
//! Figures: loading the compiled guest from the cache, registering a function in a fresh
//! instance, one call on a warm instance, and fuel burned per millisecond on a busy loop.

use std::time::{Duration, Instant};

use funcbox::{Limits, Sandbox};

const COUNT_VOWELS: &str = include_str!("../../examples/count_vowels.js");
const WORD_FREQUENCY: &str = include_str!("../../examples/word_frequency.js");

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
    let limits = Limits::default();
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
        measure(5, || {
            words.invoke(&text).expect("runs");
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
    Ok(())
}

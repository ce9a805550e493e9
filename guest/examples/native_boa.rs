//! The guest's JavaScript runtime built natively: the same Boa, preludes and module handling
//! as the sandbox, without WebAssembly. It prints what funcbox would and the time the calls
//! took, so `cargo xtask bench` can tell the sandbox's cost from the engine's.
//!
//! `cargo run --release --example native_boa -- MODULE.js [--lines] < input`

use std::{
    io::{BufRead, Read, Write},
    time::Instant,
};

use funcbox_guest::runtime::Runtime;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let module = args
        .next()
        .ok_or("usage: native_boa MODULE.js [--lines] < input")?;
    let lines = args.next().as_deref() == Some("--lines");
    let source = std::fs::read_to_string(&module)?;
    let started = Instant::now();
    let mut runtime = Runtime::new(&source).map_err(|failure| failure.message)?;
    let registered = started.elapsed();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let started = Instant::now();
    let mut calls = 0_u64;
    if lines {
        for line in std::io::stdin().lock().lines() {
            let output = runtime
                .invoke(&line?, usize::MAX)
                .map_err(|failure| failure.message)?;
            writeln!(stdout, "{output}")?;
            calls += 1;
        }
    } else {
        let mut input = String::new();
        std::io::stdin().read_to_string(&mut input)?;
        let output = runtime
            .invoke(&input, usize::MAX)
            .map_err(|failure| failure.message)?;
        writeln!(stdout, "{output}")?;
        calls = 1;
    }
    stdout.flush()?;
    eprintln!(
        "native Boa: registered in {:.2} ms, {calls} call(s) in {:.2} ms",
        registered.as_secs_f64() * 1e3,
        started.elapsed().as_secs_f64() * 1e3
    );
    Ok(())
}

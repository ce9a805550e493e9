//! The hard limits every sandboxed call runs under, and parsing them from the command line.

use std::time::Duration;

/// The limits of one sandboxed function: its instance's memory, and each call's CPU budget,
/// deadline and output size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Maximum size of the guest's linear memory, in bytes.
    pub memory: u64,
    /// Fuel (WebAssembly work units) each call may burn: a deterministic CPU budget.
    pub fuel: u64,
    /// Wall-clock deadline of each call.
    pub timeout: Duration,
    /// Maximum size of a call's result, in bytes.
    pub max_output: usize,
}

/// 256 MiB: Boa's objects are large, and a 2 MB JSON Lines file parsed into objects needs
/// ~100 MiB (tests/corpus/cases/large_json_aggregate). Linear memory only grows as the
/// function allocates, so the cap costs nothing until it is used.
pub const DEFAULT_MEMORY: u64 = 256 << 20;
/// A few seconds of a tight loop (12–41 M fuel per ms on this project's machines) but ~20 s of
/// code that calls built-ins in a loop (4–5 M fuel per ms): a runaway loop usually ends with
/// this deterministic error before the deadline, real utilities over MB inputs meet the
/// deadline first.
pub const DEFAULT_FUEL: u64 = 100_000_000_000;
/// 10 s of wall-clock time per call: Boa interprets MB-sized inputs at ~1 µs per built-in
/// call, and the corpus's 1 MB base64 round trip takes ~5 s here.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// 16 MiB of result.
pub const DEFAULT_MAX_OUTPUT: usize = 16 << 20;

impl Default for Limits {
    fn default() -> Self {
        Self {
            memory: DEFAULT_MEMORY,
            fuel: DEFAULT_FUEL,
            timeout: DEFAULT_TIMEOUT,
            max_output: DEFAULT_MAX_OUTPUT,
        }
    }
}

/// Parses a byte size such as `256MiB`, `64M`, `1.5GB` or `1048576`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    parse_size::Config::new()
        .with_binary()
        .parse_size(text.trim())
        .map_err(|err| format!("`{text}` is not a size like 64MiB or 1GB: {err}"))
}

/// The smallest memory cap accepted: the guest's engine needs ~2 MiB just to start.
pub const MIN_MEMORY: u64 = 4 << 20;
/// The largest: a wasm32 guest cannot address more than 4 GiB.
pub const MAX_MEMORY: u64 = 4 << 30;

/// Parses a memory cap: a size between [`MIN_MEMORY`] and [`MAX_MEMORY`].
pub fn parse_memory(text: &str) -> Result<u64, String> {
    let size = parse_size(text)?;
    if !(MIN_MEMORY..=MAX_MEMORY).contains(&size) {
        return Err(
            "the memory cap must be between 4MiB (the engine's own needs) and 4GiB (all a \
             32-bit WebAssembly guest can address)"
                .to_owned(),
        );
    }
    Ok(size)
}

/// Parses a fuel budget: a positive whole number.
pub fn parse_fuel(text: &str) -> Result<u64, String> {
    let fuel: u64 = text
        .trim()
        .replace('_', "")
        .parse()
        .map_err(|_| format!("`{text}` is not a whole number of fuel units"))?;
    if fuel == 0 {
        return Err("the fuel budget must be more than zero".to_owned());
    }
    Ok(fuel)
}

/// Parses a positive size, for the output and input caps.
pub fn parse_positive_size(text: &str) -> Result<u64, String> {
    match parse_size(text)? {
        0 => Err("the size must be more than zero".to_owned()),
        size => Ok(size),
    }
}

/// Parses a duration such as `2s`, `500ms` or `1m`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let duration = humantime::parse_duration(text.trim())
        .map_err(|err| format!("`{text}` is not a duration like 2s or 500ms: {err}"))?;
    if duration.is_zero() {
        return Err("the timeout must be longer than zero".to_owned());
    }
    Ok(duration)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_accept_binary_and_decimal_units() {
        assert_eq!(parse_size("256MiB"), Ok(256 << 20));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("1024"), Ok(1024));
        assert!(parse_size("lots").is_err());
    }

    #[test]
    fn limits_out_of_range_are_refused() {
        assert!(parse_memory("0").is_err());
        assert!(parse_memory("1MiB").is_err());
        assert!(parse_memory("5GiB").is_err());
        assert_eq!(parse_memory("4MiB"), Ok(MIN_MEMORY));
        assert_eq!(parse_memory("4GiB"), Ok(MAX_MEMORY));
        assert!(parse_fuel("0").is_err());
        assert!(parse_fuel("-5").is_err());
        assert_eq!(parse_fuel("1_000"), Ok(1000));
        assert!(parse_positive_size("0").is_err());
        assert_eq!(parse_positive_size("1KiB"), Ok(1024));
    }

    #[test]
    fn durations_accept_units_and_refuse_zero() {
        assert_eq!(parse_duration("2s"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("soon").is_err());
    }
}

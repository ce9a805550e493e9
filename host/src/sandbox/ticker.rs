//! The wall-clock deadline: a background thread advances the engine's epoch every [`TICK`],
//! and each store traps once its deadline (in ticks) has passed.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    thread,
    time::Duration,
};

use wasmtime::Engine;

/// How often the epoch advances: the deadline's resolution.
pub const TICK: Duration = Duration::from_millis(10);

/// Advances an engine's epoch until dropped.
#[derive(Debug)]
pub struct EpochTicker {
    stop: Arc<AtomicBool>,
}

impl EpochTicker {
    /// Starts ticking `engine`'s epoch.
    pub fn start(engine: &Engine) -> std::io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        let engine = engine.clone();
        let flag = Arc::clone(&stop);
        thread::Builder::new()
            .name("funcbox-epoch".to_owned())
            .spawn(move || {
                while !flag.load(Ordering::Relaxed) {
                    thread::sleep(TICK);
                    engine.increment_epoch();
                }
            })?;
        Ok(Self { stop })
    }
}

impl Drop for EpochTicker {
    fn drop(&mut self) {
        // Not joined: the thread notices within one tick, and dropping stays instant.
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The number of ticks that covers `timeout`, plus one so a call is never cut short: the first
/// tick may come at any moment after the deadline is set.
pub fn deadline_ticks(timeout: Duration) -> u64 {
    let ticks = timeout.as_nanos().div_ceil(TICK.as_nanos());
    u64::try_from(ticks).unwrap_or(u64::MAX).saturating_add(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_round_up_and_never_cut_short() {
        assert_eq!(deadline_ticks(Duration::from_millis(10)), 2);
        assert_eq!(deadline_ticks(Duration::from_millis(15)), 3);
        assert_eq!(deadline_ticks(Duration::from_secs(5)), 501);
    }
}

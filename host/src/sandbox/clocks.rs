//! The clocks the guest sees: the host's real time and a monotonic clock, both rounded down to
//! the millisecond. JavaScript's `Date` has no finer resolution, and a coarse clock takes the
//! sharpest tool for timing side channels away from anything that escaped the JS engine.

use std::time::{Duration, Instant, SystemTime};

use wasmtime_wasi::{HostMonotonicClock, HostWallClock};

const MILLISECOND_NANOS: u64 = 1_000_000;

/// Unix time, in whole milliseconds.
pub struct WallClock;

impl HostWallClock for WallClock {
    fn resolution(&self) -> Duration {
        Duration::from_millis(1)
    }

    fn now(&self) -> Duration {
        // A host clock set before 1970 reads as the epoch rather than failing the guest.
        let since_epoch = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default();
        Duration::from_millis(u64::try_from(since_epoch.as_millis()).unwrap_or(u64::MAX))
    }
}

/// Nanoseconds since the instance started, in whole milliseconds.
pub struct MonotonicClock {
    started: Instant,
}

impl MonotonicClock {
    /// A clock that starts at zero now.
    pub fn new() -> Self {
        Self {
            started: Instant::now(),
        }
    }
}

impl HostMonotonicClock for MonotonicClock {
    fn resolution(&self) -> u64 {
        MILLISECOND_NANOS
    }

    fn now(&self) -> u64 {
        let nanos = u64::try_from(self.started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        nanos - nanos % MILLISECOND_NANOS
    }
}

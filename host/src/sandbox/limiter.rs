//! The memory cap: a `ResourceLimiter` that traps on the growth that would cross it and
//! remembers that it did, so the trap is reported as "memory limit", not as a crash.

use wasmtime::ResourceLimiter;

/// Tables only hold Boa's function pointers; this bound is far above its need.
const MAX_TABLE_ELEMENTS: usize = 100_000;

/// Caps memory at `max_memory` bytes and allows one instance with one memory.
#[derive(Debug)]
pub struct MemoryCap {
    max_memory: usize,
    /// Set to the size asked for when a growth was refused.
    pub refused: Option<usize>,
}

impl MemoryCap {
    /// A cap of `max_memory` bytes.
    pub fn new(max_memory: u64) -> Self {
        Self {
            max_memory: usize::try_from(max_memory).unwrap_or(usize::MAX),
            refused: None,
        }
    }
}

/// The error a refused growth traps with (`trap_on_grow_failure` behaviour): failing the
/// growth softly would only make Boa abort on the allocation a moment later.
#[derive(Debug, thiserror::Error)]
#[error("memory limit of {0} bytes reached")]
pub struct MemoryCapReached(pub usize);

impl ResourceLimiter for MemoryCap {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if desired > self.max_memory {
            self.refused = Some(desired);
            return Err(MemoryCapReached(self.max_memory).into());
        }
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(desired <= MAX_TABLE_ELEMENTS)
    }

    fn instances(&self) -> usize {
        1
    }

    fn memories(&self) -> usize {
        1
    }

    fn tables(&self) -> usize {
        1
    }
}

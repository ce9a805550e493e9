//! The guest with its JavaScript realm already built: a Wizer snapshot, taken when the guest is
//! precompiled (see `portable`), so a run starts from an engine whose built-ins exist instead
//! of spending a millisecond or two (and the page faults of all that one-off code) creating
//! them.
//!
//! The guest's `wizer-initialize` export builds a realm and keeps it for the first
//! `register_function`; Wizer runs it in a throwaway instance and writes the memory and globals
//! it leaves behind back into the module as data, dropping `_initialize` (already run). A guest
//! that is not snapshotted builds its realm in `register_function`, so the compile-on-first-use
//! fallback needs no Wizer at run time.

use std::{
    future::Future,
    pin::pin,
    task::{Context, Poll, Waker},
};

use wasmtime::{Engine, Instance, Linker, Module, Store};
use wasmtime_wasi::{WasiCtxBuilder, p1::WasiP1Ctx};
use wasmtime_wizer::{InstanceState, SnapshotVal, ValType, Wizer};

use crate::error::SandboxError;

/// The guest export that prepares a realm; Wizer's default name.
const INIT_FUNC: &str = "wizer-initialize";

/// Runs the guest's initialisation and returns the module with that state as its data.
///
/// The initialisation runs with WASI that offers nothing (no files, environment or output),
/// on a plain engine: the snapshot is ordinary wasm, compiled afterwards with the sandbox's
/// own settings.
pub fn initialize(wasm: &[u8]) -> Result<Vec<u8>, SandboxError> {
    let engine_error = SandboxError::Engine;
    let wizer = Wizer::new();
    let (cx, instrumented) = wizer.instrument(wasm).map_err(engine_error)?;
    let engine = Engine::default();
    let module = Module::new(&engine, &instrumented).map_err(engine_error)?;
    let mut linker = Linker::new(&engine);
    wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |wasi: &mut WasiP1Ctx| wasi)
        .map_err(engine_error)?;
    // The network imports: building a realm never makes a request.
    linker
        .define_unknown_imports_as_traps(&module)
        .map_err(engine_error)?;
    let mut store = Store::new(&engine, WasiCtxBuilder::new().build_p1());
    let instance = linker
        .instantiate(&mut store, &module)
        .map_err(engine_error)?;
    for name in ["_initialize", INIT_FUNC] {
        instance
            .get_typed_func::<(), ()>(&mut store, name)
            .and_then(|init| init.call(&mut store, ()))
            .map_err(engine_error)?;
    }
    let mut state = Initialized { store, instance };
    // Nothing in the snapshot waits (the state is read synchronously), so one poll completes
    // it; wasmtime's async support, and an executor, would be dead weight.
    let mut snapshot = pin!(wizer.snapshot(&cx, &mut state));
    match snapshot
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(rewritten) => rewritten.map_err(engine_error),
        Poll::Pending => Err(SandboxError::Engine(wasmtime::format_err!(
            "taking the guest's snapshot did not complete in one step"
        ))),
    }
}

/// The initialised instance, read by Wizer. wasmtime-wizer's own `WasmtimeWizer` does the
/// same, but only with its `wasmtime` feature, which turns on wasmtime's async, GC, threads
/// and cache support for the whole build.
struct Initialized {
    store: Store<WasiP1Ctx>,
    instance: Instance,
}

impl InstanceState for Initialized {
    fn global_get(
        &mut self,
        name: &str,
        _type_hint: ValType,
    ) -> impl Future<Output = SnapshotVal> + Send {
        // Wizer asks only for globals its instrumentation exported, of the types it lists.
        let value = match self
            .instance
            .get_global(&mut self.store, name)
            .map(|global| global.get(&mut self.store))
        {
            Some(wasmtime::Val::I32(x)) => SnapshotVal::I32(x),
            Some(wasmtime::Val::I64(x)) => SnapshotVal::I64(x),
            Some(wasmtime::Val::F32(x)) => SnapshotVal::F32(x),
            Some(wasmtime::Val::F64(x)) => SnapshotVal::F64(x),
            Some(wasmtime::Val::V128(x)) => SnapshotVal::V128(x.as_u128()),
            other => panic!("Wizer asked for global `{name}`, found {other:?}"),
        };
        std::future::ready(value)
    }

    fn memory_contents(
        &mut self,
        name: &str,
        contents: impl FnOnce(&[u8]) + Send,
    ) -> impl Future<Output = ()> + Send {
        match self.instance.get_memory(&mut self.store, name) {
            Some(memory) => contents(memory.data(&self.store)),
            None => panic!("Wizer asked for memory `{name}`, which is not exported"),
        }
        std::future::ready(())
    }
}

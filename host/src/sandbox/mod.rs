//! The sandbox: the guest compiled once per engine, and functions registered in fresh
//! instances that run under hard limits (memory cap, fuel, wall-clock deadline, output cap)
//! with WASI offering nothing but a captured stderr, millisecond clocks and randomness.

mod cache;
mod clocks;
mod exports;
mod limiter;
pub mod portable;
mod snapshot;
mod ticker;

use std::{
    path::Path,
    time::{Duration, Instant},
};

use funcbox_abi::{self as abi, CONSOLE_LIMIT, PANIC_PREFIX, Status};
use wasmtime::{
    Caller, Config, Engine, Extern, InstancePre, Linker, Memory, Module, OptLevel, Store, Trap,
};
use wasmtime_wasi::{I32Exit, WasiCtxBuilder, p1::WasiP1Ctx, p2::pipe::MemoryOutputPipe};

pub use cache::{LoadedModule, ModuleOrigin};

use self::{exports::GuestExports, limiter::MemoryCap, ticker::EpochTicker};
use crate::{
    error::{RunError, SandboxError},
    guest,
    limits::Limits,
    network::{Network, fetch::Session},
};

/// Native stack the guest may use for recursion through built-ins (`arr.map(f)` inside `f`).
/// The call runs on the caller's thread, so this stays below the 2 MiB Rust gives spawned
/// threads (the main thread has 8 MiB).
pub const MAX_WASM_STACK: usize = 1 << 20;

/// Room in the stderr capture beyond the guest's own console cap, for a panic message.
const CONSOLE_CAPTURE: usize = CONSOLE_LIMIT + (64 << 10);

/// What the host keeps per instance.
struct HostState {
    wasi: WasiP1Ctx,
    cap: MemoryCap,
    console: MemoryOutputPipe,
    http: Session,
    /// The reply to the guest's last HTTP request, until it copies it out.
    http_reply: Vec<u8>,
}

/// WASI's errno for "function not supported".
const ERRNO_NOSYS: i32 = 52;

/// Replaces WASI's `poll_oneoff` (how a wasip1 guest sleeps) with one that fails at once. A
/// sleep blocks inside the host, where neither fuel nor the epoch deadline can interrupt it, so
/// a guest that slept would outlive its deadline. The guest imports it only because Rust's std
/// and boa_runtime link `thread::sleep`; no JavaScript reaches it.
fn refuse_sleeping(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    linker.allow_shadowing(true);
    linker.func_wrap(
        "wasi_snapshot_preview1",
        "poll_oneoff",
        |_subscriptions: i32, _events: i32, _count: i32, _written: i32| -> i32 { ERRNO_NOSYS },
    )?;
    linker.allow_shadowing(false);
    Ok(())
}

/// Links the guest's HTTP imports: `http_request(ptr, len) -> reply_len` hands the host a JSON
/// request and makes it (under the function's [`Network`]); `http_reply(ptr)` copies the JSON
/// reply into a buffer of `reply_len` bytes the guest allocated.
fn link_http(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    linker.func_wrap(
        abi::IMPORT_MODULE,
        abi::IMPORT_HTTP_REQUEST,
        |mut caller: Caller<'_, HostState>, ptr: u32, len: u32| -> wasmtime::Result<u32> {
            let memory = guest_memory(&mut caller)?;
            let (ptr, len) = (ptr as usize, len as usize);
            let reply = if len > caller.data().http.max_request_len() {
                br#"{"error":"the request is too large"}"#.to_vec()
            } else {
                let request = guest_bytes(memory.data(&caller), ptr, len)
                    .ok_or_else(|| {
                        wasmtime::format_err!("the guest's request lies outside its memory")
                    })?
                    .to_vec();
                // The call's deadline ran out while the host waited: end it as a timeout.
                caller
                    .data_mut()
                    .http
                    .handle(&request)
                    .ok_or(Trap::Interrupt)?
            };
            let reply_len = u32::try_from(reply.len())
                .map_err(|_| wasmtime::format_err!("an HTTP reply over 4 GiB"))?;
            caller.data_mut().http_reply = reply;
            Ok(reply_len)
        },
    )?;
    linker.func_wrap(
        abi::IMPORT_MODULE,
        abi::IMPORT_HTTP_REPLY,
        |mut caller: Caller<'_, HostState>, ptr: u32| -> wasmtime::Result<()> {
            let memory = guest_memory(&mut caller)?;
            let reply = std::mem::take(&mut caller.data_mut().http_reply);
            memory.write(&mut caller, ptr as usize, &reply)?;
            Ok(())
        },
    )?;
    Ok(())
}

/// The `len` bytes at `ptr` in the guest's memory `data`; `None` when any lies outside it (the
/// guest chooses both numbers).
fn guest_bytes(data: &[u8], ptr: usize, len: usize) -> Option<&[u8]> {
    ptr.checked_add(len).and_then(|end| data.get(ptr..end))
}

fn guest_memory(caller: &mut Caller<'_, HostState>) -> wasmtime::Result<Memory> {
    caller
        .get_export(abi::EXPORT_MEMORY)
        .and_then(Extern::into_memory)
        .ok_or_else(|| wasmtime::format_err!("the guest has no memory export"))
}

/// A compiled guest, ready to instantiate functions in.
pub struct Sandbox {
    engine: Engine,
    pre: InstancePre<HostState>,
    origin: ModuleOrigin,
    load_time: Duration,
    /// Fuel and epoch deadlines are on (always, but in [`Sandbox::unmetered`]).
    metered: bool,
    _ticker: EpochTicker,
}

impl Sandbox {
    /// Compiles the embedded guest, or loads it from the compiled-code cache in `cache_dir`.
    ///
    /// The embedded bytes are compiled only if their sha256 is the one recorded at build time
    /// ([`SandboxError::TamperedGuest`] otherwise).
    pub fn new(cache_dir: Option<&Path>) -> Result<Self, SandboxError> {
        let engine = Engine::new(&engine_config()).map_err(SandboxError::Engine)?;
        let loaded = cache::load(&engine, cache_dir, guest::WASM, guest::PRECOMPILED)?;
        Self::start(engine, loaded)
    }

    /// A sandbox with the embedded guest but **no fuel and no deadline**: a function that
    /// loops forever hangs the caller. It exists only to measure what metering costs
    /// (`cargo xtask bench`); the `funcbox` CLI never builds one. Memory and output caps stay.
    #[cfg(feature = "unmetered")]
    pub fn unmetered(cache_dir: Option<&Path>) -> Result<Self, SandboxError> {
        // The same CPU features as the embedded artifact the metered sandbox runs, when there
        // is one, so the comparison measures metering alone.
        let mut config = match portable::config() {
            Some(config) if guest::PRECOMPILED.is_some() => config?,
            _ => engine_config(),
        };
        config.consume_fuel(false).epoch_interruption(false);
        let engine = Engine::new(&config).map_err(SandboxError::Engine)?;
        let loaded = cache::load(&engine, cache_dir, guest::WASM, None)?;
        let mut sandbox = Self::start(engine, loaded)?;
        sandbox.metered = false;
        Ok(sandbox)
    }

    /// Compiles another guest module that speaks the same ABI, for test guests, fuzzing and
    /// guest development. It is neither checked against the recorded sha256 nor cached, and it
    /// gets exactly the imports, limits and checks the embedded guest gets, so a hostile module
    /// here shows what a compromised guest could do to the host.
    pub fn with_guest(wasm: &[u8]) -> Result<Self, SandboxError> {
        let engine = Engine::new(&engine_config()).map_err(SandboxError::Engine)?;
        let started = Instant::now();
        let module = Module::new(&engine, wasm).map_err(SandboxError::Engine)?;
        let loaded = LoadedModule {
            module,
            origin: ModuleOrigin::Compiled(None),
            elapsed: started.elapsed(),
        };
        Self::start(engine, loaded)
    }

    fn start(engine: Engine, loaded: LoadedModule) -> Result<Self, SandboxError> {
        exports::check(&loaded.module)?;
        let mut linker = Linker::new(&engine);
        wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |state: &mut HostState| &mut state.wasi)
            .map_err(SandboxError::Engine)?;
        refuse_sleeping(&mut linker).map_err(SandboxError::Engine)?;
        link_http(&mut linker).map_err(SandboxError::Engine)?;
        let pre = linker
            .instantiate_pre(&loaded.module)
            .map_err(SandboxError::Engine)?;
        let ticker = EpochTicker::start(&engine)
            .map_err(|err| SandboxError::Engine(wasmtime::Error::from(err)))?;
        Ok(Self {
            engine,
            pre,
            origin: loaded.origin,
            load_time: loaded.elapsed,
            metered: true,
            _ticker: ticker,
        })
    }

    /// Every function, memory or table the guest imports, as `(module, name)`: the whole
    /// surface it can reach outside itself.
    pub fn guest_imports(&self) -> Vec<(String, String)> {
        self.pre
            .module()
            .imports()
            .map(|import| (import.module().to_owned(), import.name().to_owned()))
            .collect()
    }

    /// Whether the guest's native code came from the cache or was compiled now.
    pub fn origin(&self) -> &ModuleOrigin {
        &self.origin
    }

    /// How long loading or compiling the guest took.
    pub fn load_time(&self) -> Duration {
        self.load_time
    }

    /// Registers `source` (a CommonJS module exporting one function) in a fresh instance,
    /// with no network access.
    pub fn load(&self, source: &str, limits: &Limits) -> Result<Function<'_>, RunError> {
        self.load_with_network(source, limits, &Network::default())
    }

    /// Like [`Sandbox::load`], with `fetch` and `Http.request` reaching what `network` allows.
    pub fn load_with_network(
        &self,
        source: &str,
        limits: &Limits,
        network: &Network,
    ) -> Result<Function<'_>, RunError> {
        let mut function = Function {
            sandbox: self,
            source: source.to_owned(),
            limits: limits.clone(),
            network: network.clone(),
            live: None,
            console: Vec::new(),
            last_fuel_used: 0,
        };
        function.ensure_live()?;
        Ok(function)
    }

    fn instantiate(
        &self,
        source: &str,
        limits: &Limits,
        network: &Network,
    ) -> Result<Live, RunError> {
        let console = MemoryOutputPipe::new(CONSOLE_CAPTURE);
        // No preopens, environment, arguments, network or stdin; stdout goes nowhere useful
        // (results travel through memory); stderr is the captured console.
        let wasi = WasiCtxBuilder::new()
            .stdout(MemoryOutputPipe::new(4096))
            .stderr(console.clone())
            .wall_clock(clocks::WallClock)
            .monotonic_clock(clocks::MonotonicClock::new())
            .build_p1();
        let state = HostState {
            wasi,
            cap: MemoryCap::new(limits.memory),
            console,
            http: Session::new(network.clone()),
            http_reply: Vec::new(),
        };
        let mut store = Store::new(&self.engine, state);
        store.limiter(|state| &mut state.cap);
        let mut live = Live {
            store,
            exports: None,
            console_read: 0,
            metered: self.metered,
        };
        let outcome = live.call(limits, |store, _| {
            let instance = self.pre.instantiate(&mut *store)?;
            let exports = GuestExports::new(&instance, store)?;
            if let Some(initialize) = &exports.initialize {
                initialize.call(&mut *store, ())?;
            }
            let buffer = write_buffer(store, &exports, source.as_bytes())?;
            let status = exports.register.call(&mut *store, buffer)?;
            let (status, message) = read_result(store, &exports, status, 0)?;
            Ok((exports, status, message))
        });
        let (exports, status, message) = outcome?;
        live.exports = Some(exports);
        decode(status, message, limits)?;
        Ok(live)
    }
}

fn engine_config() -> Config {
    let mut config = Config::new();
    config
        .consume_fuel(true)
        .epoch_interruption(true)
        .max_wasm_stack(MAX_WASM_STACK)
        .cranelift_opt_level(OptLevel::Speed);
    config
}

/// One instance with the function registered in it.
struct Live {
    store: Store<HostState>,
    exports: Option<GuestExports>,
    console_read: usize,
    metered: bool,
}

impl Live {
    /// Runs `body` with a fresh fuel budget and deadline, turning traps into [`RunError`]s.
    fn call<R>(
        &mut self,
        limits: &Limits,
        body: impl FnOnce(&mut Store<HostState>, Option<&GuestExports>) -> wasmtime::Result<R>,
    ) -> Result<R, RunError> {
        if self.metered {
            self.store
                .set_fuel(limits.fuel)
                .map_err(|err| RunError::GuestTrap(format!("{err:#}")))?;
            self.store
                .set_epoch_deadline(ticker::deadline_ticks(limits.timeout));
        }
        let deadline = Instant::now() + limits.timeout;
        self.store.data_mut().http.start_call(deadline);
        body(&mut self.store, self.exports.as_ref())
            .map_err(|err| classify(&err, &self.store, limits))
    }

    fn fuel_used(&self, limits: &Limits) -> u64 {
        if !self.metered {
            return 0;
        }
        limits
            .fuel
            .saturating_sub(self.store.get_fuel().unwrap_or(0))
    }

    /// Appends the console output written since the last drain.
    fn drain_console(&mut self, into: &mut Vec<u8>) {
        // The pipe cannot be swapped (WASI holds a handle to it), so remember how far we read.
        let captured = self.store.data().console.contents();
        let fresh = captured.get(self.console_read..).unwrap_or_default();
        self.console_read = captured.len();
        // A panic line becomes the error message; the console is the function's own output.
        for line in fresh.split_inclusive(|&byte| byte == b'\n') {
            if !line.starts_with(PANIC_PREFIX.as_bytes()) {
                into.extend_from_slice(line);
            }
        }
    }
}

/// The result of one successful call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invocation {
    /// `String(result)`.
    pub output: String,
    /// Fuel the call burned.
    pub fuel_used: u64,
    /// Wall-clock time of the call.
    pub elapsed: Duration,
}

/// A function registered in the sandbox, callable any number of times.
///
/// After a trap (fuel, deadline, memory) the instance is discarded, since the engine inside
/// may be mid-operation; the next call transparently registers the function again in a fresh
/// instance, which costs well under a millisecond.
pub struct Function<'s> {
    sandbox: &'s Sandbox,
    source: String,
    limits: Limits,
    network: Network,
    live: Option<Live>,
    console: Vec<u8>,
    last_fuel_used: u64,
}

impl Function<'_> {
    /// Calls the function with `input` and returns `String(result)`.
    pub fn invoke(&mut self, input: &str) -> Result<Invocation, RunError> {
        self.ensure_live()?;
        let Some(live) = self.live.as_mut() else {
            return Err(RunError::GuestTrap("no live instance".to_owned()));
        };
        let limits = &self.limits;
        let max_output = u32::try_from(limits.max_output).unwrap_or(u32::MAX);
        let started = Instant::now();
        let outcome = live.call(limits, |store, exports| {
            let exports = exports.ok_or_else(|| wasmtime::format_err!("no guest exports"))?;
            let (ptr, len) = write_buffer(store, exports, input.as_bytes())?;
            let status = exports.invoke.call(&mut *store, (ptr, len, max_output))?;
            read_result(store, exports, status, limits.max_output)
        });
        let elapsed = started.elapsed();
        self.last_fuel_used = live.fuel_used(limits);
        live.drain_console(&mut self.console);
        let outcome = outcome.and_then(|(status, message)| decode(status, message, limits));
        if let Err(err) = &outcome
            && is_trap(err)
        {
            self.live = None;
        }
        Ok(Invocation {
            output: outcome?,
            fuel_used: self.last_fuel_used,
            elapsed,
        })
    }

    /// Fuel burned by the last call, including a failed one.
    pub fn last_fuel_used(&self) -> u64 {
        self.last_fuel_used
    }

    /// Takes the `console` output captured so far.
    pub fn take_console(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.console)
    }

    fn ensure_live(&mut self) -> Result<(), RunError> {
        if self.live.is_none() {
            let mut live = self
                .sandbox
                .instantiate(&self.source, &self.limits, &self.network)?;
            live.drain_console(&mut self.console);
            self.live = Some(live);
        }
        Ok(())
    }
}

/// Errors after which the instance cannot be trusted: it was stopped mid-operation.
fn is_trap(err: &RunError) -> bool {
    matches!(
        err,
        RunError::OutOfFuel { .. }
            | RunError::Timeout { .. }
            | RunError::MemoryLimit { .. }
            | RunError::StackOverflow(_)
            | RunError::GuestTrap(_)
    )
}

/// Copies `bytes` into a buffer the guest allocates; returns its pointer and length.
fn write_buffer(
    store: &mut Store<HostState>,
    exports: &GuestExports,
    bytes: &[u8],
) -> wasmtime::Result<(u32, u32)> {
    let len = u32::try_from(bytes.len())
        .map_err(|_| wasmtime::format_err!("the input is larger than 4 GiB"))?;
    let ptr = exports.alloc.call(&mut *store, len)?;
    exports.memory.write(&mut *store, ptr as usize, bytes)?;
    Ok((ptr, len))
}

/// The longest error message kept from the guest: a JS error can carry a string of any size,
/// and one line of it is what the user needs.
pub const MESSAGE_LIMIT: usize = 64 << 10;

/// Reads the last call's result buffer: the output for [`Status::Ok`], else the error message.
///
/// The guest is not trusted to have kept its own limits: an output over `max_output` becomes
/// [`Status::OutputTooLarge`] without being copied, and a message is cut at [`MESSAGE_LIMIT`].
fn read_result(
    store: &mut Store<HostState>,
    exports: &GuestExports,
    status: u32,
    max_output: usize,
) -> wasmtime::Result<(u32, String)> {
    let ptr = exports.result_ptr.call(&mut *store, ())? as usize;
    let len = exports.result_len.call(&mut *store, ())? as usize;
    let data = exports.memory.data(&*store);
    let bytes = guest_bytes(data, ptr, len)
        .ok_or_else(|| wasmtime::format_err!("the guest's result lies outside its memory"))?;
    if status == Status::Ok.to_raw() {
        if bytes.len() > max_output {
            return Ok((Status::OutputTooLarge.to_raw(), String::new()));
        }
        let output = String::from_utf8(bytes.to_vec())
            .map_err(|_| wasmtime::format_err!("the guest's result is not valid UTF-8"))?;
        return Ok((status, output));
    }
    let kept = &bytes[..bytes.len().min(MESSAGE_LIMIT)];
    let mut message = String::from_utf8_lossy(kept).into_owned();
    if kept.len() < bytes.len() {
        // The cut may have split a character; drop its replacement rather than show it.
        message.truncate(message.trim_end_matches('\u{fffd}').len());
        message.push_str(&format!(" […{} more bytes]", bytes.len() - kept.len()));
    }
    Ok((status, message))
}

/// Turns a guest status and its message into the output or the matching error.
fn decode(raw: u32, message: String, limits: &Limits) -> Result<String, RunError> {
    let Some(status) = Status::from_raw(raw) else {
        return Err(RunError::GuestTrap(format!(
            "the guest returned an unknown status {raw}"
        )));
    };
    match status {
        Status::Ok => Ok(message),
        Status::JsException => Err(RunError::JsException(message)),
        Status::InvalidModule => Err(RunError::InvalidModule(message)),
        Status::OutputTooLarge => Err(RunError::OutputTooLarge {
            limit: limits.max_output,
        }),
        Status::InvalidInput => Err(RunError::InvalidInput(message)),
        Status::NotRegistered => Err(RunError::GuestTrap(message)),
        Status::RecursionLimit => Err(RunError::StackOverflow(message)),
        Status::LoopLimit => Err(RunError::LoopLimit(message)),
    }
}

/// Names the limit behind a trap; anything unexpected is a [`RunError::GuestTrap`].
fn classify(err: &wasmtime::Error, store: &Store<HostState>, limits: &Limits) -> RunError {
    if store.data().cap.refused.is_some() {
        return RunError::MemoryLimit {
            limit: limits.memory,
        };
    }
    if let Some(trap) = err.downcast_ref::<Trap>() {
        return match trap {
            Trap::OutOfFuel => RunError::OutOfFuel {
                budget: limits.fuel,
            },
            Trap::Interrupt => RunError::Timeout {
                limit: limits.timeout,
            },
            Trap::StackOverflow => RunError::StackOverflow(
                "recursion through built-in functions went deeper than the sandbox's native stack"
                    .to_owned(),
            ),
            // The guest's shadow stack sits at the bottom of its memory: overflowing it is an
            // access below address zero. Deeply nested source or data does this.
            Trap::MemoryOutOfBounds => RunError::StackOverflow(
                "nesting too deep for the guest's stack (out-of-bounds memory access)".to_owned(),
            ),
            Trap::UnreachableCodeReached => aborted(store, limits),
            other => RunError::GuestTrap(format!("the guest trapped: {other}")),
        };
    }
    if let Some(exit) = err.downcast_ref::<I32Exit>() {
        return RunError::GuestTrap(format!("the guest exited with status {}", exit.0));
    }
    // The outer layers are wasmtime's "error while executing" and a backtrace; the root cause
    // (e.g. a WASI call handed a pointer outside the guest's memory) is what went wrong.
    let cause = err.root_cause().to_string();
    let cause = cause.lines().next().unwrap_or("unknown error");
    RunError::GuestTrap(format!("the guest trapped: {cause}"))
}

/// A Rust abort in the guest. Its panic line says why: an allocation that cannot be satisfied
/// ("memory allocation of N bytes failed", or "capacity overflow" for one larger than the
/// guest's 32-bit address space) is a memory limit; anything else is a crash.
fn aborted(store: &Store<HostState>, limits: &Limits) -> RunError {
    let console = store.data().console.contents();
    let console = String::from_utf8_lossy(&console);
    let panic = console
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix(PANIC_PREFIX));
    match panic {
        Some(message)
            if message.contains("memory allocation of")
                || message.contains("capacity overflow") =>
        {
            RunError::MemoryLimit {
                limit: limits.memory,
            }
        }
        Some(message) => RunError::GuestTrap(format!("the guest aborted: {message}")),
        None => RunError::GuestTrap("the guest aborted".to_owned()),
    }
}

//! The funcbox guest: the Boa JavaScript engine behind the small ABI in `funcbox-abi`.
//!
//! Everything here runs inside the host's WebAssembly sandbox. This file is only the ABI
//! surface (exports, buffers, statics); [`runtime`] holds the JavaScript logic, which also
//! builds natively so it can be unit-tested without a WebAssembly runtime.

// The ABI is compiled in as a module rather than depended on as a crate: cargo hashes the
// absolute path of a path dependency outside the workspace into its crate metadata (and so
// into type ids and the final wasm), which made the guest's sha256 depend on where the
// checkout lives. A module has no metadata of its own. The host uses the same file as the
// `funcbox-abi` crate, so the ABI is still defined once.
#[path = "../../abi/src/lib.rs"]
pub mod abi;
pub mod collate;
pub mod console;
pub mod http;
pub mod lazy;
pub mod report;
pub mod runtime;
pub mod sort;

use std::cell::RefCell;

use crate::abi::Status;

use crate::runtime::{Failure, Realm, Runtime};

thread_local! {
    // wasm32-wasip1 has one thread: these are plain statics with interior mutability.
    static RUNTIME: RefCell<Option<Runtime>> = const { RefCell::new(None) };
    static RESULT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    // A realm built ahead of time for the first `register_function`.
    static PREPARED: RefCell<Option<Realm>> = const { RefCell::new(None) };
}

#[cfg(target_arch = "wasm32")]
unsafe extern "C" {
    fn __wasm_call_ctors();
}

/// Runs static constructors once. Exporting our own `_initialize` makes wasm-ld produce a
/// reactor; without it every export gets a "command" wrapper that re-runs the constructors
/// (and tears down the runtime) around each call.
#[cfg(target_arch = "wasm32")]
#[unsafe(no_mangle)]
pub extern "C" fn _initialize() {
    // Safety: `__wasm_call_ctors` is provided by wasm-ld and the host calls `_initialize`
    // exactly once, before any other export.
    unsafe { __wasm_call_ctors() }
    std::panic::set_hook(Box::new(report_panic));
}

/// Writes the panic as the one line the host looks for (std's default hook writes two,
/// with a thread name and a backtrace hint that mean nothing here).
#[cfg(target_arch = "wasm32")]
fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
    use std::io::Write;
    let message = if let Some(text) = info.payload().downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = info.payload().downcast_ref::<String>() {
        text.clone()
    } else {
        "unknown panic".to_owned()
    };
    let line = format!(
        "{}{}\n",
        crate::abi::PANIC_PREFIX,
        message.replace('\n', " ")
    );
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// Builds a realm for the first `register_function` to use. Wizer runs it once when the guest
/// is precompiled and writes the memory it leaves behind into the module, so instances of the
/// snapshot start with the realm built; the host never calls it. A failure here only means the
/// first registration builds its own realm.
#[unsafe(export_name = "wizer-initialize")]
pub extern "C" fn wizer_initialize() {
    if let Ok(realm) = Realm::new() {
        PREPARED.with_borrow_mut(|slot| *slot = Some(realm));
    }
}

/// Allocates a zeroed buffer of `len` bytes for the host to fill; the next `register_function`
/// or `invoke` takes ownership of it.
#[unsafe(no_mangle)]
pub extern "C" fn funcbox_alloc(len: u32) -> *mut u8 {
    let buffer = vec![0u8; len as usize].into_boxed_slice();
    Box::into_raw(buffer).cast::<u8>()
}

/// Compiles the JavaScript module at `ptr..ptr+len` and keeps the function it exports.
///
/// # Safety
/// `ptr` and `len` must come from one `funcbox_alloc(len)` call not yet handed back.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn register_function(ptr: *mut u8, len: u32) -> u32 {
    // Safety: forwarded from this function's contract.
    let source = unsafe { take_buffer(ptr, len) };
    let outcome = match std::str::from_utf8(&source) {
        Ok(source) => match PREPARED.take() {
            Some(realm) => Runtime::in_realm(realm, source),
            None => Runtime::new(source),
        }
        .map(|runtime| {
            RUNTIME.with_borrow_mut(|slot| *slot = Some(runtime));
            String::new()
        }),
        Err(err) => Err(Failure::new(
            Status::InvalidInput,
            format!("the source is not valid UTF-8: {err}"),
        )),
    };
    finish(outcome)
}

/// Calls the registered function with the UTF-8 input at `ptr..ptr+len`.
///
/// The output, `String(result)`, is refused when longer than `max_output` bytes.
///
/// # Safety
/// `ptr` and `len` must come from one `funcbox_alloc(len)` call not yet handed back.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn invoke(ptr: *mut u8, len: u32, max_output: u32) -> u32 {
    // Safety: forwarded from this function's contract.
    let input = unsafe { take_buffer(ptr, len) };
    let outcome = match std::str::from_utf8(&input) {
        Ok(input) => RUNTIME.with_borrow_mut(|slot| match slot {
            Some(runtime) => runtime.invoke(input, max_output as usize),
            None => Err(Failure::new(
                Status::NotRegistered,
                "no function is registered".to_owned(),
            )),
        }),
        Err(err) => Err(Failure::new(
            Status::InvalidInput,
            format!("the input is not valid UTF-8: {err}"),
        )),
    };
    finish(outcome)
}

/// Where the last call's output or error message starts.
#[unsafe(no_mangle)]
pub extern "C" fn result_ptr() -> *const u8 {
    RESULT.with_borrow(|result| result.as_ptr())
}

/// The byte length of the last call's output or error message.
#[unsafe(no_mangle)]
pub extern "C" fn result_len() -> u32 {
    // The host caps outputs well below 4 GiB, and wasm32 memory cannot hold more anyway.
    RESULT.with_borrow(|result| result.len() as u32)
}

/// Reclaims a buffer handed out by [`funcbox_alloc`].
///
/// # Safety
/// `ptr` and `len` must come from one `funcbox_alloc(len)` call not yet handed back.
unsafe fn take_buffer(ptr: *mut u8, len: u32) -> Box<[u8]> {
    let slice = std::ptr::slice_from_raw_parts_mut(ptr, len as usize);
    // Safety: the caller guarantees this is the boxed slice `funcbox_alloc` leaked.
    unsafe { Box::from_raw(slice) }
}

/// Stores the call's output or error message for `result_ptr`/`result_len`.
fn finish(outcome: Result<String, Failure>) -> u32 {
    let (status, text) = match outcome {
        Ok(output) => (Status::Ok, output),
        Err(failure) => (failure.status, failure.message),
    };
    RESULT.with_borrow_mut(|result| *result = text.into_bytes());
    status.to_raw()
}

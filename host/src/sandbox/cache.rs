//! The on-disk cache of the guest compiled to native code, so only the first run pays for
//! Cranelift (seconds), or for copying out the artifact embedded at build time (tens of
//! milliseconds), and later runs map the entry in (well under a millisecond).
//!
//! An entry's name carries the guest's sha256 and wasmtime's compatibility hash (its version
//! and every engine setting that changes the generated code, fuel and epochs included), so a
//! new guest or a new funcbox never loads a stale entry. Entries are written atomically. An
//! entry that fails to load is recompiled and replaced; writing an entry removes other guests'
//! entries older than a week. Like wasmtime's own cache, the entries
//! are trusted: the cache directory is the user's own.

use std::{
    hash::{DefaultHasher, Hash, Hasher},
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use wasmtime::{Engine, Module};

use crate::{atomic, error::SandboxError, guest};

/// How the guest's native code was obtained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModuleOrigin {
    /// Mapped in from the cache entry at this path.
    Cached(PathBuf),
    /// Loaded from the artifact compiled when funcbox was built (see `portable`); saved to the
    /// cache entry at the path, if one could be written, so later runs map it in.
    Precompiled(Option<PathBuf>),
    /// Compiled now; saved to the cache entry at the path, if one could be written.
    Compiled(Option<PathBuf>),
}

/// The compiled guest, where it came from and how long that took.
#[derive(Clone, Debug)]
pub struct LoadedModule {
    /// The compiled guest.
    pub module: Module,
    /// Whether it came from the cache.
    pub origin: ModuleOrigin,
    /// Time spent loading or compiling it.
    pub elapsed: Duration,
}

/// Loads the guest from the cache in `dir`; else from `precompiled`, the artifact embedded at
/// build time, if this engine and CPU can run it; else compiles `wasm`, the embedded guest's
/// bytes, after checking they are the recorded build. The latter two are saved to the cache.
pub fn load(
    engine: &Engine,
    dir: Option<&Path>,
    wasm: &[u8],
    precompiled: Option<&[u8]>,
) -> Result<LoadedModule, SandboxError> {
    let started = Instant::now();
    let entry = dir.map(|dir| dir.join(entry_name(engine)));
    if let Some(path) = &entry
        && path.is_file()
    {
        // Safety: the entry was written by `Module::serialize` of this same guest and engine
        // configuration (its name says so), atomically, into the user's private cache directory.
        // A damaged entry fails wasmtime's header and format checks and is recompiled below.
        if let Ok(module) = unsafe { Module::deserialize_file(engine, path) } {
            return Ok(LoadedModule {
                module,
                origin: ModuleOrigin::Cached(path.clone()),
                elapsed: started.elapsed(),
            });
        }
    }

    // Safety: the artifact is part of this binary, compiled from the recorded guest when the
    // binary was built. wasmtime refuses it (and we compile instead) if it was made by another
    // wasmtime version, with other engine settings, or for CPU features this host lacks.
    if let Some(bytes) = precompiled
        && let Ok(module) = unsafe { Module::deserialize(engine, bytes) }
    {
        // The entry is a verbatim copy, so later runs map it in instead of copying 20 MB.
        let saved = entry.and_then(|path| save(path, bytes));
        return Ok(LoadedModule {
            module,
            origin: ModuleOrigin::Precompiled(saved),
            elapsed: started.elapsed(),
        });
    }

    // Only code we verified ever gets compiled, and so ever reaches the cache.
    guest::verify(wasm).map_err(|actual| SandboxError::TamperedGuest {
        expected: guest::SHA256.to_owned(),
        actual,
    })?;
    let module = Module::new(engine, wasm).map_err(SandboxError::Engine)?;
    let saved = entry.and_then(|path| save(path, &module.serialize().ok()?));
    Ok(LoadedModule {
        module,
        origin: ModuleOrigin::Compiled(saved),
        elapsed: started.elapsed(),
    })
}

/// `<guest sha256 prefix>-<engine compatibility hash>.cwasm`.
fn entry_name(engine: &Engine) -> String {
    let mut hasher = DefaultHasher::new();
    engine.precompile_compatibility_hash().hash(&mut hasher);
    format!(
        "guest-{}-{:016x}.cwasm",
        &guest::SHA256[..16],
        hasher.finish()
    )
}

/// How old another guest's entry must be before a new entry replaces it: each entry is ~21 MB,
/// and every funcbox upgrade would otherwise leave one behind. An entry still in use by another
/// funcbox version only costs that version one recompile.
const STALE_AFTER: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// Removes the other `guest-*.cwasm` entries beside `keep` written more than `age` ago.
fn prune(keep: &Path, age: Duration) {
    let (Some(dir), Some(kept)) = (keep.parent(), keep.file_name()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        let is_entry = name_text.starts_with("guest-") && name_text.ends_with(".cwasm");
        let stale = entry
            .metadata()
            .and_then(|metadata| metadata.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|elapsed| elapsed > age);
        if is_entry && stale && name != kept {
            // Another process may be removing it too, or mapping it: both are fine on Unix.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` as the entry at `path`, then prunes stale entries beside it; `None` when it
/// could not be written (a read-only home or a full disk costs speed, not correctness).
fn save(path: PathBuf, bytes: &[u8]) -> Option<PathBuf> {
    atomic::write(&path, bytes).ok()?;
    prune(&path, STALE_AFTER);
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_other_guests_entries_older_than_the_limit_are_pruned() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = |name: &str| dir.path().join(name);
        let old = std::time::SystemTime::now() - Duration::from_secs(30 * 24 * 60 * 60);
        for (name, modified) in [
            ("guest-current-1.cwasm", Some(old)),
            ("guest-old-1.cwasm", Some(old)),
            ("guest-recent-1.cwasm", None),
            ("notes.txt", Some(old)),
            ("guest-old.wasm", Some(old)),
        ] {
            let file = std::fs::File::create(path(name)).expect("a file");
            if let Some(modified) = modified {
                file.set_modified(modified).expect("an mtime");
            }
        }
        prune(&path("guest-current-1.cwasm"), STALE_AFTER);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("the dir")
            .map(|entry| {
                entry
                    .expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "guest-current-1.cwasm",
                "guest-old.wasm",
                "guest-recent-1.cwasm",
                "notes.txt"
            ]
        );
    }

    #[test]
    fn a_tampered_guest_is_refused_before_it_is_compiled() {
        let engine = Engine::default();
        // A flip in the last byte (inside the name section or a data segment) still leaves a
        // valid module: only the sha256 check can tell it from the recorded one.
        let tampered = uncompilable_guest();
        assert!(
            Module::validate(&engine, &tampered).is_ok(),
            "still a valid module"
        );
        let refused = load(&engine, None, &tampered, None);
        assert!(
            matches!(&refused, Err(SandboxError::TamperedGuest { expected, actual })
                if expected == guest::SHA256 && *actual == guest::sha256_hex(&tampered)),
            "{refused:?}"
        );
    }

    /// The guest with one byte flipped: loading it can only succeed without compiling it.
    fn uncompilable_guest() -> Vec<u8> {
        let mut tampered = guest::WASM.to_vec();
        if let Some(last) = tampered.last_mut() {
            *last ^= 0x20;
        }
        tampered
    }

    #[test]
    fn a_precompiled_snapshot_runs_and_is_cached_without_compiling() {
        let Some(artifact) = super::super::portable::precompile(guest::WASM) else {
            return; // No portable baseline on this platform: nothing is ever embedded.
        };
        let artifact = artifact.expect("the guest precompiles");
        let engine = Engine::new(&super::super::engine_config()).expect("an engine");
        let dir = tempfile::tempdir().expect("temp dir");

        let loaded = load(
            &engine,
            Some(dir.path()),
            &uncompilable_guest(),
            Some(&artifact),
        )
        .expect("the artifact loads on the machine that built it");
        let ModuleOrigin::Precompiled(Some(entry)) = &loaded.origin else {
            panic!("loaded from {:?}", loaded.origin);
        };
        assert_eq!(std::fs::read(entry).expect("the entry"), artifact);

        assert!(
            loaded.module.get_export("_initialize").is_none(),
            "a snapshot, which has run its initialisation"
        );

        let sandbox = super::super::Sandbox::start(engine.clone(), loaded).expect("a sandbox");
        let limits = crate::Limits::default();
        let mut function = sandbox
            .load("module.exports = s => s.length", &limits)
            .expect("registers");
        assert_eq!(function.invoke("four").expect("runs").output, "4");
        // The realm was built once, at build time: randomness must not have been frozen into it.
        let random = || {
            let mut function = sandbox
                .load("module.exports = () => Math.random()", &limits)
                .expect("registers");
            function.invoke("").expect("runs").output
        };
        assert_ne!(random(), random(), "two instances of the snapshot");

        let again = load(&engine, Some(dir.path()), &uncompilable_guest(), None)
            .expect("the cached copy loads");
        assert!(
            matches!(again.origin, ModuleOrigin::Cached(_)),
            "{:?}",
            again.origin
        );
    }

    #[test]
    fn an_artifact_wasmtime_refuses_falls_back_to_compiling() {
        let engine = Engine::default();
        let refused = load(
            &engine,
            None,
            &uncompilable_guest(),
            Some(b"not an artifact"),
        );
        assert!(
            matches!(refused, Err(SandboxError::TamperedGuest { .. })),
            "the compile path checks the guest: {refused:?}"
        );
    }
}

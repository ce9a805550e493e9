//! Running the `funcbox` binary in an isolated `FUNCBOX_HOME`.

use std::{
    path::{Path, PathBuf},
    sync::OnceLock,
    time::Duration,
};

/// A generous bound on any single run: the sandbox must stop runaway code long before this.
pub const WATCHDOG: Duration = Duration::from_secs(60);

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One `FUNCBOX_HOME` shared by the tests that do not care about it, so the guest is compiled
/// once for the whole test binary rather than once per test.
pub fn shared_home() -> &'static Path {
    static HOME: OnceLock<tempfile::TempDir> = OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().expect("creating a temporary FUNCBOX_HOME"))
        .path()
}

/// A new `FUNCBOX_HOME` of its own whose cache already holds the compiled guest, for tests
/// that need an empty library: compiling costs ~15 s per home in a debug build, so the entry
/// is made once, in [`shared_home`], and linked (or copied) into each new home. funcbox
/// replaces a bad entry by renaming a new file over it, so a shared inode is never rewritten.
pub fn fresh_home() -> tempfile::TempDir {
    static COMPILED: OnceLock<Vec<PathBuf>> = OnceLock::new();
    let entries = COMPILED.get_or_init(|| {
        funcbox(shared_home())
            .args(["run", "examples/count_vowels.js"])
            .current_dir(repo_root())
            .write_stdin("warm up")
            .assert()
            .success();
        std::fs::read_dir(shared_home().join("cache"))
            .expect("the shared cache")
            .map(|entry| entry.expect("a cache entry").path())
            .collect()
    });
    let home = tempfile::tempdir().expect("creating a temporary FUNCBOX_HOME");
    let cache = home.path().join("cache");
    std::fs::create_dir(&cache).expect("creating the cache directory");
    for entry in entries {
        let name = entry.file_name().expect("an entry's name");
        if std::fs::hard_link(entry, cache.join(name)).is_err() {
            std::fs::copy(entry, cache.join(name)).expect("copying a cache entry");
        }
    }
    home
}

/// `funcbox` with `FUNCBOX_HOME=home` and a watchdog.
pub fn funcbox(home: &Path) -> assert_cmd::Command {
    isolated(
        assert_cmd::Command::new(env!("CARGO_BIN_EXE_funcbox")),
        home,
    )
}

/// Like [`funcbox`], but started through `wrapper` (a program and its arguments, the funcbox
/// binary's path after them), to run it under other limits or another user.
pub fn funcbox_through(wrapper: &[&str], home: &Path) -> assert_cmd::Command {
    binary_through(Path::new(env!("CARGO_BIN_EXE_funcbox")), wrapper, home)
}

/// Like [`funcbox_through`], for a copy of the binary at `binary`.
pub fn binary_through(binary: &Path, wrapper: &[&str], home: &Path) -> assert_cmd::Command {
    let (program, args) = wrapper.split_first().expect("a wrapper program");
    let mut command = assert_cmd::Command::new(program);
    command.args(args).arg(binary);
    isolated(command, home)
}

fn isolated(mut command: assert_cmd::Command, home: &Path) -> assert_cmd::Command {
    command
        .env("FUNCBOX_HOME", home)
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("OPENAI_API_KEY")
        .env_remove("OPENAI_BASE_URL")
        .env_remove("FUNCBOX_MODEL")
        .timeout(WATCHDOG);
    command
}

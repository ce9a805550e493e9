//! The command line's contract: exit codes, stdin handling, the library, the compiled cache.

use std::fs;

use predicates::prelude::*;

use crate::support::{fresh_home, funcbox, repo_root, shared_home};

#[test]
fn the_readme_example_counts_three_vowels() {
    funcbox(shared_home())
        .current_dir(repo_root())
        .args(["run", "examples/count_vowels.js"])
        .write_stdin("Hello World\n")
        .assert()
        .success()
        .stdout("3\n");
}

#[test]
fn stdin_that_is_not_utf8_is_refused_unless_lossy() {
    let bad = b"caf\xe9 au lait".to_vec();
    funcbox(shared_home())
        .current_dir(repo_root())
        .args(["run", "examples/count_vowels.js"])
        .write_stdin(bad.clone())
        .assert()
        .code(11)
        .stderr(
            predicate::str::contains("not valid UTF-8").and(predicate::str::contains("--lossy")),
        );
    funcbox(shared_home())
        .current_dir(repo_root())
        .args(["run", "--lossy", "examples/count_vowels.js"])
        .write_stdin(bad)
        .assert()
        .success()
        .stdout("5\n");
}

#[test]
fn a_missing_function_is_exit_12() {
    funcbox(shared_home())
        .args(["run", "no_such_function"])
        .assert()
        .code(12)
        .stderr(predicate::str::contains(
            "no function named `no_such_function`",
        ));
    funcbox(shared_home())
        .args(["run", "missing/dir/f.js"])
        .assert()
        .code(12);
}

#[test]
fn a_name_that_could_escape_the_library_is_a_usage_error() {
    funcbox(shared_home())
        .args(["run", ".."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a valid function name"));
}

#[test]
fn saved_functions_run_by_name() {
    let home = fresh_home();
    let functions = home.path().join("data/functions");
    fs::create_dir_all(&functions).expect("library dir");
    fs::write(
        functions.join("twice.js"),
        "module.exports = s => s.trim().repeat(2)",
    )
    .expect("saving a function");
    funcbox(home.path())
        .args(["run", "twice"])
        .write_stdin("ab\n")
        .assert()
        .success()
        .stdout("abab\n");
}

#[test]
fn hand_edited_library_files_give_clear_errors_and_break_nothing_else() {
    let home = fresh_home();
    let functions = home.path().join("data/functions");
    fs::create_dir_all(&functions).expect("library dir");
    // Code edited into invalid JavaScript, with metadata that is not JSON at all.
    fs::write(
        functions.join("broken.js"),
        "module.exports = s => {{ s.length",
    )
    .expect("code");
    fs::write(functions.join("broken.json"), "{ this is not json").expect("metadata");
    // Valid code whose metadata has the wrong shape.
    fs::write(functions.join("fine.js"), "module.exports = s => s.length").expect("code");
    fs::write(functions.join("fine.json"), r#"{"description": 42}"#).expect("metadata");

    funcbox(home.path())
        .args(["run", "broken"])
        .write_stdin("x")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("SyntaxError").and(predicate::str::contains("broken")));
    // Metadata is a description, not a requirement: the code still runs and lists.
    funcbox(home.path())
        .args(["run", "fine"])
        .write_stdin("abc")
        .assert()
        .success()
        .stdout("3\n");
    funcbox(home.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("broken").and(predicate::str::contains("fine")));
    funcbox(home.path())
        .args(["show", "broken"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "module.exports = s => {{ s.length",
        ));
    // Nothing was rewritten behind the user's back.
    assert_eq!(
        fs::read_to_string(functions.join("broken.json")).expect("metadata"),
        "{ this is not json"
    );
}

#[test]
fn bad_limit_values_are_usage_errors() {
    funcbox(shared_home())
        .args(["run", "--memory", "lots", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a size"));
    for (flag, value, says) in [
        ("--timeout", "0s", "longer than zero"),
        ("--memory", "0", "between 4MiB"),
        ("--memory", "8GiB", "between 4MiB"),
        ("--fuel", "0", "more than zero"),
        ("--max-output", "0", "more than zero"),
        ("--max-input", "0", "more than zero"),
    ] {
        funcbox(shared_home())
            .args(["run", flag, value, "x"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
}

#[test]
fn stdin_over_the_input_limit_is_refused_without_reading_it_all() {
    let module = repo_root().join("examples/count_vowels.js");
    // 8 MiB of input against a 1 MiB limit: refused with exit 11, nothing run.
    funcbox(shared_home())
        .args(["run", "--max-input", "1MiB"])
        .arg(&module)
        .write_stdin(vec![b'a'; 8 << 20])
        .assert()
        .code(11)
        .stdout("")
        .stderr(predicate::str::contains(
            "larger than the 1048576-byte input limit",
        ));
    // The default is a quarter of --memory: 8 MiB of input cannot fit 16 MiB.
    funcbox(shared_home())
        .args(["run", "--memory", "16MiB"])
        .arg(&module)
        .write_stdin(vec![b'a'; 8 << 20])
        .assert()
        .code(11);
    funcbox(shared_home())
        .args(["run", "--max-input", "16"])
        .arg(&module)
        .write_stdin("exactly sixteen\n")
        .assert()
        .success()
        .stdout("5\n");
}

/// Runs `funcbox run ARGS` on a pseudo-terminal (util-linux `script`) and returns what the
/// terminal received.
fn on_a_terminal(args: &str) -> String {
    let command = format!("{} run {args} < /dev/null", env!("CARGO_BIN_EXE_funcbox"));
    let output = std::process::Command::new("script")
        .args(["--quiet", "--return", "--command", &command, "/dev/null"])
        .env("FUNCBOX_HOME", shared_home())
        .output()
        .expect("util-linux `script` runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_function_cannot_send_control_sequences_to_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let module = dir.path().join("clear.js");
    fs::write(
        &module,
        "module.exports = () => { console.log('\\u001b]0;owned\\u0007'); \
         return '\\u001b[2J\\u001b[Hcleared \\u202eevil'; };",
    )
    .expect("writing the module");
    let shown = on_a_terminal(&module.display().to_string());
    assert!(
        !shown.contains('\u{1b}'),
        "raw ESC reached the terminal: {shown:?}"
    );
    assert!(
        !shown.contains('\u{202e}'),
        "a bidi override reached the terminal: {shown:?}"
    );
    assert!(
        shown.contains("\\x1b[2J\\x1b[Hcleared \\u{202e}evil"),
        "{shown:?}"
    );
    assert!(
        shown.contains("\\x1b]0;owned\\x07"),
        "console output: {shown:?}"
    );

    let thrower = dir.path().join("throw.js");
    fs::write(
        &thrower,
        "module.exports = () => { throw new Error('\\u001b[31mred'); };",
    )
    .expect("writing the module");
    let shown = on_a_terminal(&thrower.display().to_string());
    assert!(shown.contains("Error: \\x1b[31mred"), "{shown:?}");

    // In a pipe the bytes are data and pass through untouched.
    funcbox(shared_home())
        .args(["run"])
        .arg(&module)
        .assert()
        .success()
        .stdout("\u{1b}[2J\u{1b}[Hcleared \u{202e}evil\n");
}

#[test]
fn help_documents_every_exit_code() {
    let assert = funcbox(shared_home())
        .args(["run", "--help"])
        .assert()
        .success();
    let help = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    for exit in funcbox::Exit::ALL {
        assert!(
            help.contains(exit.meaning()),
            "run --help lacks {exit:?}:\n{help}"
        );
    }
}

#[test]
fn the_compiled_guest_is_cached_and_a_corrupt_entry_is_replaced() {
    let home = tempfile::tempdir().expect("an empty home, cache included");
    let run = || {
        let assert = funcbox(home.path())
            .current_dir(repo_root())
            .args(["run", "--stats", "examples/count_vowels.js"])
            .write_stdin("Hello World")
            .assert()
            .success()
            .stdout("3\n");
        String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
    };
    // Compiled, or taken from the artifact a `cargo xtask precompile` build embeds: not cached.
    let made = |stats: String| {
        stats.contains("guest compiled") || stats.contains("guest loaded from the build's")
    };
    assert!(made(run()));
    assert!(run().contains("guest loaded from cache"));

    let cache = home.path().join("cache");
    let entries: Vec<_> = fs::read_dir(&cache)
        .expect("cache dir")
        .map(|entry| entry.expect("entry").path())
        .collect();
    assert_eq!(
        entries.len(),
        1,
        "one cache entry, no temp files: {entries:?}"
    );
    fs::write(&entries[0], b"not a compiled module").expect("corrupting the entry");
    assert!(made(run()));
    assert!(run().contains("guest loaded from cache"));

    // Cut short, as by a crash of something other than funcbox (funcbox writes atomically).
    let whole = fs::read(&entries[0]).expect("the entry");
    fs::write(&entries[0], &whole[..whole.len() / 2]).expect("truncating the entry");
    assert!(made(run()));
    assert_eq!(
        fs::read(&entries[0]).expect("the entry"),
        whole,
        "rewritten whole"
    );
}

#[test]
fn console_output_goes_to_stderr_and_is_capped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let script = dir.path().join("chatty.js");
    fs::write(
        &script,
        "module.exports = s => { for (let i = 0; i < 100000; i++) console.log('line', i, 'x'.repeat(100)); return 'done'; }",
    )
    .expect("writing the script");
    let assert = funcbox(shared_home())
        .arg("run")
        .arg(&script)
        .assert()
        .success()
        .stdout("done\n")
        .stderr(predicate::str::contains("console output truncated"));
    let stderr_len = assert.get_output().stderr.len();
    assert!(
        stderr_len < 2 << 20,
        "console output was not capped: {stderr_len} bytes"
    );
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    use std::{io::Write, process::Stdio};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_funcbox"))
        .env("FUNCBOX_HOME", shared_home())
        .current_dir(repo_root())
        .args(["run", "examples/reverse_lines.js"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawning funcbox");
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all("line\n".repeat(20_000).as_bytes())
        .expect("writing stdin");
    drop(stdin);
    let output = child.wait_with_output().expect("waiting for funcbox");
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn lines_mode_prints_one_result_per_line_and_names_a_failing_line() {
    funcbox(shared_home())
        .current_dir(repo_root())
        .args(["run", "--lines", "examples/count_vowels.js"])
        .write_stdin("Hello World\r\nrhythm\n\nfunction")
        .assert()
        .success()
        .stdout("3\n0\n0\n3\n");
    funcbox(shared_home())
        .current_dir(repo_root())
        .args([
            "run",
            "--lines",
            "--max-input",
            "8",
            "examples/count_vowels.js",
        ])
        .write_stdin("short\nmuch too long\nnever read\n")
        .assert()
        .code(11)
        .stdout("1\n")
        .stderr(predicate::str::contains("line 2").and(predicate::str::contains("8-byte limit")));
}

//! `funcbox new`, `exec`, `list`, `show` and `rm` against the project's fake OpenAI-compatible
//! server: what is sent, the repair loop, the cache, and the LLM's failures.

use predicates::prelude::*;

use crate::{
    fake_llm::{FakeLlm, Reply},
    support::{binary_through, fresh_home, funcbox, funcbox_through},
};

const GOOD: &str = "Here is the function:\n\n```javascript\nmodule.exports = function countVowels(input) {\n  return (input.match(/[aeiou]/gi) || []).length;\n};\n```\n\nExamples:\n\n```json\n[{\"input\": \"Hello World\", \"output\": \"3\"}, {\"input\": \"\", \"output\": \"0\"}]\n```\n";

const SYNTAX_ERROR: &str = "```js\nmodule.exports = function (input) { return input.match(/[aeiou]/gi).length +; };\n```\n```json\n[{\"input\": \"Hello World\", \"output\": \"3\"}]\n```";

/// Code that runs but fails its own examples (it counts every letter).
const WRONG: &str = "```javascript\nmodule.exports = (s) => s.replace(/[^a-z]/gi, '').length;\n```\n```json\n[{\"input\": \"Hello World\", \"output\": \"3\"}]\n```";

const SECRET: &str = "sk-test-secret-0123456789";

fn new_count_vowels(home: &std::path::Path, fake: &FakeLlm) -> assert_cmd::Command {
    let mut command = funcbox(home);
    command
        .env("OPENAI_BASE_URL", &fake.base_url)
        .env("FUNCBOX_MODEL", "fake-small")
        .args(["new", "count_vowels", "count the vowels in the input"]);
    command
}

#[test]
fn new_saves_a_checked_function_that_run_then_uses() {
    let home = fresh_home();
    let fake = FakeLlm::start(vec![Reply::content(GOOD)]);
    new_count_vowels(home.path(), &fake)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("saved `count_vowels`")
                .and(predicate::str::contains("2 example(s) passed")),
        );

    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.path, "/v1/chat/completions");
    assert_eq!(
        request.authorization, None,
        "no key is set, so no Authorization header"
    );
    assert_eq!(request.body["model"], "fake-small");
    assert_eq!(request.body["temperature"], 0.0);
    let messages = request.body["messages"].as_array().expect("messages");
    assert_eq!(messages[0]["role"], "system");
    assert!(
        messages[0]["content"]
            .as_str()
            .unwrap_or_default()
            .contains("module.exports")
    );
    assert_eq!(messages[1]["role"], "user");
    assert!(
        messages[1]["content"]
            .as_str()
            .unwrap_or_default()
            .contains("count the vowels in the input")
    );

    funcbox(home.path())
        .args(["run", "count_vowels"])
        .write_stdin("Hello World\n")
        .assert()
        .success()
        .stdout("3\n");
    funcbox(home.path()).arg("list").assert().success().stdout(
        predicate::str::contains("count_vowels")
            .and(predicate::str::contains("count the vowels in the input")),
    );
    funcbox(home.path())
        .args(["show", "count_vowels"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("fake-small (127.0.0.1)")
                .and(predicate::str::contains("\"Hello World\" -> \"3\""))
                .and(predicate::str::contains(
                    "module.exports = function countVowels",
                )),
        );
    // A second `new` under the same name is refused before any LLM call.
    new_count_vowels(home.path(), &fake)
        .assert()
        .code(26)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(fake.requests().len(), 1);

    funcbox(home.path())
        .args(["rm", "count_vowels"])
        .assert()
        .success();
    funcbox(home.path())
        .args(["run", "count_vowels"])
        .assert()
        .code(12);
    funcbox(home.path())
        .args(["rm", "count_vowels"])
        .assert()
        .code(12);
}

#[test]
fn a_broken_first_reply_is_repaired() {
    let home = fresh_home();
    let fake = FakeLlm::start(vec![Reply::content(SYNTAX_ERROR), Reply::content(GOOD)]);
    new_count_vowels(home.path(), &fake)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("attempt 1 rejected")
                .and(predicate::str::contains("SyntaxError")),
        );
    let requests = fake.requests();
    assert_eq!(requests.len(), 2);
    let messages = requests[1].body["messages"].as_array().expect("messages");
    assert_eq!(
        messages.len(),
        4,
        "system, request, the broken reply, the repair request"
    );
    assert_eq!(messages[2]["role"], "assistant");
    let repair = messages[3]["content"].as_str().unwrap_or_default();
    assert!(
        repair.contains("does not load") && repair.contains("SyntaxError"),
        "{repair}"
    );
}

#[test]
fn code_that_fails_its_own_examples_is_rejected_and_nothing_is_saved() {
    let home = fresh_home();
    let fake = FakeLlm::start(vec![Reply::content(WRONG)]);
    new_count_vowels(home.path(), &fake)
        .arg("--attempts")
        .arg("2")
        .assert()
        .code(25)
        .stderr(predicate::str::contains(
            "returned \"10\", but the example expects \"3\"",
        ));
    assert_eq!(fake.requests().len(), 2);
    let repair = fake.requests()[1].body["messages"][3]["content"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        repair.contains("expects \"3\""),
        "the failure is sent back: {repair}"
    );
    funcbox(home.path())
        .args(["run", "count_vowels"])
        .assert()
        .code(12);
    assert!(!home.path().join("data/functions/count_vowels.js").exists());
    assert!(
        !home
            .path()
            .join("data/functions/count_vowels.json")
            .exists()
    );
}

#[test]
fn exec_generates_once_then_uses_the_cache() {
    let home = fresh_home();
    let fake = FakeLlm::start(vec![Reply::content(GOOD)]);
    let exec = |extra: &[&str]| {
        funcbox(home.path())
            .env("OPENAI_BASE_URL", &fake.base_url)
            .args(["exec", "count the vowels"])
            .args(extra)
            .write_stdin("Hello World")
            .assert()
            .success()
            .stdout("3\n");
    };
    exec(&[]);
    exec(&[]);
    assert_eq!(
        fake.requests().len(),
        1,
        "the second exec came from the cache"
    );
    exec(&["--no-cache"]);
    assert_eq!(fake.requests().len(), 2);
}

#[test]
fn the_api_key_is_sent_but_never_shown_or_saved() {
    let home = fresh_home();
    let fake = FakeLlm::start(vec![Reply::content(GOOD)]);
    let assert = new_count_vowels(home.path(), &fake)
        .env("OPENAI_API_KEY", SECRET)
        .assert()
        .success();
    assert_eq!(
        fake.requests()[0].authorization.as_deref(),
        Some(format!("Bearer {SECRET}").as_str())
    );
    let output = assert.get_output();
    assert!(!String::from_utf8_lossy(&output.stderr).contains(SECRET));
    let metadata = std::fs::read_to_string(home.path().join("data/functions/count_vowels.json"))
        .expect("metadata");
    assert!(!metadata.contains(SECRET));

    // Even the server's own error text quoting the key is not echoed.
    let refusing = FakeLlm::start(vec![Reply::error(
        401,
        &format!("Incorrect API key provided: {SECRET}"),
    )]);
    let assert = funcbox(home.path())
        .env("OPENAI_BASE_URL", &refusing.base_url)
        .env("OPENAI_API_KEY", SECRET)
        .args(["new", "other", "anything"])
        .assert()
        .code(21);
    assert!(!String::from_utf8_lossy(&assert.get_output().stderr).contains(SECRET));
}

#[test]
fn llm_failures_have_their_own_exit_codes() {
    let home = fresh_home();
    let cases: [(Reply, i32, &str); 4] = [
        (Reply::error(401, "bad key"), 21, "bad key"),
        (
            Reply::error(404, "The model `fake-small` does not exist"),
            22,
            "fake-small",
        ),
        (
            Reply {
                status: 200,
                body: "<html>gateway</html>".to_owned(),
            },
            24,
            "not JSON",
        ),
        (
            Reply::content("I cannot help with that."),
            24,
            "no JavaScript code",
        ),
    ];
    for (reply, code, message) in cases {
        let fake = FakeLlm::start(vec![reply]);
        new_count_vowels(home.path(), &fake)
            .args(["--attempts", "1"])
            .assert()
            .code(code)
            .stderr(predicate::str::contains(message));
    }
    // Nothing listens on a port we bound and released.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    funcbox(home.path())
        .env("OPENAI_BASE_URL", format!("http://127.0.0.1:{port}/v1"))
        .args(["new", "f", "anything"])
        .assert()
        .code(20);
    // The default OpenAI URL without a key fails before any request, saying what to set.
    funcbox(home.path())
        .args(["new", "f", "anything"])
        .assert()
        .code(21)
        .stderr(predicate::str::contains("OPENAI_API_KEY"));
    funcbox(home.path())
        .arg("list")
        .assert()
        .success()
        .stdout("");
}

#[test]
fn show_prompt_prints_the_versioned_prompt_without_a_key() {
    funcbox(fresh_home().path())
        .args(["new", "--show-prompt"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("prompt version")
                .and(predicate::str::contains("module.exports")),
        );
}

#[test]
fn ctrl_c_while_waiting_for_the_model_leaves_nothing_behind() {
    use std::{process::Stdio, time::Duration};

    let home = fresh_home();
    // A server that takes the connection and never answers: funcbox waits on it.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let base_url = format!("http://{}/v1", silent.local_addr().expect("its address"));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_funcbox"))
        .env("FUNCBOX_HOME", home.path())
        .env("OPENAI_BASE_URL", &base_url)
        .env("FUNCBOX_MODEL", "fake-small")
        .env_remove("OPENAI_API_KEY")
        .args(["new", "count_vowels", "count the vowels in the input"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("funcbox starts");
    // Wait until the request is on its way, then interrupt as a terminal's Ctrl-C would.
    silent.set_nonblocking(true).expect("non-blocking accept");
    let started = std::time::Instant::now();
    let _connection = loop {
        match silent.accept() {
            Ok((connection, _)) => break connection,
            Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => {
                if started.elapsed() > Duration::from_secs(30)
                    || child.try_wait().ok().flatten().is_some()
                {
                    let _ = child.kill();
                    panic!("funcbox never connected to the model");
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(err) => panic!("accepting: {err}"),
        }
    };
    std::thread::sleep(Duration::from_millis(200));
    let interrupted = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(interrupted.success());
    let status = child.wait().expect("funcbox ends");
    assert!(
        !status.success(),
        "an interrupted run must not report success"
    );

    let leftovers: Vec<_> = walk(home.path());
    assert!(
        leftovers
            .iter()
            .all(|path| !path.starts_with(home.path().join("data"))),
        "an interrupted generation wrote to the library: {leftovers:?}"
    );
}

/// Every file under `dir` with its contents (as text, for readable failures; the compiled
/// guest in a cache only by size).
fn snapshot(dir: &std::path::Path) -> std::collections::BTreeMap<std::path::PathBuf, String> {
    walk(dir)
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("a readable file");
            let text = match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(binary) => format!("{} bytes", binary.as_bytes().len()),
            };
            (path, text)
        })
        .collect()
}

#[test]
fn a_full_disk_while_replacing_a_function_keeps_the_old_one_whole() {
    let home = fresh_home();
    // The replacement is GOOD with 16 KiB of comment: too large for the file-size limit below.
    let padded = GOOD.replacen(
        "module.exports",
        &format!("// {}\nmodule.exports", "x".repeat(16 << 10)),
        1,
    );
    let fake = FakeLlm::start(vec![Reply::content(GOOD), Reply::content(&padded)]);
    new_count_vowels(home.path(), &fake).assert().success();
    let library = home.path().join("data");
    let before = snapshot(&library);

    // A full disk, simulated: writes past 8 KiB fail with EFBIG. SIGXFSZ is ignored (which
    // survives exec) so the write fails instead of the signal killing funcbox.
    let limited = [
        "bash",
        "-c",
        "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\"",
    ];
    funcbox_through(&limited, home.path())
        .env("OPENAI_BASE_URL", &fake.base_url)
        .env("FUNCBOX_MODEL", "fake-small")
        .args([
            "new",
            "count_vowels",
            "count the vowels in the input",
            "--force",
        ])
        .assert()
        .code(10)
        .stderr(
            predicate::str::contains("File too large")
                .and(predicate::str::contains("count_vowels.js")),
        );
    assert_eq!(fake.requests().len(), 2, "the replacement was generated");
    assert_eq!(
        snapshot(&library),
        before,
        "the old function changed, or a temporary file was left behind"
    );
    funcbox(home.path())
        .args(["run", "count_vowels"])
        .write_stdin("Hello World")
        .assert()
        .success()
        .stdout("3\n");
}

#[test]
fn a_read_only_library_is_reported_and_left_as_it_was() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    let home = fresh_home();
    let fake = FakeLlm::start(vec![Reply::content(GOOD), Reply::content(GOOD)]);
    new_count_vowels(home.path(), &fake).assert().success();
    let chmod = |path: &std::path::Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    let functions = home.path().join("data/functions");
    for file in walk(&functions) {
        chmod(&file, 0o444);
    }
    chmod(&functions, 0o555);
    chmod(&home.path().join("data"), 0o555);
    // Root ignores permissions, so as root funcbox runs as `nobody`, who needs to reach the
    // home, to read the compiled guest in the cache (or it would compile it every run), and
    // to run a copy of the binary (the checkout may sit under a private directory).
    let as_root = std::fs::metadata(home.path()).expect("home").uid() == 0;
    let bin = tempfile::tempdir().expect("a directory for the binary");
    let (binary, wrapper): (std::path::PathBuf, &[&str]) = if as_root {
        chmod(home.path(), 0o755);
        for entry in walk(&home.path().join("cache")) {
            chmod(&entry, 0o644);
        }
        chmod(bin.path(), 0o755);
        let copy = bin.path().join("funcbox");
        std::fs::copy(env!("CARGO_BIN_EXE_funcbox"), &copy).expect("copying the binary");
        chmod(&copy, 0o755);
        let nobody: &[&str] = &[
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
        ];
        (copy, nobody)
    } else {
        (env!("CARGO_BIN_EXE_funcbox").into(), &["env"])
    };
    let funcbox_through =
        |wrapper: &[&str], home: &std::path::Path| binary_through(&binary, wrapper, home);
    let before = snapshot(home.path());

    funcbox_through(wrapper, home.path())
        .env("OPENAI_BASE_URL", &fake.base_url)
        .env("FUNCBOX_MODEL", "fake-small")
        .args(["new", "count_vowels_too", "count the vowels in the input"])
        .assert()
        .code(10)
        .stderr(
            predicate::str::contains("Permission denied")
                .and(predicate::str::contains("count_vowels_too.js")),
        );
    funcbox_through(wrapper, home.path())
        .args(["rm", "count_vowels"])
        .assert()
        .code(10)
        .stderr(predicate::str::contains("Permission denied"));
    funcbox_through(wrapper, home.path())
        .args(["run", "count_vowels"])
        .write_stdin("Hello World")
        .assert()
        .success()
        .stdout("3\n");
    funcbox_through(wrapper, home.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("count_vowels"));
    assert_eq!(
        snapshot(home.path()),
        before,
        "a read-only library was changed"
    );
    // Let the temporary directory be removed.
    chmod(&home.path().join("data"), 0o755);
    chmod(&functions, 0o755);
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn a_function_saved_with_allowed_hosts_fetches_from_them_and_nowhere_else() {
    let site = httpmock::MockServer::start();
    let page = site.mock(|when, then| {
        when.method(httpmock::Method::GET).path("/page");
        then.status(200)
            .header("content-type", "text/html")
            .body("<html><head><title> Hello from funcbox </title></head></html>");
    });
    let url = site.url("/page");
    let code = "module.exports = async function fetchTitle(input) {\n  \
                const response = await fetch(input.trim());\n  \
                const match = (await response.text()).match(/<title>([^<]*)<\\/title>/i);\n  \
                return match ? match[1].trim() : '';\n};";
    let examples = serde_json::json!([{ "input": url, "output": "Hello from funcbox" }]);
    let reply = format!("```javascript\n{code}\n```\n```json\n{examples}\n```\n");
    let fake = FakeLlm::start(vec![Reply::content(&reply)]);
    let home = fresh_home();

    funcbox(home.path())
        .env("OPENAI_BASE_URL", &fake.base_url)
        .env("FUNCBOX_MODEL", "fake-small")
        .args([
            "new",
            "fetch_title",
            "the title of the page at the URL in the input",
        ])
        .args(["--allow-host", "127.0.0.1"])
        .assert()
        .success();
    let system = fake.requests()[0].body["messages"][0]["content"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        system.contains("only these hosts can be reached: 127.0.0.1."),
        "{system}"
    );
    funcbox(home.path())
        .args(["show", "fetch_title"])
        .assert()
        .success()
        .stdout(predicate::str::contains("network:      127.0.0.1"));

    // `run` allows the saved hosts again, with no flag.
    funcbox(home.path())
        .args(["run", "fetch_title"])
        .write_stdin(url.as_str())
        .assert()
        .success()
        .stdout("Hello from funcbox\n");
    page.assert_calls(2);

    // The same code run from a file gets no network unless the flag says so.
    let file = home.path().join("fetch_title.js");
    std::fs::write(&file, code).expect("writing the module");
    funcbox(home.path())
        .args(["run", file.to_str().expect("a UTF-8 path")])
        .write_stdin(url.as_str())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "fetch failed: network access to 127.0.0.1 is not allowed (run with --allow-host 127.0.0.1)",
        ));
    funcbox(home.path())
        .args([
            "run",
            file.to_str().expect("a UTF-8 path"),
            "--allow-host",
            "127.0.0.1",
        ])
        .write_stdin(url.as_str())
        .assert()
        .success()
        .stdout("Hello from funcbox\n");
    page.assert_calls(3);
}

#[test]
fn a_bad_host_pattern_is_a_usage_error() {
    let home = fresh_home();
    funcbox(home.path())
        .args(["run", "examples/count_vowels.js", "--allow-host", "*"])
        .current_dir(crate::support::repo_root())
        .write_stdin("hello")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`*` is not a host pattern"));
}

//! Runs every `.js` file under `tests/fixtures/` through `funcbox run` and checks the outcome
//! its header declares:
//!
//! ```text
//! // input: "JSON string"     (stdin; default empty)
//! // output: "JSON string"    (expected stdout, without the trailing newline)
//! // stderr: text             (must appear on stderr)
//! // args: --fuel 1000        (extra flags)
//! // exit: 4                  (expected exit code; default 0)
//! // error: text              (must appear in the one-line error)
//! ```

use std::{
    fs,
    path::{Path, PathBuf},
    time::Instant,
};

use crate::support::{funcbox, repo_root, shared_home};

struct Fixture {
    path: PathBuf,
    input: String,
    output: Option<String>,
    stderr: Option<String>,
    args: Vec<String>,
    exit: i32,
    error: Option<String>,
}

impl Fixture {
    fn load(path: &Path) -> Fixture {
        let text = fs::read_to_string(path).expect("reading a fixture");
        let mut fixture = Fixture {
            path: path.to_owned(),
            input: String::new(),
            output: None,
            stderr: None,
            args: Vec::new(),
            exit: 0,
            error: None,
        };
        let json = |value: &str| -> String {
            serde_json::from_str(value)
                .unwrap_or_else(|err| panic!("{}: bad JSON string {value}: {err}", path.display()))
        };
        for line in text.lines().map_while(|line| line.strip_prefix("// ")) {
            let Some((key, value)) = line.split_once(": ") else {
                continue;
            };
            match key {
                "input" => fixture.input = json(value),
                "output" => fixture.output = Some(json(value)),
                "stderr" => fixture.stderr = Some(value.to_owned()),
                "args" => fixture.args = value.split_whitespace().map(str::to_owned).collect(),
                "exit" => fixture.exit = value.parse().expect("exit code"),
                "error" => fixture.error = Some(value.to_owned()),
                _ => {}
            }
        }
        fixture
    }

    /// Runs the fixture; returns what did not match, if anything.
    fn check(&self) -> Result<(), String> {
        let started = Instant::now();
        let output = funcbox(shared_home())
            .arg("run")
            .args(&self.args)
            .arg(&self.path)
            .write_stdin(self.input.clone())
            .output()
            .map_err(|err| format!("could not run funcbox: {err}"))?;
        let elapsed = started.elapsed();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let code = output.status.code();
        let context = format!("exit {code:?} after {elapsed:.2?}, stderr: {stderr}");
        if code != Some(self.exit) {
            return Err(format!("expected exit {}, got {context}", self.exit));
        }
        if let Some(expected) = &self.output
            && stdout != format!("{expected}\n")
        {
            return Err(format!(
                "expected output {expected:?}, got {stdout:?} ({context})"
            ));
        }
        if let Some(expected) = &self.stderr
            && !stderr.contains(expected.as_str())
        {
            return Err(format!("expected {expected:?} on stderr ({context})"));
        }
        if self.exit != 0 {
            let errors: Vec<&str> = stderr
                .lines()
                .filter(|line| line.starts_with("funcbox: error: "))
                .collect();
            if errors.len() != 1 {
                return Err(format!("expected exactly one error line ({context})"));
            }
            if let Some(expected) = &self.error
                && !errors[0].contains(expected.as_str())
            {
                return Err(format!(
                    "expected the error to mention {expected:?} ({context})"
                ));
            }
            if !stdout.is_empty() {
                return Err(format!("a failed run printed {stdout:?} on stdout"));
            }
        }
        Ok(())
    }
}

fn fixtures(kind: &str) -> Vec<Fixture> {
    let dir = repo_root().join("tests/fixtures").join(kind);
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("reading the fixtures directory")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "js"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {}", dir.display());
    paths.iter().map(|path| Fixture::load(path)).collect()
}

fn check_all(kind: &str) {
    let failures: Vec<String> = fixtures(kind)
        .iter()
        .filter_map(|fixture| {
            let name = fixture.path.file_name()?.to_string_lossy().into_owned();
            fixture.check().err().map(|why| format!("{name}: {why}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn working_fixtures_print_their_expected_output() {
    check_all("ok");
}

#[test]
fn hostile_fixtures_end_in_their_documented_error() {
    check_all("hostile");
    // The host is intact: the next ordinary run works.
    funcbox(shared_home())
        .args(["run", "examples/count_vowels.js"])
        .current_dir(repo_root())
        .write_stdin("Hello World")
        .assert()
        .success()
        .stdout("3\n");
}

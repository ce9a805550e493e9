//! The compatibility corpus: JavaScript written the way a capable model writes it for node,
//! run in the sandbox and compared byte for byte with what node printed.
//!
//! Cases live in `tests/corpus/cases/` (see `tests/corpus/README.md`); node's outputs are
//! recorded there by `cargo xtask corpus --record`, so this test needs no node. It prints one
//! line per case and the pass rate (`cargo xtask corpus` shows it), then fails with a diff for
//! every case whose output differs from node's.

use std::{
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
    sync::Mutex,
    thread,
    time::Duration,
};

use funcbox::{Limits, Sandbox};
use similar::TextDiff;

/// A corpus case as found on disk.
struct Case {
    name: String,
    source: String,
    input: String,
    expected: String,
}

/// How a case went.
enum Outcome {
    Pass(Duration),
    Mismatch(String),
    Error(String),
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus/cases")
}

/// The `// key: value` header lines at the top of a case's module.
fn header<'s>(source: &'s str, key: &str) -> Option<&'s str> {
    source
        .lines()
        .map_while(|line| line.strip_prefix("// "))
        .filter_map(|line| line.split_once(": "))
        .find_map(|(name, value)| (name == key).then_some(value))
}

fn read_case(dir: &Path, name: &str) -> Case {
    let read = |extension: &str| {
        let path = dir.join(format!("{name}.{extension}"));
        fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
    };
    let source = read("js");
    assert!(
        header(&source, "description").is_some(),
        "{name}.js has no `// description:` header"
    );
    let repeat = header(&source, "repeat").map_or(1, |count| {
        count
            .parse()
            .unwrap_or_else(|_| panic!("{name}.js: `// repeat: {count}` is not a count"))
    });
    Case {
        name: name.to_owned(),
        input: read("input").repeat(repeat),
        expected: read("expected"),
        source,
    }
}

fn load_cases() -> Vec<Case> {
    let dir = cases_dir();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".js").map(str::to_owned)
        })
        .collect();
    names.sort();
    names.iter().map(|name| read_case(&dir, name)).collect()
}

fn run_case(sandbox: &Sandbox, case: &Case) -> Outcome {
    let mut function = match sandbox.load(&case.source, &Limits::default()) {
        Ok(function) => function,
        Err(err) => return Outcome::Error(format!("does not load: {err}")),
    };
    match function.invoke(&case.input) {
        Ok(run) if run.output == case.expected => Outcome::Pass(run.elapsed),
        Ok(run) => Outcome::Mismatch(diff(&case.expected, &run.output)),
        Err(err) => Outcome::Error(err.to_string()),
    }
}

/// A unified diff of node's output against the sandbox's, trimmed to stay readable.
fn diff(expected: &str, actual: &str) -> String {
    const MAX_LINES: usize = 40;
    let diff = TextDiff::from_lines(expected, actual);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header("node", "funcbox")
        .to_string();
    let mut lines: Vec<&str> = text.lines().collect();
    let hidden = lines.len().saturating_sub(MAX_LINES);
    lines.truncate(MAX_LINES);
    let mut shown = lines.join("\n");
    if hidden > 0 {
        let _ = write!(shown, "\n… {hidden} more diff line(s)");
    }
    shown
}

#[test]
fn the_sandbox_prints_what_node_prints_for_every_corpus_case() {
    let cache = std::env::temp_dir().join("funcbox-library-tests-cache");
    let sandbox = Sandbox::new(Some(&cache)).expect("the sandbox starts");
    let cases = load_cases();
    assert!(
        !cases.is_empty(),
        "no corpus cases in {}",
        cases_dir().display()
    );

    // Cases are independent, each in its own instance: two workers halve the wall time.
    let next = Mutex::new(0_usize);
    let outcomes: Mutex<Vec<Option<Outcome>>> =
        Mutex::new((0..cases.len()).map(|_| None).collect());
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let index = {
                        let mut next = next.lock().expect("no worker panics holding it");
                        let index = *next;
                        *next += 1;
                        index
                    };
                    let Some(case) = cases.get(index) else { break };
                    let outcome = run_case(&sandbox, case);
                    outcomes.lock().expect("no worker panics holding it")[index] = Some(outcome);
                }
            });
        }
    });
    let outcomes = outcomes.into_inner().expect("workers are done");

    let mut failures = String::new();
    let mut passed = 0;
    for (case, outcome) in cases.iter().zip(outcomes) {
        match outcome.expect("every case ran") {
            Outcome::Pass(elapsed) => {
                passed += 1;
                println!(
                    "pass  {:<32} {:>8.1} ms",
                    case.name,
                    elapsed.as_secs_f64() * 1e3
                );
            }
            Outcome::Mismatch(diff) => {
                println!("FAIL  {:<32} output differs from node's", case.name);
                let _ = writeln!(
                    failures,
                    "\n{}: output differs from node's\n{diff}",
                    case.name
                );
            }
            Outcome::Error(error) => {
                println!("FAIL  {:<32} {error}", case.name);
                let _ = writeln!(failures, "\n{}: {error}", case.name);
            }
        }
    }
    println!(
        "{passed} of {} corpus cases print what node prints",
        cases.len()
    );
    assert!(failures.is_empty(), "corpus failures:{failures}");
}

//! Line mode through the library: one call per line, line endings, limits per line, and a
//! property test that it gives exactly what calling the function on each line would.

use std::{borrow::Cow, io::BufReader, sync::OnceLock};

use funcbox::{
    Limits, RunError, Sandbox,
    lines::{LineOptions, LinesError, run_lines},
};
use proptest::prelude::*;

fn sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let cache = std::env::temp_dir().join("funcbox-library-tests-cache");
        Sandbox::new(Some(&cache)).expect("the sandbox starts")
    })
}

const OPTIONS: LineOptions = LineOptions {
    max_line: 1 << 20,
    lossy: false,
};

/// Runs `source` in line mode over `input`; the output and the outcome.
fn lines(source: &str, input: &[u8], options: LineOptions) -> (String, Result<u64, LinesError>) {
    let mut function = sandbox()
        .load(source, &Limits::default())
        .expect("registers");
    let mut output = Vec::new();
    let outcome = run_lines(
        &mut function,
        &mut BufReader::new(input),
        &mut output,
        options,
        &|text| Cow::Borrowed(text),
        &mut |_| {},
    );
    (String::from_utf8(output).expect("UTF-8 output"), outcome)
}

#[test]
fn each_line_is_one_call_and_one_result() {
    let count = "module.exports = (s) => (s.match(/[aeiou]/gi) || []).length";
    let (output, outcome) = lines(count, b"Hello World\nfunction\n\nsky", OPTIONS);
    assert_eq!(output, "3\n3\n0\n0\n");
    assert_eq!(outcome.expect("all lines"), 4);
    let (output, outcome) = lines(count, b"", OPTIONS);
    assert_eq!((output.as_str(), outcome.expect("no lines")), ("", 0));
}

#[test]
fn crlf_endings_are_taken_off() {
    let (output, _) = lines(
        "module.exports = JSON.stringify",
        b"a\r\nb\r\r\nc\r",
        OPTIONS,
    );
    assert_eq!(output, "\"a\"\n\"b\\r\"\n\"c\\r\"\n");
}

#[test]
fn module_state_carries_from_line_to_line() {
    let counter = "let seen = 0; module.exports = (s) => `${++seen}:${s}`";
    let (output, _) = lines(counter, b"a\nb\nc\n", OPTIONS);
    assert_eq!(output, "1:a\n2:b\n3:c\n");
}

#[test]
fn a_failing_line_stops_the_run_after_the_lines_before_it() {
    let strict =
        "module.exports = (s) => { if (s === 'bad') throw new Error('no'); return s.length }";
    let (output, outcome) = lines(strict, b"one\nbad\nthree\n", OPTIONS);
    assert_eq!(output, "3\n");
    match outcome {
        Err(LinesError::Run {
            line: 2,
            source: RunError::JsException(message),
        }) => assert!(message.starts_with("Error: no"), "{message}"),
        other => panic!("expected line 2 to throw, got {other:?}"),
    }
}

#[test]
fn limits_apply_per_line() {
    let echo = "module.exports = (s) => s.length";
    let short = LineOptions {
        max_line: 4,
        ..OPTIONS
    };
    let (output, outcome) = lines(echo, b"abcd\r\nabcde\n", short);
    assert_eq!(output, "4\n");
    assert!(matches!(
        outcome,
        Err(LinesError::Run { line: 2, source: RunError::InvalidInput(ref m) }) if m.contains("4-byte limit")
    ));
    let (_, outcome) = lines(echo, b"abcdefghij", short);
    assert!(matches!(outcome, Err(LinesError::Run { line: 1, .. })));

    let (output, outcome) = lines(echo, b"ok\n\xff\xfe\n", OPTIONS);
    assert_eq!(output, "2\n");
    assert!(matches!(
        outcome,
        Err(LinesError::Run { line: 2, source: RunError::InvalidInput(ref m) }) if m.contains("UTF-8")
    ));
    let lossy = LineOptions {
        lossy: true,
        ..OPTIONS
    };
    let (output, _) = lines(echo, b"ok\n\xff\xfe\n", lossy);
    assert_eq!(output, "2\n2\n");
}

/// Text for `lines` joined with `ending` (`\n` or `\r\n`), with or without a final ending,
/// and the lines line mode must see in it.
fn joined(lines: &[String], crlf: bool, trailing: bool) -> (String, Vec<String>) {
    let ending = if crlf { "\r\n" } else { "\n" };
    let mut text = String::new();
    let mut expected = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let last = index + 1 == lines.len();
        text.push_str(line);
        // A last line that is empty exists only if something ends the line before it.
        let ended = !last || trailing || line.is_empty();
        if ended {
            text.push_str(ending);
        }
        // With `\n` endings, a line's own final `\r` reads as part of a CRLF ending.
        let seen = match line.strip_suffix('\r') {
            Some(stripped) if ended && !crlf => stripped,
            _ => line,
        };
        expected.push(seen.to_owned());
    }
    (text, expected)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn line_mode_calls_the_function_on_exactly_each_line(
        lines_in in prop::collection::vec("[^\n]{0,40}", 0..12),
        crlf in any::<bool>(),
        trailing in any::<bool>(),
    ) {
        let (text, expected) = joined(&lines_in, crlf, trailing);
        let (output, outcome) = lines("module.exports = JSON.stringify", text.as_bytes(), OPTIONS);
        let seen: Vec<String> = output
            .lines()
            .map(|line| serde_json::from_str(line).expect("a JSON string per line"))
            .collect();
        prop_assert_eq!(outcome.expect("every line runs"), expected.len() as u64);
        prop_assert_eq!(seen, expected);
    }
}

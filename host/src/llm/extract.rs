//! Pulls the JavaScript CommonJS module and the example input/output pairs out of an LLM's chat reply.

use serde_json::Value;

/// One example the model gave: the function called with `input` must return `output` (compared as `String(result)`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Example {
    /// The argument the function is called with.
    pub input: String,
    /// What `String(result)` must equal.
    pub output: String,
}

/// What a reply contained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extracted {
    /// The CommonJS module, trimmed and ending in exactly one newline.
    pub code: String,
    /// The examples; empty when the reply gave none or gave unreadable ones.
    pub examples: Vec<Example>,
}

/// Why no module could be taken from a reply.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    /// The reply is empty or whitespace.
    #[error("the reply is empty")]
    Empty,
    /// No JavaScript code could be found.
    #[error("the reply contains no JavaScript code")]
    NoCode,
}

/// Fence tags taken as JavaScript; the empty tag is a plain fence, which models use for code too.
const JS_LANGS: &[&str] = &[
    "javascript",
    "js",
    "cjs",
    "mjs",
    "node",
    "nodejs",
    "jsx",
    "",
];
/// Keywords that, starting an unfenced reply, mark it as bare code rather than prose.
const CODE_WORDS: &[&str] = &[
    "function", "const", "let", "var", "async", "export", "class",
];
const CODE_PREFIXES: &[&str] = &[
    "module.exports",
    "exports.",
    "'use strict'",
    "\"use strict\"",
    "//",
    "/*",
    "(",
];

struct Fence {
    lang: String,
    body: String,
}

/// Finds the JavaScript module (and the examples, if any) in a model's reply.
///
/// # Errors
///
/// [`ExtractError::Empty`] for a blank reply, [`ExtractError::NoCode`] when no JavaScript is found.
pub fn extract(reply: &str) -> Result<Extracted, ExtractError> {
    let reply = reply.replace("\r\n", "\n");
    let trimmed = reply.trim();
    if trimmed.is_empty() {
        return Err(ExtractError::Empty);
    }
    let fences = fences(&reply);
    let mut examples = Vec::new();
    let mut best: Option<((u8, std::cmp::Reverse<usize>), &str)> = None;
    for fence in &fences {
        let json = serde_json::from_str::<Value>(fence.body.trim()).ok();
        // A JSON array or object is never a useful module, so whatever its tag it holds data, not the code.
        if fence.lang == "json" || json.as_ref().is_some_and(|v| v.is_array() || v.is_object()) {
            if examples.is_empty()
                && let Some(v) = &json
            {
                examples = examples_from(v);
            }
            continue;
        }
        if !JS_LANGS.contains(&fence.lang.as_str()) || fence.body.trim().is_empty() {
            continue;
        }
        let key = (rank(fence), std::cmp::Reverse(fence.body.trim().len()));
        // Strictly smaller keeps the earlier fence on a tie.
        if best.as_ref().is_none_or(|(k, _)| key < *k) {
            best = Some((key, &fence.body));
        }
    }
    let code = match best {
        Some((_, body)) => body,
        // Only a fence-free reply may be bare code: otherwise we would take the fence markers too.
        None if fences.is_empty() && looks_like_code(trimmed) => trimmed,
        None => return Err(ExtractError::NoCode),
    };
    // Converting can leave nothing (a fence holding only `export`): that is no module either.
    let code = to_commonjs(code);
    if code.trim().is_empty() {
        return Err(ExtractError::NoCode);
    }
    Ok(Extracted {
        code: format!("{}\n", code.trim()),
        examples,
    })
}

/// Lower is better: the real module beats a usage snippet even when the snippet is longer.
fn rank(fence: &Fence) -> u8 {
    if assigns_exports(&fence.body) {
        0
    } else if starts_a_line(&fence.body, "export default") {
        1
    } else if starts_a_line(&fence.body, "export") {
        2
    } else if !fence.lang.is_empty() {
        3
    } else {
        4
    }
}

fn fences(text: &str) -> Vec<Fence> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some((indent, marker, count, info)) = opening(line) else {
            continue;
        };
        let mut body = Vec::new();
        for l in lines.by_ref() {
            let t = l.trim();
            if t.len() >= count && t.chars().all(|c| c == marker) {
                break;
            }
            // Content of an indented fence (e.g. in a list item) carries the fence's indent too.
            let ws = l.len() - l.trim_start_matches([' ', '\t']).len();
            body.push(&l[ws.min(indent)..]);
        }
        // Models sometimes name the file in the tag: ```js:index.js or ```javascript title="a.js".
        let lang = info.split([' ', '\t', ':']).next().unwrap_or("");
        let lang = lang.trim_matches(['{', '}', '.']).to_ascii_lowercase();
        out.push(Fence {
            lang,
            body: body.join("\n"),
        });
    }
    out
}

/// Returns (indent, marker, marker count, info string) for a line opening a fence.
fn opening(line: &str) -> Option<(usize, char, usize, &str)> {
    let t = line.trim_start_matches([' ', '\t']);
    let marker = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let count = t.len() - t.trim_start_matches(marker).len();
    let info = &t[count..];
    // A backtick in the info string means inline code such as ```x```, not a fence.
    if count < 3 || (marker == '`' && info.contains('`')) {
        return None;
    }
    Some((line.len() - t.len(), marker, count, info.trim()))
}

fn examples_from(value: &Value) -> Vec<Example> {
    let list = match value {
        Value::Array(list) => list,
        Value::Object(map) => match map.get("examples") {
            Some(Value::Array(list)) => list,
            _ => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    let example = |item: &Value| {
        let (input, output) = (
            js_string(item.get("input")?)?,
            js_string(item.get("output")?)?,
        );
        Some(Example { input, output })
    };
    list.iter().filter_map(example).collect()
}

/// Mirrors JavaScript's `String(value)` for scalars; arrays and objects have no single string form worth guessing.
fn js_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => Some("null".to_owned()),
        Value::Number(n) => Some(match n.as_f64() {
            // Adding 0.0 turns -0.0 into 0.0, as String(-0) gives "0".
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e21 => {
                format!("{:.0}", f + 0.0)
            }
            _ => n.to_string(),
        }),
        Value::Array(_) | Value::Object(_) => None,
    }
}

fn looks_like_code(text: &str) -> bool {
    CODE_PREFIXES.iter().any(|p| text.starts_with(p))
        || CODE_WORDS.iter().any(|w| strip_word(text, w).is_some())
}

/// Rewrites line-start ES module exports to CommonJS, since the sandbox loads the module with `require`.
fn to_commonjs(code: &str) -> String {
    let mut out = Vec::new();
    let mut named = Vec::new();
    let mut has_default = false;
    for line in code.lines() {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        let Some(rest) = body
            .strip_prefix("export")
            .filter(|r| r.starts_with([' ', '\t', '{']))
        else {
            out.push(line.to_owned());
            continue;
        };
        let rest = rest.trim_start();
        if let Some(expr) = strip_word(rest, "default") {
            has_default = true;
            out.push(format!("{indent}module.exports = {}", expr.trim_start()));
        } else if let Some(list) = rest.strip_prefix('{') {
            // `export { a }` has no CommonJS form on its own; the names decide what gets exported below.
            for item in list.split('}').next().unwrap_or("").split(',') {
                match item.split_whitespace().collect::<Vec<_>>()[..] {
                    [name, "as", "default"] => {
                        has_default = true;
                        out.push(format!("{indent}module.exports = {name};"));
                    }
                    [name, ..] => named.push(name.to_owned()),
                    [] => {}
                }
            }
        } else {
            named.extend(declared_name(rest).map(str::to_owned));
            out.push(format!("{indent}{rest}"));
        }
    }
    let mut code = out.join("\n");
    // With several named exports we cannot know which is the function; the sandbox check will say so.
    if let [name] = &named[..]
        && !has_default
        && !assigns_exports(&code)
    {
        code = format!("{}\nmodule.exports = {name};", code.trim_end());
    }
    code
}

fn declared_name(decl: &str) -> Option<&str> {
    let decl = strip_word(decl, "async").map_or(decl, str::trim_start);
    let rest = ["function", "const", "let", "var", "class"]
        .iter()
        .find_map(|k| strip_word(decl, k))?;
    let rest = rest.trim_start().trim_start_matches('*').trim_start();
    let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

fn assigns_exports(code: &str) -> bool {
    code.contains("module.exports")
        || code
            .match_indices("exports.")
            .any(|(i, _)| !code[..i].ends_with(|c: char| is_ident(c) || c == '.'))
}

fn starts_a_line(code: &str, word: &str) -> bool {
    code.lines()
        .any(|l| strip_word(l.trim_start(), word).is_some())
}

/// `word` at the start of `text` as a whole word, so `constant` is not `const`.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    text.strip_prefix(word).filter(|r| !r.starts_with(is_ident))
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

#[cfg(test)]
mod tests {
    use super::*;
    use Expect::{Code, Fails};

    #[derive(Debug)]
    enum Expect {
        /// The exact code, and the exact (input, output) examples.
        Code(&'static str, &'static [(&'static str, &'static str)]),
        Fails(ExtractError),
    }

    const VOWELS: &str = "module.exports = function countVowels(s) {\n  return (s.match(/[aeiou]/gi) || []).length;\n};\n";

    const CASES: &[(&str, &str, Expect)] = &[
        ("empty", "", Fails(ExtractError::Empty)),
        ("whitespace", " \n\t\r\n ", Fails(ExtractError::Empty)),
        (
            "prose only",
            "Sorry, I can't write that function without more detail.",
            Fails(ExtractError::NoCode),
        ),
        (
            "python fence only",
            "Here:\n```python\ndef f(s):\n    return s\n```\n",
            Fails(ExtractError::NoCode),
        ),
        (
            "js fence with prose",
            "Here is the module:\n\n```javascript\nmodule.exports = function countVowels(s) {\n  return (s.match(/[aeiou]/gi) || []).length;\n};\n```\n\nIt counts vowels case-insensitively.",
            Code(VOWELS, &[]),
        ),
        (
            "js fence + json examples",
            "```js\nmodule.exports = (s) => s.toUpperCase();\n```\n\nExamples:\n```json\n[{\"input\": \"abc\", \"output\": \"ABC\"}, {\"input\": \"\", \"output\": \"\"}]\n```",
            Code(
                "module.exports = (s) => s.toUpperCase();\n",
                &[("abc", "ABC"), ("", "")],
            ),
        ),
        (
            "examples use numbers, bools, null",
            "```js\nmodule.exports = (s) => s.length;\n```\n```json\n[{\"input\": \"hey\", \"output\": 3}, {\"input\": 10, \"output\": 2.5}, {\"input\": true, \"output\": null}, {\"input\": \"x\", \"output\": 4.0}, {\"input\": \"y\", \"output\": -0.0}]\n```",
            Code(
                "module.exports = (s) => s.length;\n",
                &[
                    ("hey", "3"),
                    ("10", "2.5"),
                    ("true", "null"),
                    ("x", "4"),
                    ("y", "0"),
                ],
            ),
        ),
        (
            "examples object wrapper",
            "```js\nexports.f = (s) => s;\n```\n```json\n{\"examples\": [{\"input\": \"a\", \"output\": \"a\"}]}\n```",
            Code("exports.f = (s) => s;\n", &[("a", "a")]),
        ),
        (
            "examples missing keys skipped",
            "```js\nmodule.exports = (s) => s;\n```\n```json\n[{\"input\": \"a\"}, {\"in\": \"b\", \"out\": \"b\"}, {\"input\": \"c\", \"output\": \"c\"}, {\"input\": [1], \"output\": \"1\"}, 7]\n```",
            Code("module.exports = (s) => s;\n", &[("c", "c")]),
        ),
        (
            "invalid json examples",
            "```js\nmodule.exports = (s) => s;\n```\n```json\n[{\"input\": \"a\", \"output\": \"a\"},]\n```",
            Code("module.exports = (s) => s;\n", &[]),
        ),
        (
            "plain json fence is not code",
            "```\nmodule.exports = (s) => s.trim();\n```\nTests:\n```\n[\n  {\"input\": \"  a  \", \"output\": \"a\"},\n  {\"input\": \"b \", \"output\": \"b\"}\n]\n```",
            Code(
                "module.exports = (s) => s.trim();\n",
                &[("  a  ", "a"), ("b ", "b")],
            ),
        ),
        (
            "usage fence trap",
            "```javascript\nmodule.exports = function countVowels(s) {\n  return (s.match(/[aeiou]/gi) || []).length;\n};\n```\nUsage:\n```js\nconst countVowels = require('./countVowels');\nconsole.log(countVowels(\"hello world\")); // 3\nconsole.log(countVowels(\"AEIOU and sometimes y\")); // 7\n```",
            Code(VOWELS, &[]),
        ),
        (
            "export default beats longer plain js",
            "```js\nfunction helper(s) {\n  // a long helper that is not the module itself, just a sketch\n  return s;\n}\n```\n```js\nexport default (s) => s.repeat(2);\n```",
            Code("module.exports = (s) => s.repeat(2);\n", &[]),
        ),
        (
            "bash fence ignored",
            "```bash\nnpm install && node --test test/ && echo done and a long line\n```\n```cjs\nmodule.exports = (n) => n * 2;\n```",
            Code("module.exports = (n) => n * 2;\n", &[]),
        ),
        (
            "node, jsx and file-named tags",
            "```node\nconst a = 1;\n```\n```jsx\nexport { a };\n```\n```js:index.js\nmodule.exports = () => a;\n```",
            Code("module.exports = () => a;\n", &[]),
        ),
        (
            "export default function",
            "```js\nexport default function reverse(s) {\n  return [...s].reverse().join('');\n}\n```",
            Code(
                "module.exports = function reverse(s) {\n  return [...s].reverse().join('');\n}\n",
                &[],
            ),
        ),
        (
            "export default async function",
            "```js\nexport default async function f(s) {\n  return s;\n}\n```",
            Code(
                "module.exports = async function f(s) {\n  return s;\n}\n",
                &[],
            ),
        ),
        (
            "export function only export",
            "```js\nconst VOWELS = 'aeiou';\n\nexport function count(s) {\n  return [...s].filter((c) => VOWELS.includes(c)).length;\n}\n```",
            Code(
                "const VOWELS = 'aeiou';\n\nfunction count(s) {\n  return [...s].filter((c) => VOWELS.includes(c)).length;\n}\nmodule.exports = count;\n",
                &[],
            ),
        ),
        (
            "export const only export",
            "```js\nexport const slug = (s) => s.toLowerCase().replace(/\\s+/g, '-');\n```",
            Code(
                "const slug = (s) => s.toLowerCase().replace(/\\s+/g, '-');\nmodule.exports = slug;\n",
                &[],
            ),
        ),
        (
            "export list",
            "```js\nfunction twice(s) {\n  return s + s;\n}\nexport { twice };\n```",
            Code(
                "function twice(s) {\n  return s + s;\n}\nmodule.exports = twice;\n",
                &[],
            ),
        ),
        (
            "two named exports get no guess",
            "```js\nexport function a() {}\nexport function b() {}\n```",
            Code("function a() {}\nfunction b() {}\n", &[]),
        ),
        (
            "export inside a string untouched",
            "```js\nmodule.exports = (s) => `export ${s}`;\n```",
            Code("module.exports = (s) => `export ${s}`;\n", &[]),
        ),
        (
            "unterminated fence",
            "Sure!\n```js\nmodule.exports = function (a) {\n  return a;\n};\n\n",
            Code("module.exports = function (a) {\n  return a;\n};\n", &[]),
        ),
        (
            "tilde fence",
            "~~~javascript\nmodule.exports = (s) => s;\n```not a close\n~~~\n",
            Code("module.exports = (s) => s;\n```not a close\n", &[]),
        ),
        (
            "longer fence holds a shorter one",
            "````js\nmodule.exports = () => '```';\n```\n````",
            Code("module.exports = () => '```';\n```\n", &[]),
        ),
        (
            "indented fence in a list",
            "1. Save this as `index.js`:\n\n   ```js\n   module.exports = function (s) {\n     return s;\n   };\n   ```\n2. Run it.",
            Code("module.exports = function (s) {\n  return s;\n};\n", &[]),
        ),
        (
            "crlf",
            "Here:\r\n```js\r\nmodule.exports = function (s) {\r\n  return s;\r\n};\r\n```\r\n",
            Code("module.exports = function (s) {\n  return s;\n};\n", &[]),
        ),
        (
            "no fence, bare module",
            "\nmodule.exports = (s) => s.length;\n\n\n",
            Code("module.exports = (s) => s.length;\n", &[]),
        ),
        (
            "no fence, use strict",
            "'use strict';\n\nmodule.exports = (s) => s;",
            Code("'use strict';\n\nmodule.exports = (s) => s;\n", &[]),
        ),
        (
            "no fence, export default",
            "export default (s) => s;",
            Code("module.exports = (s) => s;\n", &[]),
        ),
        (
            // Found by the extraction fuzz target: converting left an empty module.
            "a fence holding only a bare export",
            "~~~js\nexport\t\t  \n  \n\t\n~~~",
            Fails(ExtractError::NoCode),
        ),
        (
            "no fence, prose starting with a keyword-like word",
            "Constants are hard; here is no code.",
            Fails(ExtractError::NoCode),
        ),
        (
            "empty js fence",
            "```js\n```\nmodule.exports = 1;",
            Fails(ExtractError::NoCode),
        ),
    ];

    #[test]
    fn table() {
        let mut failures = Vec::new();
        for (name, reply, expect) in CASES {
            let got = extract(reply);
            let pass = match (&got, expect) {
                (Ok(x), Code(code, examples)) => {
                    let pairs = x
                        .examples
                        .iter()
                        .map(|e| (e.input.as_str(), e.output.as_str()));
                    x.code == *code && pairs.eq(examples.iter().copied())
                }
                (Err(got), Fails(want)) => got == want,
                _ => false,
            };
            if !pass {
                failures.push(format!("{name}:\n  got  {got:?}\n  want {expect:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} case(s) failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// One line of plausible module code: no fences, no `export`, not blank.
        fn code_line() -> impl Strategy<Value = String> {
            "[a-z][a-zA-Z0-9 +*=;(){}'.,<>!-]{0,60}"
        }

        fn module() -> impl Strategy<Value = String> {
            prop::collection::vec(code_line(), 0..8).prop_map(|lines| {
                let mut code = String::from("module.exports = function (input) {\n");
                for line in lines {
                    code.push_str("  ");
                    code.push_str(&line);
                    code.push('\n');
                }
                code.push_str("};");
                code
            })
        }

        fn prose() -> impl Strategy<Value = String> {
            "[A-Za-z ,.!?:]{0,80}"
        }

        proptest! {
            #[test]
            fn any_reply_is_handled_without_panicking(reply in any::<String>()) {
                let _ = extract(&reply);
            }

            #[test]
            fn a_fenced_module_comes_back_exactly(
                before in prose(),
                code in module(),
                after in prose(),
                lang in prop::sample::select(vec!["javascript", "js", ""]),
            ) {
                let reply = format!("{before}\n```{lang}\n{code}\n```\n{after}");
                let extracted = extract(&reply).expect("a module is found");
                prop_assert_eq!(extracted.code, format!("{}\n", code.trim()));
            }

            #[test]
            fn examples_of_any_text_survive_the_json_block(
                code in module(),
                pairs in prop::collection::vec((any::<String>(), any::<String>()), 1..5),
            ) {
                let examples: Vec<Example> = pairs
                    .into_iter()
                    .map(|(input, output)| Example { input, output })
                    .collect();
                let json = serde_json::to_string_pretty(&examples).expect("examples serialise");
                let reply = format!("```javascript\n{code}\n```\n\n```json\n{json}\n```\n");
                let extracted = extract(&reply).expect("a module is found");
                prop_assert_eq!(extracted.examples, examples);
            }
        }
    }
}

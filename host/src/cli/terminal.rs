//! Text from the sandbox shown on a terminal, with control characters made visible: a generated
//! function must not be able to clear the screen, move the cursor, retitle the window, hide
//! text or reorder it (bidirectional overrides) in the user's terminal.
//!
//! Only terminals get this: in a pipe or a file the bytes are data and pass through unchanged.

use std::{borrow::Cow, fmt::Write as _, io::IsTerminal};

/// `text` as it may be shown on stdout: neutralised when stdout is a terminal.
pub fn for_stdout(text: &str) -> Cow<'_, str> {
    if std::io::stdout().is_terminal() {
        neutralise(text)
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` as it may be shown on stderr: neutralised when stderr is a terminal.
pub fn for_stderr(text: &str) -> Cow<'_, str> {
    if std::io::stderr().is_terminal() {
        neutralise(text)
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` with every control character but newline and tab, and every bidirectional
/// formatting character, written as an escape (`\x1b`, `\u{202e}`).
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if !is_unsafe(c) {
            shown.push(c);
        } else if u32::from(c) < 0x100 {
            let _ = write!(shown, "\\x{:02x}", u32::from(c));
        } else {
            let _ = write!(shown, "\\u{{{:x}}}", u32::from(c));
        }
    }
    Cow::Owned(shown)
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_controls_become_visible() {
        assert_eq!(neutralise("a\u{1b}[2Jb"), "a\\x1b[2Jb");
        assert_eq!(neutralise("x\ry\u{7}\u{9b}"), "x\\x0dy\\x07\\x9b");
        assert_eq!(neutralise("abc\u{202e}def"), "abc\\u{202e}def");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let text = "Zürich\t東京 🎉\nline two";
        assert!(matches!(neutralise(text), Cow::Borrowed(_)));
    }
}

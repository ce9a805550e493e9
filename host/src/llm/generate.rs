//! From a description to proven code: ask the model, extract the module and its examples,
//! run them in the sandbox, and on any failure send the problem back for a fix, a bounded
//! number of times. Nothing here touches the disk.

use super::{
    client::{ChatMessage, LlmClient, LlmError},
    extract::{Example, ExtractError, extract},
    prompt,
};
use crate::{Limits, Sandbox, network::Network};

/// Code that passed the checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    /// The module's code.
    pub code: String,
    /// The examples it passed (empty when the model gave none).
    pub examples: Vec<Example>,
    /// How many replies it took (1 = the first one was right).
    pub attempts: u32,
}

/// What happened during a generation, for the CLI to report as it goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Asking the model (attempt number).
    Asking(u32),
    /// The reply of this attempt failed its check; a fix will be requested.
    Rejected {
        /// The attempt that failed.
        attempt: u32,
        /// Why.
        problem: String,
    },
}

/// Why no code came out.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    /// Talking to the model failed.
    #[error(transparent)]
    Llm(#[from] LlmError),
    /// No reply contained code at all.
    #[error("the model's replies contained no JavaScript code ({attempts} attempt(s))")]
    NoCode {
        /// Replies received.
        attempts: u32,
    },
    /// Every attempt failed its check.
    #[error("the generated code failed its checks {} time(s): {}", .problems.len(), .problems.join("; "))]
    Failed {
        /// One line per attempt: what went wrong.
        problems: Vec<String>,
    },
}

impl GenerateError {
    /// The exit code the CLI reports for this error.
    pub fn exit(&self) -> crate::Exit {
        match self {
            GenerateError::Llm(err) => err.exit(),
            GenerateError::NoCode { .. } => crate::Exit::LlmBadReply,
            GenerateError::Failed { .. } => crate::Exit::GenerationFailed,
        }
    }
}

/// Asks for a function matching `description` and proves it in `sandbox` (with `network`'s
/// access, which the prompt also describes), with up to `attempts` replies.
pub fn generate(
    client: &LlmClient,
    sandbox: &Sandbox,
    limits: &Limits,
    network: &Network,
    description: &str,
    attempts: u32,
    progress: &mut dyn FnMut(Progress),
) -> Result<Generated, GenerateError> {
    let hosts = network.allow.to_strings();
    let mut messages = prompt::messages(description, &hosts);
    let mut problems = Vec::new();
    let mut replies_without_code: u32 = 0;
    for attempt in 1..=attempts.max(1) {
        progress(Progress::Asking(attempt));
        let reply = client.chat(&messages)?;
        let problem = match extract(&reply) {
            Ok(extracted) => match prove(
                sandbox,
                limits,
                network,
                &extracted.code,
                &extracted.examples,
            ) {
                Ok(()) => {
                    return Ok(Generated {
                        code: extracted.code,
                        examples: extracted.examples,
                        attempts: attempt,
                    });
                }
                Err(problem) => problem,
            },
            Err(ExtractError::Empty | ExtractError::NoCode) => {
                replies_without_code += 1;
                "the reply contains no ```javascript block".to_owned()
            }
        };
        progress(Progress::Rejected {
            attempt,
            problem: problem.clone(),
        });
        problems.push(format!("attempt {attempt}: {problem}"));
        messages.push(ChatMessage::assistant(reply.as_str()));
        messages.push(ChatMessage::user(prompt::repair(&problem)));
    }
    if replies_without_code as usize == problems.len() {
        return Err(GenerateError::NoCode {
            attempts: replies_without_code,
        });
    }
    Err(GenerateError::Failed { problems })
}

/// Most example failures quoted back to the model at once: enough to see the pattern.
const MAX_REPORTED_FAILURES: usize = 3;

/// Registers the code and runs every example; returns what went wrong, in one line.
pub fn prove(
    sandbox: &Sandbox,
    limits: &Limits,
    network: &Network,
    code: &str,
    examples: &[Example],
) -> Result<(), String> {
    let mut function = sandbox
        .load_with_network(code, limits, network)
        .map_err(|err| format!("it does not load: {err}"))?;
    let mut failures = Vec::new();
    for example in examples {
        let failure = match function.invoke(&example.input) {
            Ok(run) if run.output == example.output => continue,
            Ok(run) => format!(
                "for input {} it returned {}, but the example expects {}",
                quote(&example.input),
                quote(&run.output),
                quote(&example.output)
            ),
            Err(err) => format!("for input {} it failed: {err}", quote(&example.input)),
        };
        failures.push(failure);
    }
    if failures.is_empty() {
        return Ok(());
    }
    let total = failures.len();
    failures.truncate(MAX_REPORTED_FAILURES);
    let more = total - failures.len();
    let mut report = format!(
        "{total} of {} example(s) failed: {}",
        examples.len(),
        failures.join("; ")
    );
    if more > 0 {
        report.push_str(&format!(" (and {more} more)"));
    }
    Err(report)
}

/// A JSON-quoted, shortened rendering of a value for messages.
fn quote(text: &str) -> String {
    const MAX: usize = 120;
    let quoted = serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}"));
    if quoted.chars().count() <= MAX {
        quoted
    } else {
        let short: String = quoted.chars().take(MAX).collect();
        format!("{short}…")
    }
}

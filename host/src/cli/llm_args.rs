//! The flags shared by the commands that ask the model (`new`, `exec`).

use std::time::Duration;

use clap::Args;
use funcbox::llm::config::LlmOverrides;

/// Which model to ask, where, and how patiently.
#[derive(Args, Clone, Debug)]
pub struct LlmArgs {
    /// Model to ask [default: $FUNCBOX_MODEL, the config file, or the built-in default].
    #[arg(long, value_name = "NAME")]
    pub model: Option<String>,

    /// Base URL of an OpenAI-compatible API, e.g. http://localhost:11434/v1 for Ollama
    /// [default: $OPENAI_BASE_URL, the config file, or OpenAI].
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// How long to wait for each reply of the model.
    #[arg(long, value_name = "DURATION", value_parser = funcbox::limits::parse_duration)]
    pub llm_timeout: Option<Duration>,

    /// Replies to try before giving up: each failed check is sent back for a fix.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=10))]
    pub attempts: u32,

    /// No spinner and no progress messages.
    #[arg(long, short)]
    pub quiet: bool,
}

impl LlmArgs {
    /// The flags that override the environment and the config file.
    pub fn overrides(&self) -> LlmOverrides {
        LlmOverrides {
            model: self.model.clone(),
            base_url: self.base_url.clone(),
            timeout: self.llm_timeout,
        }
    }
}

//! Speaking to the model: the prompt, the OpenAI-compatible client and its configuration,
//! extracting code from replies, and the generate-prove-repair loop.

pub mod client;
pub mod config;
pub mod extract;
pub mod generate;
pub mod prompt;

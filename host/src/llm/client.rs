//! A blocking client for OpenAI-compatible chat-completions endpoints (OpenAI, Ollama,
//! llama.cpp, vLLM, LM Studio, ...), with retries for transient failures and one typed error,
//! mapped to one exit code, per way a request can fail.

use std::{error::Error as _, io, path::PathBuf, thread, time::Duration};

use reqwest::{
    StatusCode, Url,
    blocking::{Client, RequestBuilder},
    header::{ACCEPT, AUTHORIZATION, HeaderMap, HeaderValue, LOCATION, RETRY_AFTER},
    redirect,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::config::{LlmConfig, display_url};
use crate::exit::Exit;

/// The first retry's wait; each later retry waits twice as long as the one before.
const BACKOFF_BASE: Duration = Duration::from_millis(500);
/// The longest wait between retries when the server gives no `Retry-After`.
const BACKOFF_CAP: Duration = Duration::from_secs(8);
/// The longest `Retry-After` honoured: a server asking for minutes is better reported than
/// waited for by a command-line tool.
const RETRY_AFTER_CAP: Duration = Duration::from_secs(30);
/// How much of a server's error message is kept.
const MESSAGE_LIMIT: usize = 200;
/// How much of a reply that is not JSON is quoted.
const SNIPPET_LIMIT: usize = 80;

/// One chat message (OpenAI format).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatMessage {
    /// `system`, `user` or `assistant`.
    pub role: String,
    /// The message's text.
    pub content: String,
}

impl ChatMessage {
    /// A system message: the instructions the model follows.
    pub fn system(content: impl Into<String>) -> Self {
        Self::new("system", content)
    }

    /// A user message: the request.
    pub fn user(content: impl Into<String>) -> Self {
        Self::new("user", content)
    }

    /// An assistant message: an earlier reply, sent back when asking for a correction.
    pub fn assistant(content: impl Into<String>) -> Self {
        Self::new("assistant", content)
    }

    fn new(role: &str, content: impl Into<String>) -> Self {
        ChatMessage {
            role: role.to_owned(),
            content: content.into(),
        }
    }
}

/// Why resolving the LLM settings or getting a reply failed.
///
/// Every message is one line and never contains the API key: server messages are cut to about
/// 200 characters, their line breaks turned into spaces, and any copy of the key in them
/// replaced by `<redacted>`.
#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    /// No API key, and the base URL is not a local server.
    #[error(
        "no API key: set OPENAI_API_KEY, or point OPENAI_BASE_URL/--base-url at a local server such as Ollama (http://localhost:11434/v1)"
    )]
    MissingKey,
    /// The API key has characters that cannot go into an HTTP header (such as a line break).
    #[error(
        "the API key in OPENAI_API_KEY contains characters that cannot be sent in an HTTP header"
    )]
    InvalidKey,
    /// The config file exists but could not be read.
    #[error("cannot read {}: {error}", .path.display())]
    ConfigRead {
        /// The config file.
        path: PathBuf,
        /// The I/O error; not a `#[source]`, so that `{:#}` does not print its message twice.
        error: io::Error,
    },
    /// The config file is not valid TOML, or a value in it has the wrong type or range.
    #[error("invalid config file {}: {message}", .path.display())]
    Config {
        /// The config file.
        path: PathBuf,
        /// The position and the parser's message, or what is wrong with the value.
        message: String,
    },
    /// The base URL is not an http(s) URL.
    #[error("invalid base URL \"{url}\" (from {from}): {reason}")]
    InvalidBaseUrl {
        /// The URL, without any credentials written into it.
        url: String,
        /// Where it came from: a flag, an environment variable or the config file's path.
        from: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A setting given on the command line is out of range.
    #[error("invalid {name}: {reason}")]
    InvalidSetting {
        /// The flag.
        name: String,
        /// What is wrong with its value.
        reason: String,
    },
    /// The HTTP client could not be set up (in practice: its TLS configuration).
    #[error("cannot set up the HTTP client: {reason}")]
    Setup {
        /// The underlying error.
        reason: String,
    },
    /// Nothing listens at the endpoint's address.
    #[error("cannot connect to {url}: connection refused")]
    Refused {
        /// The base URL.
        url: String,
    },
    /// The endpoint's host name could not be resolved.
    #[error("cannot connect to {url}: the host {host} could not be resolved")]
    Dns {
        /// The base URL.
        url: String,
        /// The host name.
        host: String,
    },
    /// No complete reply arrived within the timeout.
    #[error("no reply from {url} within {} (raise --llm-timeout)", format_duration(*.after))]
    Timeout {
        /// The base URL.
        url: String,
        /// The timeout that passed.
        after: Duration,
    },
    /// Another transport failure: TLS, a reset connection, an unreachable network.
    #[error("cannot talk to {url}: {reason}")]
    Network {
        /// The base URL.
        url: String,
        /// The innermost error's message.
        reason: String,
    },
    /// The endpoint refused the credentials (401 or 403).
    #[error("the LLM endpoint refused the credentials ({}): {message}", status_text(*.status))]
    Auth {
        /// The HTTP status.
        status: u16,
        /// The API's message.
        message: String,
    },
    /// The endpoint answered 404: it does not know the model (or the base URL is wrong).
    #[error("model \"{model}\" not found (404; check --model and --base-url): {message}")]
    ModelNotFound {
        /// The model that was asked for.
        model: String,
        /// The API's message.
        message: String,
    },
    /// The endpoint kept answering 429 or 5xx until the retries ran out.
    #[error(
        "the LLM endpoint is unavailable ({} after {attempts} attempts): {message}",
        status_text(*.status)
    )]
    Unavailable {
        /// The last HTTP status.
        status: u16,
        /// How many requests were sent.
        attempts: u32,
        /// The API's last message.
        message: String,
    },
    /// Any other non-success status (400, 413, 422, a redirect, ...). Mapped to
    /// [`Exit::LlmBadReply`]: the endpoint did not give a usable reply to the request we built,
    /// and retrying the same request cannot help.
    #[error("the LLM endpoint rejected the request ({}): {message}", status_text(*.status))]
    Http {
        /// The HTTP status.
        status: u16,
        /// The API's message.
        message: String,
    },
    /// A success status whose body is not JSON.
    #[error("the reply is not JSON: {snippet}")]
    NotJson {
        /// The start of the body.
        snippet: String,
    },
    /// A JSON reply without `choices`, or with an empty list.
    #[error("the reply has no choices{detail}")]
    NoChoices {
        /// Empty, or `: ` and an error message found in the reply.
        detail: String,
    },
    /// A reply whose first choice is not shaped like a chat message.
    #[error("the reply is malformed: {detail}")]
    Malformed {
        /// What is wrong with it.
        detail: String,
    },
    /// The first choice's content is missing, null or blank.
    #[error("the model returned an empty reply{detail}")]
    EmptyReply {
        /// Empty, or ` (...)` with the finish reason or the model's refusal.
        detail: String,
    },
}

impl LlmError {
    /// The exit code the CLI reports for this error.
    pub fn exit(&self) -> Exit {
        match self {
            LlmError::ConfigRead { .. } => Exit::Io,
            LlmError::Config { .. }
            | LlmError::InvalidBaseUrl { .. }
            | LlmError::InvalidSetting { .. } => Exit::Usage,
            LlmError::MissingKey | LlmError::InvalidKey | LlmError::Auth { .. } => Exit::LlmAuth,
            LlmError::Setup { .. }
            | LlmError::Refused { .. }
            | LlmError::Dns { .. }
            | LlmError::Timeout { .. }
            | LlmError::Network { .. } => Exit::LlmUnreachable,
            LlmError::ModelNotFound { .. } => Exit::LlmModelNotFound,
            LlmError::Unavailable { .. } => Exit::LlmUnavailable,
            LlmError::Http { .. }
            | LlmError::NotJson { .. }
            | LlmError::NoChoices { .. }
            | LlmError::Malformed { .. }
            | LlmError::EmptyReply { .. } => Exit::LlmBadReply,
        }
    }
}

/// A client for one endpoint and model.
#[derive(Debug)]
pub struct LlmClient {
    config: LlmConfig,
    http: Client,
    endpoint: Url,
    /// Built once, and marked sensitive so that reqwest's own `Debug` output hides it.
    authorization: Option<HeaderValue>,
    backoff_base: Duration,
}

/// The request body; borrowing avoids copying the conversation for every attempt.
#[derive(Serialize)]
struct ChatRequest<'a> {
    model: &'a str,
    messages: &'a [ChatMessage],
    temperature: f32,
}

impl LlmClient {
    /// A client for `config`'s endpoint.
    ///
    /// Fails with [`LlmError::MissingKey`] when there is no API key and the base URL is not a
    /// local server: checked here rather than in [`LlmConfig::resolve`] so that commands that
    /// never call the API work without a key.
    pub fn new(config: LlmConfig) -> Result<Self, LlmError> {
        let key = config.api_key.as_deref().filter(|k| !k.trim().is_empty());
        let authorization = match key {
            Some(key) => {
                let mut value = HeaderValue::from_str(&format!("Bearer {key}"))
                    .map_err(|_| LlmError::InvalidKey)?;
                value.set_sensitive(true);
                Some(value)
            }
            None if config.is_local() => None,
            None => return Err(LlmError::MissingKey),
        };
        let endpoint = chat_endpoint(&config.base_url)?;

        crate::http::install_crypto_provider();
        let mut builder = Client::builder()
            .timeout(config.timeout)
            .user_agent(concat!("funcbox/", env!("CARGO_PKG_VERSION")))
            // A redirect turns the POST into a GET and drops the body, which then fails with a
            // confusing 404 or 405; reporting the redirect tells the user which URL to use.
            .redirect(redirect::Policy::none());
        if config.is_local() {
            // A proxy cannot reach this machine's servers on our behalf, and HTTP(S)_PROXY is
            // often set without a NO_PROXY that covers localhost.
            builder = builder.no_proxy();
        }
        let http = builder.build().map_err(|e| LlmError::Setup {
            reason: crate::http::innermost_message(&e),
        })?;

        Ok(LlmClient {
            config,
            http,
            endpoint,
            authorization,
            backoff_base: BACKOFF_BASE,
        })
    }

    /// Sets the first retry's wait (500 ms by default); later waits double, up to 8 s. For
    /// tests, so that they exercise retries without sleeping for seconds.
    pub fn with_backoff(mut self, base: Duration) -> Self {
        self.backoff_base = base;
        self
    }

    /// The configuration this client uses.
    pub fn config(&self) -> &LlmConfig {
        &self.config
    }

    /// Sends `messages` to `{base_url}/chat/completions` with the configured model and
    /// temperature, and returns the first choice's content. Retries 429 and 5xx replies; see
    /// [`LlmClient::chat_with`].
    pub fn chat(&self, messages: &[ChatMessage]) -> Result<String, LlmError> {
        self.chat_with(messages, &mut |_, _| {})
    }

    /// Like [`LlmClient::chat`], calling `on_retry(retry, wait)` before each wait so that the
    /// CLI can say "retrying in 2s"; `retry` counts from 1.
    ///
    /// A 429 or 5xx reply is retried up to `max_retries` times, waiting as long as the server's
    /// `Retry-After` (in seconds, at most 30 s) or else 500 ms, 1 s, 2 s, ... (at most 8 s).
    /// Other failures are not retried: a refused connection or a timeout would most likely
    /// fail the same way again, and a 4xx reply certainly would.
    pub fn chat_with(
        &self,
        messages: &[ChatMessage],
        on_retry: &mut dyn FnMut(u32, Duration),
    ) -> Result<String, LlmError> {
        let request = ChatRequest {
            model: &self.config.model,
            messages,
            temperature: self.config.temperature,
        };
        let mut retries = 0;
        loop {
            let response = self
                .request(&request)
                .send()
                .map_err(|e| self.transport_error(&e))?;
            let status = response.status();
            let headers = response.headers().clone();
            let body = response.bytes().map_err(|e| self.transport_error(&e))?;

            if status.is_success() {
                return self.parse_reply(&body);
            }
            if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
                if retries < self.config.max_retries {
                    retries += 1;
                    let wait = retry_after(&headers)
                        .unwrap_or_else(|| backoff(self.backoff_base, retries));
                    on_retry(retries, wait);
                    thread::sleep(wait);
                    continue;
                }
                return Err(LlmError::Unavailable {
                    status: status.as_u16(),
                    attempts: retries + 1,
                    message: self.server_message(&body),
                });
            }
            return Err(self.status_error(status, &headers, &body));
        }
    }

    fn request(&self, body: &ChatRequest<'_>) -> RequestBuilder {
        // `json` also sets `Content-Type: application/json`.
        let request = self
            .http
            .post(self.endpoint.clone())
            .header(ACCEPT, "application/json")
            .json(body);
        match &self.authorization {
            Some(value) => request.header(AUTHORIZATION, value.clone()),
            None => request,
        }
    }

    fn url(&self) -> String {
        display_url(&self.config.base_url)
    }

    fn transport_error(&self, error: &reqwest::Error) -> LlmError {
        let url = self.url();
        if error.is_timeout() {
            return LlmError::Timeout {
                url,
                after: self.config.timeout,
            };
        }
        // reqwest has no "refused" or "DNS" predicates: the cause is in the chain, as an
        // io::Error (refused) or as hyper-util's connect error, whose message says "dns error".
        let mut cause = error.source();
        while let Some(e) = cause {
            if let Some(io) = e.downcast_ref::<io::Error>() {
                match io.kind() {
                    io::ErrorKind::ConnectionRefused => return LlmError::Refused { url },
                    io::ErrorKind::TimedOut => {
                        return LlmError::Timeout {
                            url,
                            after: self.config.timeout,
                        };
                    }
                    _ => {}
                }
            }
            let text = e.to_string();
            if text.contains("dns error") || text.contains("failed to lookup address") {
                return LlmError::Dns {
                    url,
                    host: self.config.host(),
                };
            }
            cause = e.source();
        }
        LlmError::Network {
            url,
            reason: self.clean(&crate::http::innermost_message(error), MESSAGE_LIMIT),
        }
    }

    fn status_error(&self, status: StatusCode, headers: &HeaderMap, body: &[u8]) -> LlmError {
        let mut message = self.server_message(body);
        if status.is_redirection()
            && let Some(location) = headers.get(LOCATION).and_then(|v| v.to_str().ok())
        {
            message = format!(
                "redirected to {}; use that as --base-url (without /chat/completions)",
                self.clean(location, MESSAGE_LIMIT)
            );
        }
        match status.as_u16() {
            401 | 403 => LlmError::Auth {
                status: status.as_u16(),
                message,
            },
            404 => LlmError::ModelNotFound {
                model: self.config.model.clone(),
                message,
            },
            _ => LlmError::Http {
                status: status.as_u16(),
                message,
            },
        }
    }

    /// The error message in an error reply: OpenAI's `{"error": {"message": ..}}`, Ollama's
    /// native `{"error": ".."}`, a bare `{"message": ..}`, or else the body as text.
    fn server_message(&self, body: &[u8]) -> String {
        let raw = serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|json| json_error_message(&json))
            .unwrap_or_else(|| String::from_utf8_lossy(body).into_owned());
        let message = self.clean(&raw, MESSAGE_LIMIT);
        if message.is_empty() {
            "the reply gave no details".to_owned()
        } else {
            message
        }
    }

    fn parse_reply(&self, body: &[u8]) -> Result<String, LlmError> {
        let reply: Value = serde_json::from_slice(body).map_err(|_| {
            let snippet = self.clean(&String::from_utf8_lossy(body), SNIPPET_LIMIT);
            LlmError::NotJson {
                snippet: if snippet.is_empty() {
                    "(empty body)".to_owned()
                } else {
                    snippet
                },
            }
        })?;
        let Some(choice) = reply
            .get("choices")
            .and_then(Value::as_array)
            .and_then(|choices| choices.first())
        else {
            // Some proxies answer 200 with an error object; its message is the useful part.
            let detail = json_error_message(&reply)
                .map(|m| format!(": {}", self.clean(&m, MESSAGE_LIMIT)))
                .unwrap_or_default();
            return Err(LlmError::NoChoices { detail });
        };
        let message = choice.get("message");
        let text = match message.and_then(|m| m.get("content")) {
            Some(Value::String(text)) => text.clone(),
            None | Some(Value::Null) => String::new(),
            // Some servers send content as a list of typed parts; the text parts are the reply.
            Some(Value::Array(parts)) => parts
                .iter()
                .filter_map(|part| part.get("text").and_then(Value::as_str))
                .collect(),
            Some(other) => {
                return Err(LlmError::Malformed {
                    detail: format!("choices[0].message.content is {}", json_kind(other)),
                });
            }
        };
        if !text.trim().is_empty() {
            return Ok(text);
        }
        let refusal = message
            .and_then(|m| m.get("refusal"))
            .and_then(Value::as_str)
            .filter(|r| !r.trim().is_empty());
        let finish = choice.get("finish_reason").and_then(Value::as_str);
        let detail = match (refusal, finish) {
            (Some(refusal), _) => format!(" (refusal: {})", self.clean(refusal, MESSAGE_LIMIT)),
            (None, Some(reason)) if reason != "stop" => {
                format!(" (finish_reason: {})", self.clean(reason, MESSAGE_LIMIT))
            }
            _ => String::new(),
        };
        Err(LlmError::EmptyReply { detail })
    }

    /// `text` made fit for a one-line error message: without the key, control characters and
    /// runs of whitespace, and at most `limit` characters.
    fn clean(&self, text: &str, limit: usize) -> String {
        let redacted = match self.config.api_key.as_deref().filter(|k| !k.is_empty()) {
            Some(key) => text.replace(key, "<redacted>"),
            None => text.to_owned(),
        };
        let one_line = redacted
            .split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        truncate(&one_line, limit)
    }
}

/// `{base_url}/chat/completions`, whether or not the base URL ends with a slash, keeping any
/// query string (Azure-style `?api-version=`).
fn chat_endpoint(base_url: &str) -> Result<Url, LlmError> {
    let mut url = Url::parse(base_url).map_err(|e| LlmError::InvalidBaseUrl {
        url: display_url(base_url),
        from: "the configuration".to_owned(),
        reason: e.to_string(),
    })?;
    let path = format!("{}/chat/completions", url.path().trim_end_matches('/'));
    url.set_path(&path);
    Ok(url)
}

/// The wait before retry number `retry` (from 1): `base`, doubling, at most [`BACKOFF_CAP`].
fn backoff(base: Duration, retry: u32) -> Duration {
    let factor = 1u32
        .checked_shl(retry.saturating_sub(1))
        .unwrap_or(u32::MAX);
    base.saturating_mul(factor).min(BACKOFF_CAP)
}

/// `Retry-After` in seconds, capped; the HTTP-date form is ignored (APIs send seconds) and
/// the ordinary backoff used instead.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let secs: u64 = headers
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs(secs).min(RETRY_AFTER_CAP))
}

fn json_error_message(json: &Value) -> Option<String> {
    let error = json.get("error");
    error
        .and_then(|e| e.get("message"))
        .or(error)
        .or_else(|| json.get("message"))
        .and_then(Value::as_str)
        .map(str::to_owned)
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn truncate(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

fn status_text(status: u16) -> String {
    match StatusCode::from_u16(status) {
        Ok(code) => code.to_string(),
        Err(_) => status.to_string(),
    }
}

/// `2s`, `300ms` or `1.5s`: short enough for an error message.
fn format_duration(d: Duration) -> String {
    if d.subsec_nanos() == 0 {
        format!("{}s", d.as_secs())
    } else if d < Duration::from_secs(1) {
        format!("{}ms", d.as_millis())
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use std::{
        net::TcpListener,
        time::{Duration, Instant},
    };

    use httpmock::{Method::POST, MockServer};
    use serde_json::json;

    use super::*;
    use crate::llm::config::{DEFAULT_MAX_RETRIES, DEFAULT_TEMPERATURE};

    const KEY: &str = "sk-test-0123456789";
    const FAST: Duration = Duration::from_millis(1);

    fn config(base_url: &str, api_key: Option<&str>) -> LlmConfig {
        LlmConfig {
            base_url: base_url.to_owned(),
            model: "test-model".to_owned(),
            api_key: api_key.map(str::to_owned),
            timeout: Duration::from_secs(10),
            temperature: DEFAULT_TEMPERATURE,
            max_retries: DEFAULT_MAX_RETRIES,
        }
    }

    fn client(config: LlmConfig) -> LlmClient {
        LlmClient::new(config).expect("client").with_backoff(FAST)
    }

    fn client_for(server: &MockServer) -> LlmClient {
        client(config(&server.url("/v1"), Some(KEY)))
    }

    fn messages() -> Vec<ChatMessage> {
        vec![
            ChatMessage::system("You write JavaScript."),
            ChatMessage::user("reverse a string"),
        ]
    }

    fn reply(content: Value) -> Value {
        json!({
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        })
    }

    /// Serves `status` with `body` on the chat endpoint and returns the error `chat` gives.
    fn error_for(status: u16, body: &str) -> LlmError {
        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(POST).path("/v1/chat/completions");
            then.status(status).body(body);
        });
        client_for(&server)
            .chat(&messages())
            .expect_err("the request should fail")
    }

    fn assert_one_line_without_key(error: &LlmError) {
        let text = error.to_string();
        assert!(!text.contains('\n') && !text.contains('\r'), "{text:?}");
        assert!(!text.contains(KEY), "{text}");
        assert!(!format!("{error:?}").contains(KEY), "{error:?}");
    }

    #[test]
    fn sends_the_exact_request_with_the_key() {
        let server = MockServer::start();
        let mock = server.mock(|when, then| {
            when.method(POST)
                .path("/v1/chat/completions")
                .header("authorization", format!("Bearer {KEY}"))
                .header("content-type", "application/json")
                .json_body(json!({
                    "model": "test-model",
                    "messages": [
                        {"role": "system", "content": "You write JavaScript."},
                        {"role": "user", "content": "reverse a string"},
                    ],
                    "temperature": 0.0,
                }));
            then.status(200)
                .json_body(reply(json!("module.exports = s => s")));
        });
        let text = client_for(&server).chat(&messages()).expect("reply");
        assert_eq!(text, "module.exports = s => s");
        mock.assert();
    }

    #[test]
    fn sends_no_authorization_without_a_key() {
        let server = MockServer::start();
        let mock = server.mock(|when, then| {
            when.method(POST)
                .path("/v1/chat/completions")
                .header_missing("authorization");
            then.status(200).json_body(reply(json!("ok")));
        });
        // The mock server is on 127.0.0.1, so no key is needed.
        let client = client(config(&server.url("/v1"), None));
        assert_eq!(client.chat(&messages()).expect("reply"), "ok");
        mock.assert();
    }

    #[test]
    fn a_trailing_slash_on_the_base_url_makes_no_difference() {
        let server = MockServer::start();
        let mock = server.mock(|when, then| {
            when.method(POST).path("/v1/chat/completions");
            then.status(200).json_body(reply(json!("ok")));
        });
        let client = client(config(&server.url("/v1/"), Some(KEY)));
        assert_eq!(client.chat(&messages()).expect("reply"), "ok");
        mock.assert();
    }

    #[test]
    fn the_key_is_required_only_for_non_local_urls() {
        let err = LlmClient::new(config("https://api.openai.com/v1", None)).expect_err("no key");
        assert!(matches!(err, LlmError::MissingKey), "{err:?}");
        assert_eq!(err.exit(), Exit::LlmAuth);
        let text = err.to_string();
        assert!(text.contains("OPENAI_API_KEY"), "{text}");
        assert!(text.contains("http://localhost:11434/v1"), "{text}");

        let blank = LlmClient::new(config("https://api.openai.com/v1", Some(" ")));
        assert!(matches!(blank, Err(LlmError::MissingKey)), "{blank:?}");
        LlmClient::new(config("https://api.openai.com/v1", Some(KEY))).expect("key given");
        LlmClient::new(config("http://localhost:11434/v1", None)).expect("local");
        LlmClient::new(config("http://127.0.0.1:8080/v1", None)).expect("local");
    }

    #[test]
    fn the_clients_debug_never_shows_the_key() {
        let client = client(config("https://api.openai.com/v1", Some(KEY)));
        let debug = format!("{client:?}");
        assert!(!debug.contains(KEY), "{debug}");
        assert!(debug.contains("api.openai.com"), "{debug}");
    }

    #[test]
    fn a_key_that_cannot_be_a_header_is_rejected_without_echoing_it() {
        let err = LlmClient::new(config("https://api.openai.com/v1", Some("sk-a\nb")))
            .expect_err("bad key");
        assert!(matches!(err, LlmError::InvalidKey), "{err:?}");
        assert!(!err.to_string().contains("sk-a"), "{err}");
        assert_eq!(err.exit(), Exit::LlmAuth);
    }

    #[test]
    fn a_refused_connection_is_unreachable() {
        // A port that was just free: nothing listens there any more.
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("bind")
            .port();
        let url = format!("http://127.0.0.1:{port}/v1");
        let err = client(config(&url, None))
            .chat(&messages())
            .expect_err("refused");
        assert!(matches!(err, LlmError::Refused { .. }), "{err:?}");
        assert_eq!(
            err.to_string(),
            format!("cannot connect to {url}: connection refused")
        );
        assert_eq!(err.exit(), Exit::LlmUnreachable);
    }

    #[test]
    fn an_unresolvable_host_is_unreachable() {
        let err = client(config("http://nonexistent.invalid/v1", Some(KEY)))
            .chat(&messages())
            .expect_err("dns failure");
        assert!(matches!(err, LlmError::Dns { .. }), "{err:?}");
        assert!(
            err.to_string()
                .contains("nonexistent.invalid could not be resolved"),
            "{err}"
        );
        assert_eq!(err.exit(), Exit::LlmUnreachable);
    }

    #[test]
    fn a_slow_reply_times_out() {
        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(POST).path("/v1/chat/completions");
            then.status(200)
                .delay(Duration::from_secs(2))
                .json_body(reply(json!("too late")));
        });
        let mut config = config(&server.url("/v1"), Some(KEY));
        config.timeout = Duration::from_millis(300);
        let started = Instant::now();
        let err = client(config).chat(&messages()).expect_err("timeout");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
        assert!(matches!(err, LlmError::Timeout { .. }), "{err:?}");
        assert!(
            err.to_string()
                .contains("within 300ms (raise --llm-timeout)"),
            "{err}"
        );
        assert_eq!(err.exit(), Exit::LlmUnreachable);
    }

    #[test]
    fn tls_to_a_plain_http_server_is_a_network_error() {
        // Also proves a crypto provider is installed: without one reqwest panics.
        let server = MockServer::start();
        let url = format!("https://127.0.0.1:{}/v1", server.port());
        let err = client(config(&url, None))
            .chat(&messages())
            .expect_err("tls");
        assert!(matches!(err, LlmError::Network { .. }), "{err:?}");
        assert_eq!(err.exit(), Exit::LlmUnreachable);
        assert_one_line_without_key(&err);
    }

    #[test]
    fn rejected_credentials_are_auth_errors_with_the_apis_message() {
        for status in [401, 403] {
            let body = json!({"error": {
                "message": format!("Incorrect API key provided: {KEY}.\nSee the docs."),
                "type": "invalid_request_error",
            }});
            let err = error_for(status, &body.to_string());
            assert!(matches!(err, LlmError::Auth { .. }), "{err:?}");
            assert_eq!(err.exit(), Exit::LlmAuth);
            let text = err.to_string();
            assert!(text.contains(&status.to_string()), "{text}");
            assert!(
                text.contains("Incorrect API key provided: <redacted>. See the docs."),
                "{text}"
            );
            assert_one_line_without_key(&err);
        }
    }

    #[test]
    fn an_unknown_model_names_the_model_and_the_apis_message() {
        let body = json!({"error": {"message": "The model `test-model` does not exist", "code": "model_not_found"}});
        let err = error_for(404, &body.to_string());
        assert!(matches!(err, LlmError::ModelNotFound { .. }), "{err:?}");
        assert_eq!(err.exit(), Exit::LlmModelNotFound);
        let text = err.to_string();
        assert!(text.contains("\"test-model\""), "{text}");
        assert!(
            text.contains("The model `test-model` does not exist"),
            "{text}"
        );

        // Ollama's native error shape.
        let err = error_for(404, r#"{"error":"model 'test-model' not found"}"#);
        assert!(
            err.to_string().contains("model 'test-model' not found"),
            "{err}"
        );
    }

    #[test]
    fn other_client_errors_are_bad_replies_with_a_short_one_line_message() {
        let long = format!("first line\nsecond\tline {}", "x".repeat(500));
        let err = error_for(400, &json!({"error": {"message": long}}).to_string());
        assert!(matches!(err, LlmError::Http { status: 400, .. }), "{err:?}");
        assert_eq!(err.exit(), Exit::LlmBadReply);
        let LlmError::Http { message, .. } = &err else {
            unreachable!()
        };
        assert!(
            message.starts_with("first line second line xxx"),
            "{message}"
        );
        assert_eq!(message.chars().count(), MESSAGE_LIMIT + 1, "{message}");
        assert_one_line_without_key(&err);

        let err = error_for(422, "plain text\r\nproblem");
        assert!(
            err.to_string()
                .ends_with("(422 Unprocessable Entity): plain text problem"),
            "{err}"
        );
    }

    #[test]
    fn a_redirect_is_reported_not_followed() {
        let server = MockServer::start();
        let mock = server.mock(|when, then| {
            when.path("/v1/chat/completions");
            then.status(301)
                .header("location", "https://elsewhere.example/v1/chat/completions");
        });
        let err = client_for(&server).chat(&messages()).expect_err("redirect");
        assert!(matches!(err, LlmError::Http { status: 301, .. }), "{err:?}");
        assert!(
            err.to_string()
                .contains("redirected to https://elsewhere.example/"),
            "{err}"
        );
        mock.assert();
    }

    #[test]
    fn a_rate_limit_is_retried_and_then_succeeds() {
        let server = MockServer::start();
        let mut limited = server.mock(|when, then| {
            when.method(POST).path("/v1/chat/completions");
            then.status(429)
                .json_body(json!({"error": {"message": "Rate limit reached"}}));
        });
        let mut ok = None;
        let mut retries = Vec::new();
        let text = client_for(&server)
            .chat_with(&messages(), &mut |retry, wait| {
                retries.push((retry, wait));
                // The next attempt gets a success.
                limited.delete();
                ok = Some(server.mock(|when, then| {
                    when.method(POST).path("/v1/chat/completions");
                    then.status(200).json_body(reply(json!("after the wait")));
                }));
            })
            .expect("the retry succeeds");
        assert_eq!(text, "after the wait");
        assert_eq!(retries, vec![(1, FAST)]);
        ok.expect("the hook ran").assert();
    }

    #[test]
    fn server_errors_are_retried_max_retries_times_then_unavailable() {
        let server = MockServer::start();
        let mock = server.mock(|when, then| {
            when.method(POST).path("/v1/chat/completions");
            then.status(500)
                .json_body(json!({"error": {"message": "The server had an error"}}));
        });
        let mut retries = Vec::new();
        let err = client_for(&server)
            .chat_with(&messages(), &mut |retry, wait| retries.push((retry, wait)))
            .expect_err("unavailable");
        mock.assert_calls(DEFAULT_MAX_RETRIES as usize + 1);
        assert_eq!(
            retries,
            vec![(1, FAST), (2, FAST * 2), (3, FAST * 4)],
            "exponential backoff from the injected base"
        );
        assert!(
            matches!(
                err,
                LlmError::Unavailable {
                    status: 500,
                    attempts: 4,
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(err.exit(), Exit::LlmUnavailable);
        let text = err.to_string();
        assert!(
            text.contains("500 Internal Server Error after 4 attempts"),
            "{text}"
        );
        assert!(text.contains("The server had an error"), "{text}");
    }

    #[test]
    fn retry_after_is_honoured() {
        let server = MockServer::start();
        let mock = server.mock(|when, then| {
            when.method(POST).path("/v1/chat/completions");
            then.status(503).header("retry-after", "1").body("busy");
        });
        let mut config = config(&server.url("/v1"), Some(KEY));
        config.max_retries = 1;
        let mut waits = Vec::new();
        let started = Instant::now();
        let err = client(config)
            .chat_with(&messages(), &mut |_, wait| waits.push(wait))
            .expect_err("unavailable");
        assert!(
            started.elapsed() >= Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(waits, vec![Duration::from_secs(1)]);
        mock.assert_calls(2);
        assert!(
            matches!(err, LlmError::Unavailable { status: 503, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn backoff_doubles_from_500ms_up_to_8s() {
        let ms = |n| Duration::from_millis(n);
        let waits: Vec<_> = (1..=7).map(|r| backoff(BACKOFF_BASE, r)).collect();
        assert_eq!(
            waits,
            [
                ms(500),
                ms(1000),
                ms(2000),
                ms(4000),
                ms(8000),
                ms(8000),
                ms(8000)
            ]
        );
        assert_eq!(backoff(BACKOFF_BASE, 40), BACKOFF_CAP);
        assert_eq!(backoff(BACKOFF_BASE, u32::MAX), BACKOFF_CAP);
    }

    #[test]
    fn retry_after_is_read_in_seconds_and_capped() {
        let headers = |value: &str| {
            let mut h = HeaderMap::new();
            h.insert(RETRY_AFTER, HeaderValue::from_str(value).expect("header"));
            h
        };
        assert_eq!(retry_after(&headers("2")), Some(Duration::from_secs(2)));
        assert_eq!(retry_after(&headers("3600")), Some(RETRY_AFTER_CAP));
        assert_eq!(retry_after(&headers("Wed, 21 Oct 2015 07:28:00 GMT")), None);
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }

    #[test]
    fn a_body_that_is_not_json_is_a_bad_reply() {
        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(POST).path("/v1/chat/completions");
            then.status(200)
                .body(format!("<html>\n<body>{}</body></html>", "a".repeat(200)));
        });
        let err = client_for(&server).chat(&messages()).expect_err("not json");
        let LlmError::NotJson { snippet } = &err else {
            panic!("expected NotJson, got {err:?}");
        };
        assert!(snippet.starts_with("<html> <body>aaa"), "{snippet}");
        assert_eq!(snippet.chars().count(), SNIPPET_LIMIT + 1, "{snippet}");
        assert!(
            err.to_string().starts_with("the reply is not JSON: <html>"),
            "{err}"
        );
        assert_eq!(err.exit(), Exit::LlmBadReply);
    }

    #[test]
    fn a_reply_without_choices_is_a_bad_reply() {
        for body in [
            json!({"id": "x"}),
            json!({"choices": []}),
            json!({"choices": "none"}),
        ] {
            let server = MockServer::start();
            server.mock(|when, then| {
                when.method(POST).path("/v1/chat/completions");
                then.status(200).json_body(body.clone());
            });
            let err = client_for(&server)
                .chat(&messages())
                .expect_err("no choices");
            assert!(matches!(err, LlmError::NoChoices { .. }), "{body}: {err:?}");
            assert_eq!(err.exit(), Exit::LlmBadReply);
        }
        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(POST).path("/v1/chat/completions");
            then.status(200)
                .json_body(json!({"error": {"message": "upstream failed"}}));
        });
        let err = client_for(&server)
            .chat(&messages())
            .expect_err("no choices");
        assert_eq!(err.to_string(), "the reply has no choices: upstream failed");
    }

    #[test]
    fn an_empty_reply_is_a_bad_reply() {
        for content in [json!(null), json!(""), json!("  \n\t ")] {
            let server = MockServer::start();
            server.mock(|when, then| {
                when.method(POST).path("/v1/chat/completions");
                then.status(200).json_body(reply(content.clone()));
            });
            let err = client_for(&server).chat(&messages()).expect_err("empty");
            assert!(
                matches!(err, LlmError::EmptyReply { .. }),
                "{content}: {err:?}"
            );
            assert_eq!(err.to_string(), "the model returned an empty reply");
            assert_eq!(err.exit(), Exit::LlmBadReply);
        }
        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(POST).path("/v1/chat/completions");
            then.status(200).json_body(json!({"choices": [{
                "message": {"role": "assistant", "content": null, "refusal": "I can't help with that."},
                "finish_reason": "stop",
            }]}));
        });
        let err = client_for(&server).chat(&messages()).expect_err("refusal");
        assert_eq!(
            err.to_string(),
            "the model returned an empty reply (refusal: I can't help with that.)"
        );
    }

    #[test]
    fn content_in_parts_is_joined_and_other_shapes_are_malformed() {
        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(POST).path("/v1/chat/completions");
            then.status(200).json_body(reply(json!([
                {"type": "text", "text": "module.exports = "},
                {"type": "text", "text": "s => s"},
            ])));
        });
        assert_eq!(
            client_for(&server).chat(&messages()).expect("parts"),
            "module.exports = s => s"
        );

        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(POST).path("/v1/chat/completions");
            then.status(200).json_body(reply(json!(42)));
        });
        let err = client_for(&server).chat(&messages()).expect_err("number");
        assert!(matches!(err, LlmError::Malformed { .. }), "{err:?}");
        assert_eq!(err.exit(), Exit::LlmBadReply);
    }

    #[test]
    fn chat_message_constructors_set_the_role() {
        assert_eq!(ChatMessage::system("a").role, "system");
        assert_eq!(ChatMessage::user("b").role, "user");
        assert_eq!(
            ChatMessage::assistant("c"),
            ChatMessage {
                role: "assistant".into(),
                content: "c".into()
            }
        );
    }

    #[test]
    fn endpoints_keep_the_path_and_query() {
        let url = |base| chat_endpoint(base).expect("url").to_string();
        assert_eq!(
            url("https://api.openai.com/v1"),
            "https://api.openai.com/v1/chat/completions"
        );
        assert_eq!(
            url("https://api.openai.com/v1/"),
            "https://api.openai.com/v1/chat/completions"
        );
        assert_eq!(
            url("http://localhost:8080"),
            "http://localhost:8080/chat/completions"
        );
        assert_eq!(
            url("https://x.example/openai/v1?api-version=1"),
            "https://x.example/openai/v1/chat/completions?api-version=1"
        );
    }

    #[test]
    fn durations_are_short_in_messages() {
        assert_eq!(format_duration(Duration::from_secs(2)), "2s");
        assert_eq!(format_duration(Duration::from_millis(300)), "300ms");
        assert_eq!(format_duration(Duration::from_millis(1500)), "1.5s");
    }
}

//! Where the LLM client's settings come from, highest priority first: command-line flags, the
//! environment, `<config_dir>/config.toml`, then built-in defaults.
//!
//! The API key is taken from `OPENAI_API_KEY` only, never from the config file: config files get
//! copied between machines, pasted into bug reports and committed to dotfile repositories, so a
//! key there would leak sooner or later. A key in the file is ignored, not rejected, and the error
//! for a missing key says to set `OPENAI_API_KEY`.

use std::{
    fmt,
    net::{IpAddr, Ipv4Addr, Ipv6Addr},
    path::Path,
    time::Duration,
};

use reqwest::Url;
use serde::Deserialize;

use super::client::LlmError;

/// The endpoint used when nothing else is configured: OpenAI's own API.
pub const DEFAULT_BASE_URL: &str = "https://api.openai.com/v1";

/// The model used when nothing else is configured.
///
/// A small, cheap model that still writes good JavaScript, and one that accepts `temperature: 0`:
/// the GPT-5 family (`gpt-5-mini`, `gpt-5-nano`) rejects any temperature but 1 with a 400, so
/// choosing one of those also needs `temperature = 1` in the config file.
pub const DEFAULT_MODEL: &str = "gpt-4.1-mini";

/// How long one HTTP request may take, from connecting to the last byte of the reply. Generous
/// because a local model on a CPU can take minutes for a short function.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);

/// The sampling temperature: 0 so that the same description gives (nearly) the same code.
pub const DEFAULT_TEMPERATURE: f32 = 0.0;

/// How many times a request that failed with 429 or 5xx is retried.
pub const DEFAULT_MAX_RETRIES: u32 = 3;

/// The config file's name inside the config directory.
pub const CONFIG_FILE: &str = "config.toml";

/// The environment variable holding the API key.
pub const ENV_API_KEY: &str = "OPENAI_API_KEY";

/// The environment variable holding the base URL (the one OpenAI's own SDKs read).
pub const ENV_BASE_URL: &str = "OPENAI_BASE_URL";

/// The environment variable holding the model name.
pub const ENV_MODEL: &str = "FUNCBOX_MODEL";

/// Settings that come from flags (highest priority); `None` = not given.
#[derive(Clone, Debug, Default)]
pub struct LlmOverrides {
    /// `--model`.
    pub model: Option<String>,
    /// `--base-url`.
    pub base_url: Option<String>,
    /// `--llm-timeout`.
    pub timeout: Option<Duration>,
}

/// The resolved configuration of the LLM client.
///
/// `Debug` is written by hand so that the API key shows as `<redacted>`: this struct ends up in
/// debug logs and panic messages, and the key must never be printed, logged or saved.
#[derive(Clone)]
pub struct LlmConfig {
    /// The API's base URL, such as `https://api.openai.com/v1`; `/chat/completions` is appended.
    pub base_url: String,
    /// The model name sent with each request.
    pub model: String,
    /// The bearer token; `None` sends no `Authorization` header (local servers need none).
    pub api_key: Option<String>,
    /// The limit on one HTTP request, connection to last byte.
    pub timeout: Duration,
    /// The sampling temperature sent with each request.
    pub temperature: f32,
    /// How many times a 429 or 5xx reply is retried before giving up.
    pub max_retries: u32,
}

/// The keys read from `config.toml`.
///
/// Unknown keys are ignored rather than rejected because the same file may hold settings of
/// other parts of funcbox, and `api_key` is deliberately not among these fields (see the module
/// documentation).
#[derive(Debug, Default, Deserialize)]
struct FileConfig {
    base_url: Option<String>,
    model: Option<String>,
    timeout_secs: Option<f64>,
    temperature: Option<f32>,
}

impl LlmConfig {
    /// Resolves the configuration: flags > environment (`OPENAI_API_KEY`, `OPENAI_BASE_URL`,
    /// `FUNCBOX_MODEL`) > config file (`<config_dir>/config.toml`, keys `base_url`, `model`,
    /// `timeout_secs`, `temperature`) > defaults (timeout 120 s, temperature 0, 3 retries).
    ///
    /// An API key in the config file is **not** read: the key comes from `OPENAI_API_KEY` only.
    /// `env` looks up an environment variable (the CLI passes `&|k| std::env::var(k).ok()`);
    /// empty or blank values count as unset. A missing config file is fine; one that cannot be
    /// read or parsed, or holds an out-of-range value, is an error naming the file.
    ///
    /// A missing key is not checked here but in [`LlmClient::new`](super::client::LlmClient::new),
    /// so that commands that never call the API (such as `--show-prompt`) work without one.
    pub fn resolve(
        overrides: &LlmOverrides,
        env: &dyn Fn(&str) -> Option<String>,
        config_dir: &Path,
    ) -> Result<Self, LlmError> {
        let path = config_dir.join(CONFIG_FILE);
        let file = read_config_file(&path)?;
        let env = |name: &str| non_blank(env(name));

        let (base_url, from) = if let Some(url) = non_blank(overrides.base_url.clone()) {
            (url, "--base-url".to_owned())
        } else if let Some(url) = env(ENV_BASE_URL) {
            (url, ENV_BASE_URL.to_owned())
        } else if let Some(url) = non_blank(file.base_url) {
            (url, path.display().to_string())
        } else {
            (DEFAULT_BASE_URL.to_owned(), "the default".to_owned())
        };
        check_base_url(&base_url, &from)?;

        let model = non_blank(overrides.model.clone())
            .or_else(|| env(ENV_MODEL))
            .or_else(|| non_blank(file.model))
            .unwrap_or_else(|| DEFAULT_MODEL.to_owned());

        let timeout = match (overrides.timeout, file.timeout_secs) {
            (Some(timeout), _) if timeout.is_zero() => {
                return Err(LlmError::InvalidSetting {
                    name: "--llm-timeout".to_owned(),
                    reason: "it must be more than zero".to_owned(),
                });
            }
            (Some(timeout), _) => timeout,
            (None, Some(secs)) => Duration::try_from_secs_f64(secs)
                .ok()
                .filter(|timeout| !timeout.is_zero())
                .ok_or_else(|| LlmError::Config {
                    path: path.clone(),
                    message: format!(
                        "timeout_secs must be a positive number of seconds, not {secs}"
                    ),
                })?,
            (None, None) => DEFAULT_TIMEOUT,
        };

        let temperature = match file.temperature {
            // The range OpenAI accepts; checking here gives a clearer error than the API's 400.
            Some(t) if (0.0..=2.0).contains(&t) => t,
            Some(t) => {
                return Err(LlmError::Config {
                    path,
                    message: format!("temperature must be between 0 and 2, not {t}"),
                });
            }
            None => DEFAULT_TEMPERATURE,
        };

        Ok(LlmConfig {
            base_url,
            model,
            api_key: env(ENV_API_KEY),
            timeout,
            temperature,
            max_retries: DEFAULT_MAX_RETRIES,
        })
    }

    /// Whether the base URL points at this machine (host `localhost` or `*.localhost`, 127.0.0.0/8,
    /// `::1`, `0.0.0.0`/`::`, or a name ending in `.local`), such as Ollama or llama.cpp's
    /// server; no API key is needed then.
    pub fn is_local(&self) -> bool {
        let Ok(url) = Url::parse(&self.base_url) else {
            return false;
        };
        let Some(host) = url.host_str() else {
            return false;
        };
        // The URL parser has already normalised IP addresses (`127.1` is `127.0.0.1`) and put
        // IPv6 ones in brackets, so parsing the bare text is enough to tell them from names.
        if let Ok(ip) = host.trim_start_matches('[').trim_end_matches(']').parse() {
            return is_local_ip(ip);
        }
        // A trailing dot is the same name in fully-qualified form.
        let name = host.trim_end_matches('.').to_ascii_lowercase();
        name == "localhost" || name.ends_with(".localhost") || name.ends_with(".local")
    }

    /// The base URL's host (such as `api.openai.com`), for metadata; never the key, nor any user
    /// name or password written into the URL. Empty if the URL cannot be parsed.
    pub fn host(&self) -> String {
        Url::parse(&self.base_url)
            .ok()
            .and_then(|url| url.host_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

impl fmt::Debug for LlmConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LlmConfig")
            .field("base_url", &display_url(&self.base_url))
            .field("model", &self.model)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("timeout", &self.timeout)
            .field("temperature", &self.temperature)
            .field("max_retries", &self.max_retries)
            .finish()
    }
}

/// The URL as it may be shown to the user: without a user name or password, which some
/// proxies expect in the URL and which are as secret as the key.
pub(crate) fn display_url(raw: &str) -> String {
    match Url::parse(raw) {
        Ok(mut url) if !url.username().is_empty() || url.password().is_some() => {
            // Both only fail for URLs that cannot have credentials, which this one has.
            let _ = url.set_username("");
            let _ = url.set_password(None);
            url.to_string()
        }
        _ => raw.to_owned(),
    }
}

fn is_local_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback() || v4 == Ipv4Addr::UNSPECIFIED,
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6 == Ipv6Addr::UNSPECIFIED
                || v6
                    .to_ipv4_mapped()
                    .is_some_and(|v4| is_local_ip(IpAddr::V4(v4)))
        }
    }
}

/// `None` for missing, empty or blank values, otherwise the trimmed value: a key pasted with a
/// trailing newline would otherwise make an invalid header.
fn non_blank(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn check_base_url(raw: &str, from: &str) -> Result<(), LlmError> {
    let invalid = |reason: String| LlmError::InvalidBaseUrl {
        url: display_url(raw),
        from: from.to_owned(),
        reason,
    };
    let url = Url::parse(raw).map_err(|e| invalid(e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        // `localhost:11434/v1` parses with the scheme `localhost`: the likely fix is http://.
        let hint = if raw.contains("://") {
            String::new()
        } else {
            format!(" (did you mean http://{raw}?)")
        };
        return Err(invalid(format!(
            "the scheme must be http or https, not {}{hint}",
            url.scheme()
        )));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("it has no host".to_owned()));
    }
    Ok(())
}

fn read_config_file(path: &Path) -> Result<FileConfig, LlmError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileConfig::default()),
        Err(error) => {
            return Err(LlmError::ConfigRead {
                path: path.to_owned(),
                error,
            });
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| LlmError::Config {
        path: path.to_owned(),
        message: format!("not UTF-8 (at byte {})", e.utf8_error().valid_up_to()),
    })?;
    toml::from_str(&text).map_err(|e| LlmError::Config {
        path: path.to_owned(),
        message: describe_toml_error(&e, &text),
    })
}

/// One line with the position and the parser's message. The error's own `Display` is several
/// lines and quotes the offending line, which could be an `api_key = "..."` line.
fn describe_toml_error(error: &toml::de::Error, text: &str) -> String {
    let message = error
        .message()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match error.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {column}: {message}")
        }
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use std::{collections::HashMap, fs};

    use super::*;
    use crate::exit::Exit;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    fn dir_with(config: Option<&str>) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        if let Some(text) = config {
            fs::write(dir.path().join(CONFIG_FILE), text).expect("write config");
        }
        dir
    }

    fn config(base_url: &str) -> LlmConfig {
        LlmConfig {
            base_url: base_url.to_owned(),
            model: DEFAULT_MODEL.to_owned(),
            api_key: None,
            timeout: DEFAULT_TIMEOUT,
            temperature: DEFAULT_TEMPERATURE,
            max_retries: DEFAULT_MAX_RETRIES,
        }
    }

    const FILE: &str = r#"
base_url = "http://file.example/v1"
model = "file-model"
timeout_secs = 7
temperature = 0.5
api_key = "sk-from-file"
other_setting = "ignored"
"#;

    #[test]
    fn defaults_apply_when_nothing_is_set() {
        let dir = dir_with(None);
        let c = LlmConfig::resolve(&LlmOverrides::default(), &env_of(&[]), dir.path())
            .expect("resolves");
        assert_eq!(c.base_url, DEFAULT_BASE_URL);
        assert_eq!(c.model, DEFAULT_MODEL);
        assert_eq!(c.api_key, None);
        assert_eq!(c.timeout, Duration::from_secs(120));
        assert_eq!(c.temperature, 0.0);
        assert_eq!(c.max_retries, 3);
    }

    #[test]
    fn a_missing_config_dir_is_fine() {
        let c = LlmConfig::resolve(
            &LlmOverrides::default(),
            &env_of(&[]),
            Path::new("/nonexistent/funcbox-config"),
        )
        .expect("resolves");
        assert_eq!(c.model, DEFAULT_MODEL);
    }

    #[test]
    fn the_file_beats_the_defaults_but_never_supplies_the_key() {
        let dir = dir_with(Some(FILE));
        let c = LlmConfig::resolve(&LlmOverrides::default(), &env_of(&[]), dir.path())
            .expect("resolves");
        assert_eq!(c.base_url, "http://file.example/v1");
        assert_eq!(c.model, "file-model");
        assert_eq!(c.timeout, Duration::from_secs(7));
        assert_eq!(c.temperature, 0.5);
        assert_eq!(c.api_key, None, "the key must never come from the file");
    }

    #[test]
    fn the_environment_beats_the_file() {
        let dir = dir_with(Some(FILE));
        let env = env_of(&[
            ("OPENAI_BASE_URL", "http://env.example/v1"),
            ("FUNCBOX_MODEL", "env-model"),
            ("OPENAI_API_KEY", "sk-env"),
        ]);
        let c = LlmConfig::resolve(&LlmOverrides::default(), &env, dir.path()).expect("resolves");
        assert_eq!(c.base_url, "http://env.example/v1");
        assert_eq!(c.model, "env-model");
        assert_eq!(c.api_key.as_deref(), Some("sk-env"));
        assert_eq!(
            c.timeout,
            Duration::from_secs(7),
            "no env var for the timeout"
        );
    }

    #[test]
    fn flags_beat_the_environment() {
        let dir = dir_with(Some(FILE));
        let env = env_of(&[
            ("OPENAI_BASE_URL", "http://env.example/v1"),
            ("FUNCBOX_MODEL", "env-model"),
        ]);
        let flags = LlmOverrides {
            model: Some("flag-model".into()),
            base_url: Some("http://flag.example/v1".into()),
            timeout: Some(Duration::from_millis(1500)),
        };
        let c = LlmConfig::resolve(&flags, &env, dir.path()).expect("resolves");
        assert_eq!(c.base_url, "http://flag.example/v1");
        assert_eq!(c.model, "flag-model");
        assert_eq!(c.timeout, Duration::from_millis(1500));
    }

    #[test]
    fn empty_values_count_as_unset() {
        let dir = dir_with(Some("model = \"file-model\"\n"));
        let env = env_of(&[
            ("OPENAI_BASE_URL", ""),
            ("FUNCBOX_MODEL", "  "),
            ("OPENAI_API_KEY", ""),
        ]);
        let flags = LlmOverrides {
            model: Some(String::new()),
            ..LlmOverrides::default()
        };
        let c = LlmConfig::resolve(&flags, &env, dir.path()).expect("resolves");
        assert_eq!(c.base_url, DEFAULT_BASE_URL);
        assert_eq!(c.model, "file-model");
        assert_eq!(c.api_key, None);
    }

    #[test]
    fn the_key_is_trimmed() {
        let dir = dir_with(None);
        let env = env_of(&[("OPENAI_API_KEY", "sk-abc\n")]);
        let c = LlmConfig::resolve(&LlmOverrides::default(), &env, dir.path()).expect("resolves");
        assert_eq!(c.api_key.as_deref(), Some("sk-abc"));
    }

    #[test]
    fn a_malformed_file_is_a_one_line_error_naming_the_file() {
        let dir = dir_with(Some(
            "model = \"m\"\napi_key = \"sk-secret\"\ntimeout_secs = = 3\n",
        ));
        let err = LlmConfig::resolve(&LlmOverrides::default(), &env_of(&[]), dir.path())
            .expect_err("malformed file");
        let LlmError::Config { path, message } = &err else {
            panic!("expected Config, got {err:?}");
        };
        assert_eq!(path, &dir.path().join(CONFIG_FILE));
        assert!(message.starts_with("line 3, column"), "{message}");
        let text = err.to_string();
        assert!(text.contains(&dir.path().display().to_string()), "{text}");
        assert!(!text.contains('\n'), "{text:?}");
        assert!(!text.contains("sk-secret"), "{text}");
        assert_eq!(err.exit(), Exit::Usage);
    }

    #[test]
    fn an_unreadable_file_is_an_io_error() {
        let dir = dir_with(None);
        // A directory where the file should be: reading it fails with something other than
        // "not found", even as root.
        fs::create_dir(dir.path().join(CONFIG_FILE)).expect("mkdir");
        let err = LlmConfig::resolve(&LlmOverrides::default(), &env_of(&[]), dir.path())
            .expect_err("unreadable");
        assert!(matches!(err, LlmError::ConfigRead { .. }), "{err:?}");
        assert!(err.to_string().starts_with("cannot read "), "{err}");
        assert_eq!(err.exit(), Exit::Io);
    }

    #[test]
    fn a_wrongly_typed_value_is_a_config_error() {
        let dir = dir_with(Some("model = 3\n"));
        let err = LlmConfig::resolve(&LlmOverrides::default(), &env_of(&[]), dir.path())
            .expect_err("wrong type");
        assert!(matches!(err, LlmError::Config { .. }), "{err:?}");
    }

    #[test]
    fn out_of_range_values_are_rejected() {
        for (text, needle) in [
            ("temperature = 3\n", "temperature"),
            ("temperature = -0.1\n", "temperature"),
            ("timeout_secs = 0\n", "timeout_secs"),
            ("timeout_secs = -5\n", "timeout_secs"),
        ] {
            let dir = dir_with(Some(text));
            let err = LlmConfig::resolve(&LlmOverrides::default(), &env_of(&[]), dir.path())
                .expect_err(text);
            assert!(matches!(err, LlmError::Config { .. }), "{text}: {err:?}");
            assert!(err.to_string().contains(needle), "{err}");
        }
        let dir = dir_with(None);
        let flags = LlmOverrides {
            timeout: Some(Duration::ZERO),
            ..LlmOverrides::default()
        };
        let err = LlmConfig::resolve(&flags, &env_of(&[]), dir.path()).expect_err("zero timeout");
        assert!(err.to_string().contains("--llm-timeout"), "{err}");
        assert_eq!(err.exit(), Exit::Usage);
    }

    #[test]
    fn an_invalid_base_url_names_where_it_came_from() {
        let dir = dir_with(None);
        for (url, from) in [
            ("ftp://example.com/v1", "OPENAI_BASE_URL"),
            (
                "localhost:11434/v1",
                "did you mean http://localhost:11434/v1?",
            ),
            ("not a url", "OPENAI_BASE_URL"),
        ] {
            let env = env_of(&[("OPENAI_BASE_URL", url)]);
            let err =
                LlmConfig::resolve(&LlmOverrides::default(), &env, dir.path()).expect_err(url);
            assert!(
                matches!(err, LlmError::InvalidBaseUrl { .. }),
                "{url}: {err:?}"
            );
            assert!(err.to_string().contains(from), "{err}");
            assert_eq!(err.exit(), Exit::Usage);
        }
    }

    #[test]
    fn debug_never_shows_the_key() {
        let mut c = config("https://user:hunter2@proxy.example/v1");
        c.api_key = Some("sk-very-secret-key".to_owned());
        let debug = format!("{c:?} {c:#?}");
        assert!(!debug.contains("sk-very-secret-key"), "{debug}");
        assert!(!debug.contains("hunter2"), "{debug}");
        assert!(debug.contains("<redacted>"), "{debug}");
        assert!(debug.contains("proxy.example"), "{debug}");
    }

    #[test]
    fn is_local_recognises_this_machine_only() {
        for url in [
            "http://localhost:11434/v1",
            "http://LOCALHOST/v1",
            "http://localhost./v1",
            "http://api.localhost/v1",
            "http://127.0.0.1:8080/v1",
            "http://127.1.2.3/v1",
            "http://[::1]:8080/v1",
            "http://[::ffff:127.0.0.1]/v1",
            "http://0.0.0.0:8000/v1",
            "http://gpu-box.local:11434/v1",
        ] {
            assert!(config(url).is_local(), "{url} should be local");
        }
        for url in [
            "https://api.openai.com/v1",
            "http://10.0.0.1/v1",
            "http://192.168.1.2:11434/v1",
            "http://128.0.0.1/v1",
            "http://localhost.example.com/v1",
            "http://local/v1",
            "http://[::2]/v1",
            "not a url",
        ] {
            assert!(!config(url).is_local(), "{url} should not be local");
        }
    }

    #[test]
    fn host_is_the_base_urls_host_only() {
        assert_eq!(config(DEFAULT_BASE_URL).host(), "api.openai.com");
        assert_eq!(
            config("http://me:pw@127.0.0.1:11434/v1").host(),
            "127.0.0.1"
        );
        assert_eq!(config("http://[::1]:1/v1").host(), "[::1]");
        assert_eq!(config("garbage").host(), "");
    }
}

//! One function's HTTP requests: each hop checked against the allowlist and the address rules,
//! redirects followed by hand (so every hop is checked), DNS answers pinned for the connection
//! (so a name cannot be re-resolved elsewhere), and the caps and the call's deadline enforced.
//!
//! The guest sends a JSON request and gets back a JSON response or `{"error": "..."}`, which
//! becomes a JavaScript error with that message.

use std::{
    io::{self, Read},
    net::{SocketAddr, ToSocketAddrs},
    sync::mpsc,
    time::{Duration, Instant},
};

use reqwest::{
    Method, StatusCode, Url,
    blocking::Client,
    header::{HeaderMap, HeaderName, HeaderValue},
    redirect,
};
use serde::{Deserialize, Serialize};
use url::Host;

use super::Network;
use crate::http::innermost_message;

/// A request as the guest's `fetch` or `Http.request` describes it.
#[derive(Clone, Debug, Deserialize)]
pub struct Request {
    /// Absolute http or https URL.
    pub url: String,
    /// `GET` when absent.
    #[serde(default)]
    pub method: Option<String>,
    /// Header names and values, in order.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    /// The body, sent as UTF-8.
    #[serde(default)]
    pub body: Option<String>,
}

/// What the guest gets back.
#[derive(Clone, Debug, Serialize)]
pub struct Response {
    /// The HTTP status code.
    pub status: u16,
    /// Its reason phrase (`OK`, `Not Found`), empty for unknown codes.
    #[serde(rename = "statusText")]
    pub status_text: String,
    /// The URL that answered, after redirects.
    pub url: String,
    /// Header names (lowercase) and values, in order.
    pub headers: Vec<(String, String)>,
    /// The body as text (invalid UTF-8 replaced).
    pub body: String,
}

#[derive(Serialize)]
struct Failure<'a> {
    error: &'a str,
}

/// Why a request failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The request was refused or failed: the guest gets this message as a JS error.
    Failed(String),
    /// The call's deadline ran out during the request: the call ends as a timeout.
    Deadline,
}

impl From<String> for Refusal {
    fn from(message: String) -> Self {
        Self::Failed(message)
    }
}

/// Headers the guest may not set: the connection's own framing and target.
const FORBIDDEN_HEADERS: &[&str] = &["host", "content-length", "transfer-encoding", "connection"];
/// Headers dropped when a redirect leaves the origin, as browsers do.
const CREDENTIAL_HEADERS: &[&str] = &["authorization", "cookie", "proxy-authorization"];

/// The HTTP side of one function instance.
pub struct Session {
    network: Network,
    deadline: Instant,
    requests: u32,
}

impl Session {
    /// A session under `network`'s allowlist and caps.
    pub fn new(network: Network) -> Self {
        Self {
            network,
            deadline: Instant::now(),
            requests: 0,
        }
    }

    /// Starts a call: a fresh request count, and the call's deadline.
    pub fn start_call(&mut self, deadline: Instant) {
        self.deadline = deadline;
        self.requests = 0;
    }

    /// Largest request the guest may hand over, JSON and all: JSON can escape a body byte
    /// into six (`\u0000`), and the URL and headers get 64 KiB.
    pub fn max_request_len(&self) -> usize {
        self.network
            .max_request_body
            .saturating_mul(6)
            .saturating_add(64 << 10)
    }

    /// Handles one JSON request from the guest; returns the JSON reply, or `None` when the
    /// call's deadline ran out during it.
    pub fn handle(&mut self, request: &[u8]) -> Option<Vec<u8>> {
        let outcome = serde_json::from_slice::<Request>(request)
            .map_err(|err| Refusal::Failed(format!("a malformed request reached the host: {err}")))
            .and_then(|request| self.send(request));
        let json = match &outcome {
            Ok(response) => serde_json::to_vec(response),
            Err(Refusal::Failed(message)) => serde_json::to_vec(&Failure { error: message }),
            Err(Refusal::Deadline) => return None,
        };
        Some(json.unwrap_or_else(|_| br#"{"error":"the response could not be encoded"}"#.to_vec()))
    }

    /// Makes `request`, following allowed redirects.
    pub fn send(&mut self, request: Request) -> Result<Response, Refusal> {
        let mut url = Url::parse(&request.url)
            .map_err(|err| format!("invalid URL {:?}: {err}", request.url))?;
        let mut method = match &request.method {
            Some(method) => Method::from_bytes(method.to_ascii_uppercase().as_bytes())
                .map_err(|_| format!("invalid HTTP method {method:?}"))?,
            None => Method::GET,
        };
        let mut headers = header_map(&request.headers)?;
        let mut body = request.body;
        if body
            .as_ref()
            .is_some_and(|body| body.len() > self.network.max_request_body)
        {
            return Err(Refusal::Failed(format!(
                "the request body is larger than the {}-byte limit",
                self.network.max_request_body
            )));
        }
        let mut redirects = 0;
        loop {
            let response = self.hop(&url, &method, &headers, body.as_deref())?;
            let Some(next) = redirect_target(&url, &response) else {
                return self.read(url, response);
            };
            redirects += 1;
            if redirects > self.network.max_redirects {
                return Err(Refusal::Failed(format!(
                    "{url} redirected more than {} times",
                    self.network.max_redirects
                )));
            }
            let status = response.status();
            if status == StatusCode::SEE_OTHER && method != Method::HEAD
                || matches!(status, StatusCode::MOVED_PERMANENTLY | StatusCode::FOUND)
                    && method == Method::POST
            {
                method = Method::GET;
                body = None;
            }
            if next.origin() != url.origin() {
                for name in CREDENTIAL_HEADERS {
                    headers.remove(*name);
                }
            }
            self.check(&next).map_err(|reason| {
                format!("the redirect from {url} to {next} was refused: {reason}")
            })?;
            url = next;
        }
    }

    /// Checks `url` against the scheme and host rules.
    fn check(&self, url: &Url) -> Result<(Host<String>, u16), String> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!(
                "only http and https URLs can be fetched, not {}:",
                url.scheme()
            ));
        }
        let (Some(host), Some(port)) = (url.host(), url.port_or_known_default()) else {
            return Err(format!("{url} names no host"));
        };
        if !self.network.allow.allows_host(&host, port) {
            return Err(format!(
                "network access to {host} is not allowed (run with --allow-host {host})"
            ));
        }
        Ok((host.to_owned(), port))
    }

    /// One request, no redirects followed, to addresses the rules allow.
    fn hop(
        &mut self,
        url: &Url,
        method: &Method,
        headers: &HeaderMap,
        body: Option<&str>,
    ) -> Result<reqwest::blocking::Response, Refusal> {
        let (host, port) = self.check(url)?;
        if self.requests >= self.network.max_requests {
            return Err(Refusal::Failed(format!(
                "this call already made {} requests, the most one call may make",
                self.network.max_requests
            )));
        }
        self.requests += 1;
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Refusal::Deadline);
        }
        let timeout = left.min(self.network.request_timeout);
        let started = Instant::now();
        let addresses = self.addresses(&host, port, timeout, timeout == left)?;
        // The lookup's time comes out of the request's.
        let looking_up = started.elapsed();
        let timeout = timeout.saturating_sub(looking_up);
        let left = left.saturating_sub(looking_up);

        crate::http::install_crypto_provider();
        let mut client = Client::builder()
            // A proxy would make the connection on our behalf, beyond the address checks.
            .no_proxy()
            .redirect(redirect::Policy::none())
            .timeout(timeout)
            .user_agent(concat!("funcbox/", env!("CARGO_PKG_VERSION")));
        if let Host::Domain(name) = &host {
            // Connect only to the addresses just checked, whatever DNS says next time.
            client = client.resolve_to_addrs(name, &addresses);
        }
        let client = client
            .build()
            .map_err(|err| format!("could not set up HTTP: {}", innermost_message(&err)))?;
        let mut request = client
            .request(method.clone(), url.clone())
            .headers(headers.clone());
        if let Some(body) = body {
            request = request.body(body.to_owned());
        }
        request.send().map_err(|err| {
            if err.is_timeout() && timeout == left {
                Refusal::Deadline
            } else {
                Refusal::Failed(describe(url, &err, timeout))
            }
        })
    }

    /// The addresses `host` may be reached at, looked up within `timeout` (the call's deadline
    /// when `by_deadline`); an error naming the refused one otherwise.
    fn addresses(
        &self,
        host: &Host<String>,
        port: u16,
        timeout: Duration,
        by_deadline: bool,
    ) -> Result<Vec<SocketAddr>, Refusal> {
        let resolved: Vec<SocketAddr> = match host {
            Host::Ipv4(ip) => vec![SocketAddr::new((*ip).into(), port)],
            Host::Ipv6(ip) => vec![SocketAddr::new((*ip).into(), port)],
            Host::Domain(name) => match lookup_within(name, port, timeout, system_lookup) {
                Some(Ok(addresses)) => addresses,
                Some(Err(err)) => return Err(format!("could not resolve {name}: {err}").into()),
                None if by_deadline => return Err(Refusal::Deadline),
                None => {
                    return Err(format!("looking up {name} took longer than {timeout:.1?}").into());
                }
            },
        };
        let (allowed, refused): (Vec<SocketAddr>, Vec<SocketAddr>) = resolved
            .into_iter()
            .partition(|address| self.network.allow.allows_address(address.ip(), port));
        match (allowed.is_empty(), refused.first()) {
            (false, _) => Ok(allowed),
            (true, Some(refused)) => Err(format!(
                "{host} is at {ip}, a loopback, private or reserved address, which is reached only \
                 when allowed by IP (run with --allow-host {pattern})",
                ip = refused.ip(),
                pattern = ip_pattern(refused),
            )
            .into()),
            (true, None) => Err(format!("{host} has no addresses").into()),
        }
    }

    /// Reads the body up to the cap.
    fn read(&self, url: Url, response: reqwest::blocking::Response) -> Result<Response, Refusal> {
        let status = response.status();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let limit = self.network.max_response_body;
        let mut body = Vec::new();
        response
            .take(limit as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|err| {
                if Instant::now() >= self.deadline {
                    Refusal::Deadline
                } else {
                    Refusal::Failed(format!("reading the response from {url}: {err}"))
                }
            })?;
        if body.len() > limit {
            return Err(Refusal::Failed(format!(
                "the response from {url} is larger than the {limit}-byte limit"
            )));
        }
        Ok(Response {
            status: status.as_u16(),
            status_text: status.canonical_reason().unwrap_or_default().to_owned(),
            url: url.to_string(),
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        })
    }
}

/// Looks `name` up on a helper thread and gives up after `timeout`: the system resolver has
/// timeouts of its own (seconds per server and attempt) that would otherwise hold the call past
/// its deadline. `None` when it took too long; a lookup given up on ends in the background.
fn lookup_within(
    name: &str,
    port: u16,
    timeout: Duration,
    lookup: fn(&str, u16) -> io::Result<Vec<SocketAddr>>,
) -> Option<io::Result<Vec<SocketAddr>>> {
    let (sender, receiver) = mpsc::channel();
    let name = name.to_owned();
    let spawned = std::thread::Builder::new()
        .name("funcbox-dns".to_owned())
        .spawn(move || {
            // The receiver may have given up: then nobody wants the answer.
            let _ = sender.send(lookup(&name, port));
        });
    if let Err(err) = spawned {
        return Some(Err(err));
    }
    receiver.recv_timeout(timeout).ok()
}

fn system_lookup(name: &str, port: u16) -> io::Result<Vec<SocketAddr>> {
    Ok((name, port).to_socket_addrs()?.collect())
}

/// `--allow-host` syntax for one address.
fn ip_pattern(address: &SocketAddr) -> String {
    match address.ip() {
        std::net::IpAddr::V4(ip) => ip.to_string(),
        std::net::IpAddr::V6(ip) => format!("[{ip}]"),
    }
}

fn header_map(headers: &[(String, String)]) -> Result<HeaderMap, String> {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| format!("invalid header name {name:?}"))?;
        if FORBIDDEN_HEADERS.contains(&name.as_str()) {
            return Err(format!(
                "the {name} header is set by the host, not by functions"
            ));
        }
        let value =
            HeaderValue::from_str(value).map_err(|_| format!("invalid value for header {name}"))?;
        map.append(name, value);
    }
    Ok(map)
}

/// Where a redirect response points, resolved against `url`.
fn redirect_target(url: &Url, response: &reqwest::blocking::Response) -> Option<Url> {
    if !response.status().is_redirection() {
        return None;
    }
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)?
        .to_str()
        .ok()?;
    url.join(location).ok()
}

fn describe(url: &Url, err: &reqwest::Error, timeout: Duration) -> String {
    if err.is_timeout() {
        return format!("the request to {url} timed out after {timeout:.1?}");
    }
    format!("the request to {url} failed: {}", innermost_message(err))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lookup_that_hangs_is_given_up_at_its_timeout() {
        let started = Instant::now();
        let hung = lookup_within("slow.example", 80, Duration::from_millis(100), |_, _| {
            std::thread::sleep(Duration::from_secs(3));
            Ok(Vec::new())
        });
        assert!(hung.is_none());
        assert!(started.elapsed() < Duration::from_secs(2));
        let quick = lookup_within("quick.example", 80, Duration::from_secs(5), |_, port| {
            Ok(vec![SocketAddr::from(([192, 0, 2, 1], port))])
        });
        assert_eq!(
            quick.map(|found| found.map_err(|err| err.to_string())),
            Some(Ok(vec![SocketAddr::from(([192, 0, 2, 1], 80))]))
        );
    }
}

//! Opt-in network access for functions: `fetch` and `Http.request` in the guest reach the
//! host through one import, and the host makes the request only to what the user allowed
//! ([`allowlist`]), within the caps of [`Network`] and the call's deadline ([`fetch`]).

pub mod allowlist;
pub mod fetch;

use std::time::Duration;

pub use allowlist::{Allowlist, HostPattern, PatternError};

/// A function's network access: the allowlist and the caps every call runs under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    /// The hosts it may reach; empty denies every request.
    pub allow: Allowlist,
    /// Requests one call may make, each redirect counted.
    pub max_requests: u32,
    /// Redirects followed per request, each checked against the allowlist.
    pub max_redirects: u32,
    /// Largest request body sent.
    pub max_request_body: usize,
    /// Largest response body received.
    pub max_response_body: usize,
    /// Longest one request may take; the call's deadline cuts it shorter.
    pub request_timeout: Duration,
}

/// At most 16 requests per call.
pub const DEFAULT_MAX_REQUESTS: u32 = 16;
/// At most 5 redirects per request.
pub const DEFAULT_MAX_REDIRECTS: u32 = 5;
/// 1 MiB of request body.
pub const DEFAULT_MAX_REQUEST_BODY: usize = 1 << 20;
/// 8 MiB of response body.
pub const DEFAULT_MAX_RESPONSE_BODY: usize = 8 << 20;
/// 5 s per request.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

impl Default for Network {
    /// No host allowed, default caps.
    fn default() -> Self {
        Self::allowing(Allowlist::default())
    }
}

impl Network {
    /// Access to the hosts in `allow`, with the default caps.
    pub fn allowing(allow: Allowlist) -> Self {
        Self {
            allow,
            max_requests: DEFAULT_MAX_REQUESTS,
            max_redirects: DEFAULT_MAX_REDIRECTS,
            max_request_body: DEFAULT_MAX_REQUEST_BODY,
            max_response_body: DEFAULT_MAX_RESPONSE_BODY,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
        }
    }
}

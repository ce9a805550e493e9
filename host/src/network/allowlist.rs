//! Which hosts a function may reach: the `--allow-host` patterns, and which addresses a
//! permitted host may resolve to.
//!
//! The rules, in full:
//! - A pattern is `HOST`, `*.DOMAIN` or an IP address (IPv6 in brackets), optionally followed
//!   by `:PORT`. Names are compared case-insensitively, without a trailing dot.
//! - `HOST` matches that host only; `*.DOMAIN` matches every name under DOMAIN (`a.DOMAIN`,
//!   `a.b.DOMAIN`) but not DOMAIN itself; an IP matches a URL naming that IP.
//! - Without `:PORT` a pattern allows any port; with one, only that port (a URL without a
//!   port uses its scheme's: 80 for http, 443 for https).
//! - A permitted host must also resolve to an address that may be reached: a public one, or
//!   one an IP pattern names (with its port, if it has one). Loopback, private, link-local,
//!   shared, multicast and reserved addresses are refused otherwise, so a name pointing at
//!   the user's own network (by mistake or by DNS rebinding) is never reached by accident.

use std::{
    fmt,
    net::{IpAddr, Ipv4Addr, Ipv6Addr},
    str::FromStr,
};

use url::Host;

/// One `--allow-host` pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostPattern {
    host: HostMatch,
    port: Option<u16>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum HostMatch {
    Name(String),
    Subdomains(String),
    Ip(IpAddr),
}

/// Why a pattern could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{pattern}` is not a host pattern: {reason} (expected HOST, *.DOMAIN or an IP, with an optional :PORT)"
)]
pub struct PatternError {
    pattern: String,
    reason: &'static str,
}

impl FromStr for HostPattern {
    type Err = PatternError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = |reason| PatternError {
            pattern: text.to_owned(),
            reason,
        };
        let lowered = text.trim().to_ascii_lowercase();
        let (host, port) = split_port(&lowered)
            .ok_or_else(|| error("the port is not a number from 1 to 65535"))?;
        if let Some(ip) = host
            .strip_prefix('[')
            .and_then(|rest| rest.strip_suffix(']'))
            .map(Ipv6Addr::from_str)
        {
            let ip = ip.map_err(|_| error("the bracketed part is not an IPv6 address"))?;
            return Ok(Self {
                host: HostMatch::Ip(IpAddr::V6(ip)),
                port,
            });
        }
        if let Ok(ip) = host.parse::<IpAddr>() {
            return Ok(Self {
                host: HostMatch::Ip(ip),
                port,
            });
        }
        let host = host.strip_suffix('.').unwrap_or(host);
        let (wildcard, name) = match host.strip_prefix("*.") {
            Some(domain) => (true, domain),
            None => (false, host),
        };
        if name.is_empty() || name == "*" {
            return Err(error("it names no host"));
        }
        if !is_host_name(name) {
            return Err(error(
                "a host name has letters, digits, `-` and dots, one `*.` at the start at most",
            ));
        }
        let host = if wildcard {
            HostMatch::Subdomains(name.to_owned())
        } else {
            HostMatch::Name(name.to_owned())
        };
        Ok(Self { host, port })
    }
}

impl fmt::Display for HostPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.host {
            HostMatch::Name(name) => write!(f, "{name}")?,
            HostMatch::Subdomains(domain) => write!(f, "*.{domain}")?,
            HostMatch::Ip(IpAddr::V6(ip)) => write!(f, "[{ip}]")?,
            HostMatch::Ip(IpAddr::V4(ip)) => write!(f, "{ip}")?,
        }
        match self.port {
            Some(port) => write!(f, ":{port}"),
            None => Ok(()),
        }
    }
}

/// `host[:port]` → (host, port). `None` for a port that is not 1–65535. A bare IPv6 address
/// (several colons, no brackets) has no port.
fn split_port(text: &str) -> Option<(&str, Option<u16>)> {
    let port_at = if text.starts_with('[') {
        text.find("]:").map(|at| at + 1)
    } else if text.matches(':').count() == 1 {
        text.find(':')
    } else {
        None
    };
    let Some(at) = port_at else {
        return Some((text, None));
    };
    let port = text[at + 1..]
        .parse::<u16>()
        .ok()
        .filter(|&port| port > 0)?;
    Some((&text[..at], Some(port)))
}

fn is_host_name(name: &str) -> bool {
    name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
        })
}

impl HostPattern {
    fn port_matches(&self, port: u16) -> bool {
        self.port.is_none_or(|allowed| allowed == port)
    }

    /// Whether a URL's host and port (its scheme's default when it names none) match.
    pub fn matches(&self, host: &Host<&str>, port: u16) -> bool {
        if !self.port_matches(port) {
            return false;
        }
        match (&self.host, host) {
            (HostMatch::Name(name), Host::Domain(domain)) => {
                domain.trim_end_matches('.').eq_ignore_ascii_case(name)
            }
            (HostMatch::Subdomains(parent), Host::Domain(domain)) => {
                let domain = domain.trim_end_matches('.').to_ascii_lowercase();
                domain
                    .strip_suffix(parent.as_str())
                    .is_some_and(|rest| rest.len() > 1 && rest.ends_with('.'))
            }
            (HostMatch::Ip(allowed), Host::Ipv4(ip)) => *allowed == IpAddr::V4(*ip),
            (HostMatch::Ip(allowed), Host::Ipv6(ip)) => *allowed == IpAddr::V6(*ip),
            _ => false,
        }
    }

    /// Whether this pattern names `ip` (and `port`) literally.
    fn names_address(&self, ip: IpAddr, port: u16) -> bool {
        matches!(self.host, HostMatch::Ip(allowed) if allowed == canonical(ip))
            && self.port_matches(port)
    }
}

/// The hosts a function may reach; empty (the default) denies every request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Allowlist {
    patterns: Vec<HostPattern>,
}

impl Allowlist {
    /// An allowlist of `patterns`.
    pub fn new(patterns: Vec<HostPattern>) -> Self {
        Self { patterns }
    }

    /// Parses each `--allow-host` value.
    pub fn parse<S: AsRef<str>>(patterns: &[S]) -> Result<Self, PatternError> {
        patterns
            .iter()
            .map(|pattern| pattern.as_ref().parse())
            .collect::<Result<_, _>>()
            .map(Self::new)
    }

    /// Whether nothing is allowed.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The patterns.
    pub fn patterns(&self) -> &[HostPattern] {
        &self.patterns
    }

    /// The patterns as the user would write them (for the prompt, metadata and cache keys).
    pub fn to_strings(&self) -> Vec<String> {
        self.patterns.iter().map(ToString::to_string).collect()
    }

    /// Whether some pattern allows this URL host and port.
    pub fn allows_host(&self, host: &Host<&str>, port: u16) -> bool {
        self.patterns
            .iter()
            .any(|pattern| pattern.matches(host, port))
    }

    /// Whether a permitted host may be reached at `ip`: a public address, or one an IP
    /// pattern names.
    pub fn allows_address(&self, ip: IpAddr, port: u16) -> bool {
        is_public(ip)
            || self
                .patterns
                .iter()
                .any(|pattern| pattern.names_address(ip, port))
    }
}

/// An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) as the IPv4 address it is.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// Whether `ip` is a globally routable unicast address (not loopback, private, link-local,
/// shared, documentation, benchmarking, multicast, broadcast, unspecified or reserved).
pub fn is_public(ip: IpAddr) -> bool {
    match canonical(ip) {
        IpAddr::V4(ip) => is_public_v4(ip),
        IpAddr::V6(ip) => is_public_v6(ip),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (carrier-grade NAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || a >= 240) // reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00 // unique local
        || (first & 0xffc0) == 0xfe80 // link-local
        || (first & 0xffc0) == 0xfec0 // site-local (deprecated)
        || first == 0x2001 && ip.segments()[1] == 0x0db8 // documentation
        || first == 0x0064 && ip.segments()[1] == 0xff9b // NAT64, which can reach IPv4 private space
        || first == 0) // IPv4-compatible and other reserved forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(text: &str) -> HostPattern {
        text.parse().unwrap_or_else(|err| panic!("{err}"))
    }

    fn allows(pattern_text: &str, url: &str) -> bool {
        let url = url::Url::parse(url).expect("a URL");
        let host = url.host().expect("a host");
        let port = url.port_or_known_default().expect("a port");
        pattern(pattern_text).matches(&host, port)
    }

    #[test]
    fn patterns_parse_and_print_back() {
        for text in [
            "example.com",
            "example.com:8080",
            "*.example.com",
            "*.example.com:443",
            "127.0.0.1",
            "10.0.0.5:9000",
            "[::1]",
            "[::1]:8080",
            "api_v2.internal",
        ] {
            assert_eq!(pattern(text).to_string(), text);
        }
        assert_eq!(pattern("Example.COM.").to_string(), "example.com");
        assert_eq!(pattern("::1").to_string(), "[::1]");
    }

    #[test]
    fn bad_patterns_are_refused() {
        for text in [
            "",
            "*",
            "*.",
            "a.*.com",
            "exa mple.com",
            "example.com:0",
            "example.com:65536",
            "example.com:http",
            "http://example.com",
            "example.com/path",
            "-bad.com",
            "[::1",
            "[nonsense]:80",
            "*example.com",
            "user@example.com",
        ] {
            assert!(
                text.parse::<HostPattern>().is_err(),
                "{text:?} was accepted"
            );
        }
    }

    #[test]
    fn names_match_exactly_and_wildcards_match_below_their_domain() {
        assert!(allows("example.com", "https://example.com/x"));
        assert!(allows("example.com", "https://EXAMPLE.com./x"));
        assert!(!allows("example.com", "https://www.example.com/"));
        assert!(!allows("example.com", "https://example.com.evil.net/"));
        assert!(!allows("example.com", "https://notexample.com/"));
        assert!(allows("*.example.com", "https://api.example.com/"));
        assert!(allows("*.example.com", "https://a.b.example.com/"));
        assert!(!allows("*.example.com", "https://example.com/"));
        assert!(!allows("*.example.com", "https://badexample.com/"));
        assert!(!allows("*.example.com", "https://example.com.evil.net/"));
    }

    #[test]
    fn ports_are_checked_when_given() {
        assert!(allows("example.com", "http://example.com:8080/"));
        assert!(allows("example.com:443", "https://example.com/"));
        assert!(!allows("example.com:443", "http://example.com/"));
        assert!(allows("example.com:8080", "http://example.com:8080/"));
        assert!(!allows("example.com:8080", "http://example.com:8081/"));
        assert!(allows("127.0.0.1:8080", "http://127.0.0.1:8080/"));
        assert!(!allows("127.0.0.1:8080", "http://127.0.0.1:9090/"));
        assert!(allows("[::1]", "http://[::1]:5000/"));
        assert!(!allows("127.0.0.1", "http://localhost/"));
        assert!(!allows("localhost", "http://127.0.0.1/"));
    }

    #[test]
    fn private_addresses_need_an_ip_pattern() {
        let by_name = Allowlist::parse(&["localhost", "*.corp.example"]).expect("patterns");
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "fc00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
            "::ffff:127.0.0.1",
            "::",
            "64:ff9b::a00:1",
        ] {
            let ip: IpAddr = ip.parse().expect("an address");
            assert!(!is_public(ip), "{ip} counted as public");
            assert!(!by_name.allows_address(ip, 80), "{ip} allowed by name");
        }
        for ip in ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"] {
            let ip: IpAddr = ip.parse().expect("an address");
            assert!(by_name.allows_address(ip, 443), "{ip} refused");
        }
        let by_ip = Allowlist::parse(&["127.0.0.1", "10.0.0.5:9000"]).expect("patterns");
        let loopback: IpAddr = "127.0.0.1".parse().expect("an address");
        let mapped: IpAddr = "::ffff:127.0.0.1".parse().expect("an address");
        let other: IpAddr = "10.0.0.5".parse().expect("an address");
        assert!(by_ip.allows_address(loopback, 1234));
        assert!(by_ip.allows_address(mapped, 1234));
        assert!(by_ip.allows_address(other, 9000));
        assert!(!by_ip.allows_address(other, 9001));
        assert!(!by_ip.allows_address("127.0.0.2".parse().expect("an address"), 1234));
    }
}

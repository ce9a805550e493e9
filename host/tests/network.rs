//! `fetch` and `Http.request` against a local HTTP server: what an allowlist lets through, and
//! every way a request is refused. The rules themselves are unit-tested in
//! `funcbox::network::allowlist`.

use std::{
    sync::OnceLock,
    time::{Duration, Instant},
};

use funcbox::{
    Limits, RunError, Sandbox,
    network::{Allowlist, Network},
};
use httpmock::{
    Method::{GET, POST},
    MockServer,
};

fn sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let cache = std::env::temp_dir().join("funcbox-library-tests-cache");
        Sandbox::new(Some(&cache)).expect("the sandbox starts")
    })
}

fn allowing(patterns: &[&str]) -> Network {
    Network::allowing(Allowlist::parse(patterns).expect("valid patterns"))
}

/// Runs `source` on `input` with `network`'s access.
fn run(source: &str, input: &str, network: &Network) -> Result<String, RunError> {
    let mut function = sandbox().load_with_network(source, &Limits::default(), network)?;
    function.invoke(input).map(|invocation| invocation.output)
}

/// A function that fetches its input URL and returns the error message, if any, or the body.
const FETCH_TEXT: &str = "module.exports = async (url) => { try { \
     const response = await fetch(url.trim()); return response.status + ' ' + await response.text() \
     } catch (e) { return e.name + ': ' + e.message } }";

#[test]
fn an_allowed_get_sends_headers_and_reads_json() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET)
            .path("/api/user")
            .header("accept", "application/json")
            .header("x-token", "t0k3n");
        then.status(200)
            .header("content-type", "application/json")
            .body(r#"{"name":"Ada","langs":["en","fr"]}"#);
    });
    let source = "module.exports = async (url) => { \
        const response = await fetch(url, { headers: { Accept: 'application/json', 'X-Token': 't0k3n' } }); \
        const user = await response.json(); \
        return [response.status, response.ok, response.headers.get('Content-Type'), user.name, user.langs.length].join(' ') }";
    let output = run(source, &server.url("/api/user"), &allowing(&["127.0.0.1"]));
    assert_eq!(output.expect("fetched"), "200 true application/json Ada 2");
    mock.assert();
}

#[test]
fn an_allowed_post_sends_its_body_through_http_request() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(POST)
            .path("/echo")
            .header("content-type", "text/plain")
            .body("hello from the sandbox");
        then.status(201).header("x-id", "42").body("created");
    });
    let source = "module.exports = (url) => { \
        const reply = Http.request({ url, method: 'POST', headers: { 'Content-Type': 'text/plain' } }, \
                                   'hello from the sandbox'); \
        return [reply.status_code, reply.body, reply.headers['x-id']].join(' ') }";
    let output = run(source, &server.url("/echo"), &allowing(&["127.0.0.1"]));
    assert_eq!(output.expect("posted"), "201 created 42");
    mock.assert();
}

#[test]
fn without_allowed_hosts_every_request_is_refused_and_says_how_to_allow_it() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.any_request();
        then.status(200).body("should never be served");
    });
    let refused = run(FETCH_TEXT, &server.url("/"), &Network::default()).expect("runs");
    assert_eq!(
        refused,
        "TypeError: fetch failed: network access to 127.0.0.1 is not allowed \
         (run with --allow-host 127.0.0.1)"
    );
    let http =
        "module.exports = (url) => { try { Http.request(url) } catch (e) { return e.message } }";
    let refused = run(http, &server.url("/"), &Network::default()).expect("runs");
    assert!(refused.starts_with("Http.request failed: network access to 127.0.0.1 is not allowed"));
    mock.assert_calls(0);
}

#[test]
fn hosts_and_ports_outside_the_allowlist_are_refused() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.any_request();
        then.status(200).body("ok");
    });
    let url = server.url("/");
    let wrong_port = format!("127.0.0.1:{}", server.port().wrapping_add(1).max(1));
    for patterns in [
        &["127.0.0.2"][..],
        &["*.example.com"],
        &[wrong_port.as_str()],
        &["example.com"],
    ] {
        let refused = run(FETCH_TEXT, &url, &allowing(patterns)).expect("runs");
        assert!(
            refused.contains("is not allowed"),
            "{patterns:?}: {refused}"
        );
    }
    let with_port = format!("127.0.0.1:{}", server.port());
    assert_eq!(
        run(FETCH_TEXT, &url, &allowing(&[&with_port])).expect("runs"),
        "200 ok"
    );
    mock.assert_calls(1);
}

#[test]
fn a_wildcard_lets_names_under_its_domain_through_to_dns() {
    // `.invalid` never resolves (RFC 2606): a name that passes the allowlist fails at DNS,
    // one that does not is refused before any lookup.
    let network = allowing(&["*.invalid"]);
    let passed = run(FETCH_TEXT, "http://api.invalid/", &network).expect("runs");
    assert!(passed.contains("could not resolve api.invalid"), "{passed}");
    let refused = run(FETCH_TEXT, "http://invalid/", &network).expect("runs");
    assert!(
        refused.contains("network access to invalid is not allowed"),
        "{refused}"
    );
    let refused = run(FETCH_TEXT, "http://api.invalid.example/", &network).expect("runs");
    assert!(refused.contains("is not allowed"), "{refused}");
}

#[test]
fn a_name_that_resolves_to_a_private_address_needs_that_address_allowed() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.any_request();
        then.status(200).body("ok");
    });
    let url = format!("http://localhost:{}/", server.port());
    let refused = run(FETCH_TEXT, &url, &allowing(&["localhost"])).expect("runs");
    assert!(
        refused.contains("localhost is at 127.0.0.1, a loopback, private or reserved address")
            && refused.contains("--allow-host 127.0.0.1"),
        "{refused}"
    );
    let output = run(FETCH_TEXT, &url, &allowing(&["localhost", "127.0.0.1"]));
    assert_eq!(output.expect("runs"), "200 ok");
    mock.assert_calls(1);
}

#[test]
fn redirects_are_followed_only_to_allowed_hosts() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/inside");
        then.status(302).header("location", "/final");
    });
    server.mock(|when, then| {
        when.path("/final");
        then.status(200).body("arrived");
    });
    server.mock(|when, then| {
        when.path("/outside");
        then.status(301)
            .header("location", "http://evil.example/steal");
    });
    let network = allowing(&["127.0.0.1"]);
    let source = "module.exports = async (url) => { try { const r = await fetch(url); \
        return [r.status, r.redirected, r.url.replace(/:\\d+/, ':PORT'), await r.text()].join(' ') \
        } catch (e) { return e.message } }";
    assert_eq!(
        run(source, &server.url("/inside"), &network).expect("runs"),
        "200 true http://127.0.0.1:PORT/final arrived"
    );
    let refused = run(source, &server.url("/outside"), &network).expect("runs");
    assert!(
        refused.contains("to http://evil.example/steal was refused: network access to evil.example is not allowed"),
        "{refused}"
    );
}

#[test]
fn a_response_over_the_size_cap_is_refused() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/big");
        then.status(200).body("x".repeat(4096));
    });
    let network = Network {
        max_response_body: 1024,
        ..allowing(&["127.0.0.1"])
    };
    let refused = run(FETCH_TEXT, &server.url("/big"), &network).expect("runs");
    assert!(
        refused.ends_with("is larger than the 1024-byte limit"),
        "{refused}"
    );
}

#[test]
fn a_slow_server_hits_the_request_timeout_and_the_call_deadline() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/slow");
        then.status(200).body("late").delay(Duration::from_secs(3));
    });
    let network = Network {
        request_timeout: Duration::from_millis(300),
        ..allowing(&["127.0.0.1"])
    };
    let started = Instant::now();
    let refused = run(FETCH_TEXT, &server.url("/slow"), &network).expect("runs");
    assert!(refused.contains("timed out"), "{refused}");
    assert!(started.elapsed() < Duration::from_secs(2));

    // The time a request takes counts against the call's deadline.
    let limits = Limits {
        timeout: Duration::from_millis(500),
        ..Limits::default()
    };
    let network = allowing(&["127.0.0.1"]);
    let mut function = sandbox()
        .load_with_network(FETCH_TEXT, &limits, &network)
        .expect("registers");
    let started = Instant::now();
    let outcome = function.invoke(&server.url("/slow"));
    assert!(
        matches!(outcome, Err(RunError::Timeout { .. })),
        "{outcome:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn requests_per_call_are_capped() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.path("/n");
        then.status(200).body("ok");
    });
    let network = Network {
        max_requests: 3,
        ..allowing(&["127.0.0.1"])
    };
    let source = "module.exports = async (url) => { const seen = []; \
        for (let i = 0; i < 5; i++) { try { await fetch(url); seen.push('ok') } \
        catch (e) { seen.push(e.message) } } return seen.join('\\n') }";
    let mut function = sandbox()
        .load_with_network(source, &Limits::default(), &network)
        .expect("registers");
    let lines = function.invoke(&server.url("/n")).expect("runs").output;
    let lines: Vec<&str> = lines.lines().collect();
    assert_eq!(lines[..3], ["ok", "ok", "ok"]);
    assert!(lines[3].contains("already made 3 requests"), "{}", lines[3]);
    // The count is per call: the next call may make three again.
    assert!(
        function
            .invoke(&server.url("/n"))
            .expect("runs")
            .output
            .starts_with("ok\nok\nok\n")
    );
    mock.assert_calls(6);
}

#[test]
fn other_schemes_and_host_headers_are_refused() {
    let network = allowing(&["127.0.0.1", "example.com"]);
    let refused = run(FETCH_TEXT, "file:///etc/passwd", &network).expect("runs");
    assert!(
        refused.contains("only http and https URLs can be fetched, not file:"),
        "{refused}"
    );
    let source = "module.exports = async () => { try { await fetch('http://127.0.0.1:9/', \
        { headers: { Host: 'example.com' } }) } catch (e) { return e.message } }";
    let refused = run(source, "", &network).expect("runs");
    assert!(
        refused.contains("the host header is set by the host"),
        "{refused}"
    );
}

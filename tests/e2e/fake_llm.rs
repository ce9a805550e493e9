//! A small fake OpenAI-compatible server for end-to-end runs: it listens on a free loopback
//! port, answers `POST /v1/chat/completions` with scripted replies in order (the last one
//! repeats), and records every request so tests can count them and inspect what was sent.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::{TcpListener, TcpStream},
    sync::{Arc, Mutex},
    thread,
};

/// One scripted answer: an HTTP status and a body.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub body: String,
}

impl Reply {
    /// A 200 chat completion whose message content is `content`.
    pub fn content(content: &str) -> Reply {
        let body = serde_json::json!({
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "model": "fake-model",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        });
        Reply {
            status: 200,
            body: body.to_string(),
        }
    }

    /// An error status with an OpenAI-style error body.
    pub fn error(status: u16, message: &str) -> Reply {
        let body = serde_json::json!({"error": {"message": message, "type": "fake"}});
        Reply {
            status,
            body: body.to_string(),
        }
    }
}

/// A request the fake received.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub path: String,
    pub authorization: Option<String>,
    pub body: serde_json::Value,
}

/// The running fake; it stops when the test process ends.
pub struct FakeLlm {
    /// The base URL to give funcbox (`http://127.0.0.1:PORT/v1`).
    pub base_url: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
}

impl FakeLlm {
    /// Starts a fake that answers with `replies` in order, repeating the last one.
    pub fn start(replies: Vec<Reply>) -> FakeLlm {
        assert!(!replies.is_empty(), "the fake needs at least one reply");
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding a loopback port");
        let port = listener.local_addr().expect("local address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let recorded = Arc::clone(&requests);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let index = recorded.lock().map(|r| r.len()).unwrap_or(0);
                let reply = replies[index.min(replies.len() - 1)].clone();
                if let Some(request) = serve(stream, &reply)
                    && let Ok(mut all) = recorded.lock()
                {
                    all.push(request);
                }
            }
        });
        FakeLlm {
            base_url: format!("http://127.0.0.1:{port}/v1"),
            requests,
        }
    }

    /// The requests received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

/// Reads one HTTP/1.1 request and writes `reply`; returns what was asked.
fn serve(stream: TcpStream, reply: &Reply) -> Option<Recorded> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).ok()?;
    let path = request_line.split_whitespace().nth(1)?.to_owned();
    let mut length = 0;
    let mut authorization = None;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = value.trim().parse().ok()?,
            "authorization" => authorization = Some(value.trim().to_owned()),
            _ => {}
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let body = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
    let response = format!(
        "HTTP/1.1 {} Fake\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{}",
        reply.status,
        reply.body.len(),
        reply.body
    );
    let mut stream = stream;
    stream.write_all(response.as_bytes()).ok()?;
    Some(Recorded {
        path,
        authorization,
        body,
    })
}

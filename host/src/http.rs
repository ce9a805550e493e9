//! What every HTTP client in funcbox (the model's API, functions' `fetch`) shares.

/// reqwest is built with `rustls-no-provider` so that it does not compile aws-lc (a large C
/// library); it then panics when a client is built unless a process-wide crypto provider is
/// installed. An error means one is installed already, which serves as well.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// The last error in `error`'s chain: reqwest's own message ("error sending request for url
/// (...)") says less than the cause at the bottom ("invalid peer certificate: UnknownIssuer").
pub fn innermost_message(error: &dyn std::error::Error) -> String {
    let mut last = error;
    while let Some(next) = last.source() {
        last = next;
    }
    last.to_string()
}

//! TLS set-up shared by every HTTP client in funcbox.

/// reqwest is built with `rustls-no-provider` so that it does not compile aws-lc (a large C
/// library); it then panics when a client is built unless a process-wide crypto provider is
/// installed. An error means one is installed already, which serves as well.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

//! The guest's end of network access: one native function, `httpExchange(json) -> json`, that
//! hands a request to the host's `http_request` import and returns its reply. Whether the
//! request is made at all is the host's decision (its allowlist); `prelude/http.js` builds
//! `fetch` and `Http.request` on top.

use boa_engine::{
    Context, JsResult, JsString, JsValue, NativeFunction, js_string, object::FunctionObjectBuilder,
};

#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = "funcbox")]
unsafe extern "C" {
    /// `funcbox_abi::IMPORT_HTTP_REQUEST`.
    fn http_request(ptr: *const u8, len: u32) -> u32;
    /// `funcbox_abi::IMPORT_HTTP_REPLY`.
    fn http_reply(ptr: *mut u8);
}

/// Sends a JSON request to the host and returns its JSON reply.
#[cfg(target_arch = "wasm32")]
fn exchange(request: &str) -> String {
    let Ok(len) = u32::try_from(request.len()) else {
        return r#"{"error":"the request is too large"}"#.to_owned();
    };
    // Safety: the host reads `len` bytes at `ptr`, which `request` owns for the whole call.
    let reply_len = unsafe { http_request(request.as_ptr(), len) };
    let mut reply = vec![0u8; reply_len as usize];
    // Safety: the host writes exactly the `reply_len` bytes it announced into this buffer.
    unsafe { http_reply(reply.as_mut_ptr()) };
    String::from_utf8(reply)
        .unwrap_or_else(|_| r#"{"error":"the host's reply is not UTF-8"}"#.to_owned())
}

/// Natively (unit tests) there is no host to ask.
#[cfg(not(target_arch = "wasm32"))]
fn exchange(_request: &str) -> String {
    r#"{"error":"there is no network outside the sandbox"}"#.to_owned()
}

fn http_exchange(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let request = args
        .first()
        .cloned()
        .unwrap_or_default()
        .to_string(context)?
        .to_std_string_lossy();
    Ok(JsString::from(exchange(&request).as_str()).into())
}

/// The native the HTTP prelude is given.
pub fn natives(context: &mut Context) -> JsResult<Vec<(&'static str, JsValue)>> {
    let function =
        FunctionObjectBuilder::new(context.realm(), NativeFunction::from_fn_ptr(http_exchange))
            .name(js_string!("httpExchange"))
            .length(1)
            .build();
    Ok(vec![("httpExchange", function.into())])
}

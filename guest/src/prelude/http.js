// fetch() and Http.request() over the host's HTTP import (http.rs). The host decides whether a
// request is made at all: without --allow-host every call fails with its message naming the
// host and the flag. Requests are synchronous underneath; fetch returns a settled promise, so
// `await fetch(...)` works as in node. Evaluated on first use (see lazy.rs).
(natives) => {
  'use strict';
  const exchange = natives.httpExchange;

  const send = (request) => JSON.parse(exchange(JSON.stringify(request)));

  // Header pairs from a plain object, an array of pairs, a Headers-like object or nothing.
  const headerPairs = (headers) => {
    if (headers == null) return [];
    if (Array.isArray(headers)) return headers.map(([name, value]) => [String(name), String(value)]);
    if (typeof headers.forEach === 'function' && typeof headers.get === 'function') {
      const pairs = [];
      headers.forEach((value, name) => pairs.push([String(name), String(value)]));
      return pairs;
    }
    return Object.keys(headers).map((name) => [name, String(headers[name])]);
  };

  const hasHeader = (pairs, wanted) => pairs.some(([name]) => name.toLowerCase() === wanted);

  // A body as text; URLSearchParams also sets the form content type, as in node.
  const bodyText = (body, pairs) => {
    if (body == null) return null;
    if (typeof body === 'string') return body;
    if (typeof URLSearchParams === 'function' && body instanceof URLSearchParams) {
      if (!hasHeader(pairs, 'content-type')) {
        pairs.push(['content-type', 'application/x-www-form-urlencoded;charset=UTF-8']);
      }
      return String(body);
    }
    if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return new TextDecoder().decode(body);
    return String(body);
  };

  const urlText = (input) => {
    if (typeof input === 'string') return input;
    if (input != null && typeof input.href === 'string') return input.href;
    if (input != null && typeof input.url === 'string') return input.url;
    return String(input);
  };

  class Headers {
    #pairs;
    constructor(init) {
      this.#pairs = headerPairs(init).map(([name, value]) => [name.toLowerCase(), value]);
    }
    get(name) {
      const wanted = String(name).toLowerCase();
      const values = this.#pairs.filter(([key]) => key === wanted).map(([, value]) => value);
      return values.length === 0 ? null : values.join(', ');
    }
    has(name) {
      return hasHeader(this.#pairs, String(name).toLowerCase());
    }
    forEach(callback, thisArg) {
      for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
    }
    *entries() {
      const names = [...new Set(this.#pairs.map(([name]) => name))].sort();
      for (const name of names) yield [name, this.get(name)];
    }
    *keys() {
      for (const [name] of this.entries()) yield name;
    }
    *values() {
      for (const [, value] of this.entries()) yield value;
    }
    [Symbol.iterator]() {
      return this.entries();
    }
    get [Symbol.toStringTag]() {
      return 'Headers';
    }
  }

  class Response {
    #body;
    #used = false;
    constructor(reply) {
      this.status = reply.status;
      this.statusText = reply.statusText;
      this.ok = reply.status >= 200 && reply.status <= 299;
      this.url = reply.url;
      this.redirected = false;
      this.headers = new Headers(reply.headers);
      this.#body = reply.body;
    }
    get bodyUsed() {
      return this.#used;
    }
    #take() {
      if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
      this.#used = true;
      return this.#body;
    }
    text() {
      try {
        return Promise.resolve(this.#take());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    json() {
      return this.text().then((text) => JSON.parse(text));
    }
    get [Symbol.toStringTag]() {
      return 'Response';
    }
  }

  function fetch(input, init = {}) {
    try {
      const options = init ?? {};
      const headers = headerPairs(options.headers);
      const body = bodyText(options.body, headers);
      const reply = send({
        url: urlText(input),
        method: options.method == null ? 'GET' : String(options.method),
        headers,
        body,
      });
      if (reply.error !== undefined) {
        return Promise.reject(new TypeError(`fetch failed: ${reply.error}`));
      }
      const response = new Response(reply);
      response.redirected = reply.url !== new URL(urlText(input)).href;
      return Promise.resolve(response);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  // The original funcbox API: synchronous, `{status_code, body, headers}`.
  const Http = Object.freeze({
    request(options, body) {
      const request = typeof options === 'string' ? { url: options } : options ?? {};
      const headers = headerPairs(request.headers);
      const reply = send({
        url: urlText(request.url),
        method: request.method == null ? 'GET' : String(request.method),
        headers,
        body: bodyText(body, headers),
      });
      if (reply.error !== undefined) throw new Error(`Http.request failed: ${reply.error}`);
      return {
        status_code: reply.status,
        body: reply.body,
        headers: Object.fromEntries(new Headers(reply.headers).entries()),
      };
    },
  });

  return { fetch, Http };
}

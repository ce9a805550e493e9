// URLSearchParams as the WHATWG URL standard defines it, and URL.prototype.searchParams on top
// of boa_runtime's URL (which has no searchParams). Evaluated on first use (see lazy.rs): called
// with boa_runtime's classes, it returns URLSearchParams and the url.searchParams getter.
(natives) => {
  'use strict';
  const lists = new WeakMap();
  const owners = new WeakMap();
  const encoder = new natives.TextEncoder();
  const decoder = new natives.TextDecoder();
  const UNRESERVED = /[A-Za-z0-9*\-._]/;

  // A USVString: lone surrogates become U+FFFD, as WebIDL converts them.
  const usv = (value) => String(value).toWellFormed();

  const percentDecode = (text) => {
    const bytes = encoder.encode(text.replaceAll('+', ' '));
    const out = new Uint8Array(bytes.length);
    let length = 0;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (byte === 0x25 && i + 2 < bytes.length) {
        const hex = String.fromCharCode(bytes[i + 1], bytes[i + 2]);
        if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
          out[length++] = parseInt(hex, 16);
          i += 2;
          continue;
        }
      }
      out[length++] = byte;
    }
    return decoder.decode(out.subarray(0, length));
  };

  const parse = (query) => {
    const list = [];
    for (const piece of query.split('&')) {
      if (piece === '') continue;
      const at = piece.indexOf('=');
      const name = at === -1 ? piece : piece.slice(0, at);
      const value = at === -1 ? '' : piece.slice(at + 1);
      list.push([percentDecode(name), percentDecode(value)]);
    }
    return list;
  };

  const percentEncode = (text) => {
    let out = '';
    for (const byte of encoder.encode(text)) {
      const char = String.fromCharCode(byte);
      if (byte === 0x20) out += '+';
      else if (byte < 0x80 && UNRESERVED.test(char)) out += char;
      else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    }
    return out;
  };

  const serialize = (list) =>
    list.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');

  const listOf = (params) => {
    const list = lists.get(params);
    if (list === undefined) throw new TypeError('Illegal invocation: not a URLSearchParams');
    return list;
  };

  // Writes a change back into the URL this object belongs to, like url.searchParams does.
  const update = (params) => {
    const url = owners.get(params);
    if (url === undefined) return;
    const query = serialize(listOf(params));
    url.search = query === '' ? '' : '?' + query;
  };

  class URLSearchParams {
    constructor(init = '') {
      let list;
      if (init instanceof URLSearchParams) {
        list = listOf(init).map(([name, value]) => [name, value]);
      } else if (init !== null && (typeof init === 'object' || typeof init === 'function')) {
        list = [];
        if (typeof init[Symbol.iterator] === 'function') {
          for (const pair of init) {
            const entry = [...pair];
            if (entry.length !== 2) {
              throw new TypeError('Each query pair must be an iterable [name, value] tuple');
            }
            list.push([usv(entry[0]), usv(entry[1])]);
          }
        } else {
          for (const key of Reflect.ownKeys(init)) {
            const descriptor = Reflect.getOwnPropertyDescriptor(init, key);
            if (typeof key === 'string' && descriptor !== undefined && descriptor.enumerable) {
              list.push([usv(key), usv(init[key])]);
            }
          }
        }
      } else {
        const query = usv(init);
        list = parse(query.startsWith('?') ? query.slice(1) : query);
      }
      lists.set(this, list);
    }

    get size() {
      return listOf(this).length;
    }

    append(name, value) {
      listOf(this).push([usv(name), usv(value)]);
      update(this);
    }

    delete(name, value) {
      const list = listOf(this);
      name = usv(name);
      const keep = value === undefined
        ? list.filter(([key]) => key !== name)
        : list.filter(([key, current]) => key !== name || current !== usv(value));
      list.splice(0, list.length, ...keep);
      update(this);
    }

    get(name) {
      name = usv(name);
      const found = listOf(this).find(([key]) => key === name);
      return found === undefined ? null : found[1];
    }

    getAll(name) {
      name = usv(name);
      return listOf(this).filter(([key]) => key === name).map(([, value]) => value);
    }

    has(name, value) {
      name = usv(name);
      return listOf(this).some(([key, current]) =>
        key === name && (value === undefined || current === usv(value)));
    }

    set(name, value) {
      const list = listOf(this);
      name = usv(name);
      value = usv(value);
      const first = list.findIndex(([key]) => key === name);
      if (first === -1) {
        list.push([name, value]);
      } else {
        list[first][1] = value;
        const keep = list.filter(([key], index) => key !== name || index === first);
        list.splice(0, list.length, ...keep);
      }
      update(this);
    }

    sort() {
      // Array.prototype.sort is stable and compares code units, which is what the standard asks.
      listOf(this).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      update(this);
    }

    forEach(callback, thisArg = undefined) {
      if (typeof callback !== 'function') throw new TypeError('The callback must be a function');
      for (const [name, value] of listOf(this)) callback.call(thisArg, value, name, this);
    }

    *entries() {
      const list = listOf(this);
      for (let i = 0; i < list.length; i++) yield [list[i][0], list[i][1]];
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

    toString() {
      return serialize(listOf(this));
    }

    get [Symbol.toStringTag]() {
      return 'URLSearchParams';
    }
  }

  // One params object per URL, kept in step with url.search in both directions.
  const paramsOf = new WeakMap();
  function searchParamsOf(url) {
    if (!(url instanceof natives.URL)) throw new TypeError('Illegal invocation: not a URL');
    const search = url.search;
    let cached = paramsOf.get(url);
    if (cached === undefined) {
      const params = new URLSearchParams(search);
      owners.set(params, url);
      cached = { params, search };
      paramsOf.set(url, cached);
    } else if (cached.search !== search) {
      const list = listOf(cached.params);
      list.splice(0, list.length, ...parse(search.replace(/^\?/, '')));
      cached.search = search;
    }
    return cached.params;
  }

  return { URLSearchParams, searchParamsOf };
}

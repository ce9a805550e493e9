// TextDecoder for the single-byte labels the Encoding standard maps to windows-1252 ("latin1",
// "ascii", "iso-8859-1", ...), which boa_runtime's decoder (UTF-8 and UTF-16 only) refuses.
// Everything else goes to boa_runtime's decoder unchanged. Evaluated on first use (see
// lazy.rs): called with boa_runtime's TextDecoder, it returns the one to define.
(natives) => {
  'use strict';
  const Native = natives.TextDecoder;

  const WINDOWS_1252_LABELS = new Set([
    'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
    'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1',
    'us-ascii', 'windows-1252', 'x-cp1252',
  ]);
  // Bytes 0x80-0x9F; the five the index leaves undefined decode to the C1 control of that value.
  const HIGH = [
    0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
    0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
    0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
  ];
  const inner = new WeakMap();

  const bytesOf = (input) => {
    if (input === undefined) return new Uint8Array(0);
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    if (input instanceof ArrayBuffer) return new Uint8Array(input);
    throw new TypeError('The "input" argument must be an ArrayBuffer or an ArrayBufferView');
  };

  const decodeWindows1252 = (bytes) => {
    const CHUNK = 8192;
    let out = '';
    for (let start = 0; start < bytes.length; start += CHUNK) {
      const end = Math.min(start + CHUNK, bytes.length);
      const codes = new Array(end - start);
      for (let i = start; i < end; i++) {
        const byte = bytes[i];
        codes[i - start] = byte >= 0x80 && byte < 0xa0 ? HIGH[byte - 0x80] : byte;
      }
      out += String.fromCharCode.apply(null, codes);
    }
    return out;
  };

  // The Encoding standard's UTF-8 decoder, in validation form: true when `bytes` is well-formed.
  const isUtf8 = (bytes) => {
    let i = 0;
    while (i < bytes.length) {
      const byte = bytes[i];
      if (byte < 0x80) { i += 1; continue; }
      let needed;
      let lower = 0x80;
      let upper = 0xbf;
      if (byte >= 0xc2 && byte <= 0xdf) needed = 1;
      else if (byte >= 0xe0 && byte <= 0xef) {
        needed = 2;
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        needed = 3;
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
      } else return false;
      for (let k = 1; k <= needed; k++) {
        const next = bytes[i + k];
        if (next === undefined || next < (k === 1 ? lower : 0x80) || next > (k === 1 ? upper : 0xbf)) return false;
      }
      i += needed + 1;
    }
    return true;
  };

  class TextDecoder {
    constructor(label = 'utf-8', options = {}) {
      const name = String(label).trim().toLowerCase();
      const settings = options ?? {};
      const fatal = Boolean(settings.fatal);
      const ignoreBOM = Boolean(settings.ignoreBOM);
      inner.set(this, WINDOWS_1252_LABELS.has(name)
        ? { single: true, fatal, ignoreBOM }
        : { single: false, fatal, ignoreBOM, native: new Native(label, options) });
    }

    get encoding() {
      const state = inner.get(this);
      return state.single ? 'windows-1252' : state.native.encoding;
    }

    get fatal() {
      return inner.get(this).fatal;
    }

    get ignoreBOM() {
      return inner.get(this).ignoreBOM;
    }

    decode(input = undefined, options = undefined) {
      const state = inner.get(this);
      if (state === undefined) throw new TypeError('Illegal invocation: not a TextDecoder');
      if (state.single) return decodeWindows1252(bytesOf(input));
      // boa_runtime's decoder always replaces bad sequences; `fatal` is checked here.
      if (state.fatal && state.native.encoding === 'utf-8' && !isUtf8(bytesOf(input))) {
        throw new TypeError('The encoded data was not valid for encoding utf-8');
      }
      return state.native.decode(input, options);
    }

    get [Symbol.toStringTag]() {
      return 'TextDecoder';
    }
  }

  return { TextDecoder };
}

// description: base64-encode the whole input (as UTF-8), decode it back, check the round trip is lossless, and print the sizes and an FNV-1a checksum of the base64 text
// repeat: 100
module.exports = function (input) {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  // Encode: bytes -> binary string (in chunks to avoid call stack limits) -> base64
  const bytes = encoder.encode(input);
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK));
  }
  const b64 = btoa(binary);

  // Decode: base64 -> binary string -> bytes -> text
  const decodedBinary = atob(b64);
  const decodedBytes = new Uint8Array(decodedBinary.length);
  for (let i = 0; i < decodedBinary.length; i++) {
    decodedBytes[i] = decodedBinary.charCodeAt(i);
  }
  const text = decoder.decode(decodedBytes);

  // FNV-1a 32-bit over the base64 string
  let hash = 0x811c9dc5;
  for (let i = 0; i < b64.length; i++) {
    hash ^= b64.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }

  return [
    `input characters: ${input.length}`,
    `utf-8 bytes: ${bytes.length}`,
    `base64 length: ${b64.length}`,
    `padding: ${(b64.match(/=+$/) || [''])[0].length}`,
    `round trip ok: ${text === input}`,
    `decoded bytes: ${decodedBytes.length}`,
    `fnv1a(base64): ${(hash >>> 0).toString(16).padStart(8, '0')}`,
    `base64 head: ${b64.slice(0, 40)}`,
    `base64 tail: ${b64.slice(-40)}`,
  ].join('\n');
};

// description: compute the CRC-32 checksum of the input (as UTF-8 bytes) and print it in hex, along with the byte count and a 32-bit big-endian/little-endian view of the first bytes
function makeCrcTable() {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
}

const CRC_TABLE = makeCrcTable();

function crc32(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function adler32(bytes) {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

module.exports = function (input) {
  const bytes = new TextEncoder().encode(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hex = (n) => n.toString(16).padStart(8, '0');

  const out = [
    `bytes: ${bytes.length}`,
    `crc32: ${hex(crc32(bytes))}`,
    `adler32: ${hex(adler32(bytes))}`,
    `first u32 big-endian: 0x${hex(view.getUint32(0))}`,
    `first u32 little-endian: 0x${hex(view.getUint32(0, true))}`,
    `first i16 at offset 5: ${view.getInt16(5)}`,
    `float64 of first 8 bytes: ${view.getFloat64(0)}`,
  ];

  // Checksum of each line too.
  for (const line of input.split('\n').filter(Boolean)) {
    out.push(`${hex(crc32(new TextEncoder().encode(line)))}  ${line}`);
  }

  const words = new Uint32Array(bytes.buffer.slice(0, bytes.length - (bytes.length % 4)));
  let xor = 0;
  for (const w of words) xor ^= w;
  out.push(`xor of u32 words: ${hex(xor >>> 0)} (${words.length} words)`);
  out.push(`Uint8Array sum: ${bytes.reduce((a, b) => a + b, 0)}`);
  out.push(`clamped: ${Array.from(Uint8ClampedArray.from([-5, 127.5, 300, 254.5]))}`);
  out.push(`Int8 wrap: ${Array.from(Int8Array.from([127, 128, 255, 256]))}`);
  return out.join('\n');
};

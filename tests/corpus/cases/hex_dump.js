// description: print a hex dump of the input's UTF-8 bytes, 16 bytes per line, with the offset on the left and the printable ASCII on the right like xxd
module.exports = function hexDump(input) {
  const bytes = new TextEncoder().encode(input);
  const lines = [];

  for (let offset = 0; offset < bytes.length; offset += 16) {
    const chunk = bytes.subarray(offset, offset + 16);
    const hex = Array.from(chunk, (b) => b.toString(16).padStart(2, '0'));
    const groups = [];
    for (let i = 0; i < hex.length; i += 2) {
      groups.push(hex.slice(i, i + 2).join(''));
    }
    const ascii = Array.from(chunk, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}: ${groups.join(' ').padEnd(39, ' ')}  ${ascii}`);
  }

  return lines.join('\n');
};

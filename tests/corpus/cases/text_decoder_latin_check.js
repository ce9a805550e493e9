// description: for each line, say whether it is plain ASCII, fits in Latin-1, or needs full Unicode, and show the mojibake you would get if its UTF-8 bytes were wrongly decoded as Latin-1
module.exports = function (input) {
  const encoder = new TextEncoder();
  const latin1 = new TextDecoder('latin1');
  const utf8 = new TextDecoder('utf-8', { fatal: true });

  const classify = (line) => {
    let max = 0;
    for (const ch of line) max = Math.max(max, ch.codePointAt(0));
    if (max < 0x80) return 'ASCII';
    if (max <= 0xff) return 'Latin-1';
    return 'Unicode';
  };

  const out = [];
  for (const line of input.split('\n')) {
    if (line === '') continue;
    const bytes = encoder.encode(line);
    const garbled = latin1.decode(bytes);
    const roundTrip = utf8.decode(bytes) === line;
    out.push(`[${classify(line)}] ${line}`);
    out.push(`  bytes=${bytes.length} mojibake=${garbled} roundtrip=${roundTrip}`);
  }
  out.push(`decoder encodings: ${latin1.encoding}, ${utf8.encoding} (fatal=${utf8.fatal})`);
  return out.join('\n');
};

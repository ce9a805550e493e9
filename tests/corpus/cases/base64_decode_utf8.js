// description: each line of the input is a base64 string of UTF-8 text; decode each one and print the original text
module.exports = function decodeBase64Lines(input) {
  const decoder = new TextDecoder('utf-8');
  const results = [];

  for (const rawLine of input.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    const binary = atob(line);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    results.push(decoder.decode(bytes));
  }

  return results.join('\n');
};

// description: apply ROT13 to the input text (letters only, keep case and everything else)
module.exports = function rot13(input) {
  return input.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
};

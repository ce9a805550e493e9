// The distinct e-mail addresses in the input, in order of first appearance, one per line.
module.exports = function extractEmails(text) {
  const found = text.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? [];
  return [...new Set(found)].join("\n");
};

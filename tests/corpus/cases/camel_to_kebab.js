// description: convert camelCase or PascalCase names (one per line) to kebab-case
const toKebab = (s) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();

module.exports = (input) =>
  input
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((name) => `${name} -> ${toKebab(name)}`)
    .join('\n');

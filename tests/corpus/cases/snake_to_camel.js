// description: convert snake_case identifiers (one per line) to camelCase
module.exports = function snakeToCamel(input) {
  return input
    .trim()
    .split(/\r?\n/)
    .map((id) => id.trim().toLowerCase().replace(/_+([a-z0-9])/g, (_, c) => c.toUpperCase()))
    .join('\n');
};

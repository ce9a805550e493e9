// Lists the top-level keys of a JSON object input, sorted, comma-separated.
module.exports = function jsonKeys(input) {
  return Object.keys(JSON.parse(input)).sort().join(",");
};

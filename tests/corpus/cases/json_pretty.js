// description: pretty-print the JSON input with 2-space indentation, or print "Invalid JSON" if it does not parse
module.exports = function (input) {
  try {
    return JSON.stringify(JSON.parse(input), null, 2);
  } catch {
    return 'Invalid JSON';
  }
};

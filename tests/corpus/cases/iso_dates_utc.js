// description: parse each date/time string in the input and print it as an ISO 8601 UTC timestamp, or "invalid" if it can't be parsed
module.exports = function (input) {
  return input
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const d = new Date(line.trim());
      return `${line.trim()} => ${isNaN(d.getTime()) ? 'invalid' : d.toISOString()}`;
    })
    .join('\n');
};

// description: parse a URL query string (with or without leading "?") into JSON, decoding %XX and "+" as space; repeated keys become arrays
module.exports = function parseQuery(input) {
  const qs = input.trim().replace(/^.*?\?/, '');
  const result = {};
  if (!qs) return '{}';
  for (const pair of qs.split('&')) {
    if (!pair) continue;
    const [rawKey, ...rest] = pair.split('=');
    const decode = (s) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const key = decode(rawKey);
    const value = decode(rest.join('='));
    if (Object.hasOwn(result, key)) {
      result[key] = [].concat(result[key], value);
    } else {
      result[key] = value;
    }
  }
  return JSON.stringify(result, null, 2);
};

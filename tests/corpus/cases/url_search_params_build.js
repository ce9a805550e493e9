// description: the input is a JSON object of search filters; build a URL query string from it (arrays become repeated keys, skip null/empty values) and print the full URL
module.exports = function buildQuery(input) {
  const filters = JSON.parse(input);
  const params = new URLSearchParams();

  for (const [key, value] of Object.entries(filters)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      value.forEach((v) => params.append(key, v));
    } else if (typeof value === 'object') {
      for (const [subKey, subValue] of Object.entries(value)) {
        params.append(`${key}[${subKey}]`, subValue);
      }
    } else {
      params.append(key, String(value));
    }
  }

  const url = new URL('https://api.example.com/v2/listings');
  url.search = params.toString();

  return [
    `query: ${params.toString()}`,
    `url: ${url.href}`,
    `decoded: ${decodeURIComponent(params.toString().replace(/\+/g, ' '))}`,
    `param count: ${[...params.keys()].length}`,
  ].join('\n');
};

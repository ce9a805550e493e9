// description: the first line is a JSON object of data, the rest is a template; replace {{name}} placeholders (dotted paths allowed, {{ name | upper }} filter) with the values, leaving unknown ones as they are
const FILTERS = {
  upper: (v) => String(v).toUpperCase(),
  lower: (v) => String(v).toLowerCase(),
  money: (v) => Number(v).toLocaleString('en-US', { style: 'currency', currency: 'USD' }),
  json: (v) => JSON.stringify(v),
};

const lookup = (data, path) => path.split('.').reduce((obj, key) => (obj == null ? undefined : obj[key]), data);

module.exports = function templateFill(input) {
  const newline = input.indexOf('\n');
  const data = JSON.parse(input.slice(0, newline));
  const template = input.slice(newline + 1);
  return template.replace(/\{\{\s*([\w.]+)\s*(?:\|\s*(\w+)\s*)?\}\}/g, (match, path, filter) => {
    let value = lookup(data, path);
    if (value === undefined) return match;
    if (filter) value = FILTERS[filter] ? FILTERS[filter](value) : value;
    if (Array.isArray(value)) return value.join(', ');
    return String(value);
  });
};

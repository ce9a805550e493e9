// description: list every key path in the JSON document (nested objects and arrays, dot notation), sorted
function collect(value, prefix, out) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, `${prefix}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.push(path);
      collect(child, path, out);
    }
  }
  return out;
}

module.exports = (input) => {
  const data = JSON.parse(input);
  return collect(data, '', []).sort().join('\n');
};

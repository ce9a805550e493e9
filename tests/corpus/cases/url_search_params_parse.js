// description: parse the query string in the input and list every parameter with its value(s), sorted by name; repeated keys should show all their values
module.exports = function (input) {
  const query = input.trim().replace(/^[^?]*\?/, '');
  const params = new URLSearchParams(query);

  const out = [];
  out.push(`raw pairs: ${[...params.entries()].length}`);
  for (const [key, value] of params) {
    out.push(`  ${JSON.stringify(key)} = ${JSON.stringify(value)}`);
  }

  const keys = [...new Set(params.keys())].sort();
  out.push(`distinct keys (${keys.length}):`);
  for (const key of keys) {
    const values = params.getAll(key);
    out.push(`  ${key}: ${values.length > 1 ? `[${values.join(', ')}]` : values[0]}`);
  }

  out.push(`has "debug": ${params.has('debug')}, get("missing"): ${params.get('missing')}`);
  params.sort();
  out.push(`sorted: ${params.toString()}`);
  params.delete('tag');
  params.set('page', '1');
  out.push(`updated: ${params}`);
  return out.join('\n');
};

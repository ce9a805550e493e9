// description: parse an INI file (sections, key = value, ; and # comments) and output it as pretty JSON
module.exports = function iniToJson(input) {
  const result = {};
  let current = result;
  for (const rawLine of input.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const section = line.match(/^\[(.+)\]$/);
    if (section) {
      current = result[section[1].trim()] = result[section[1].trim()] ?? {};
      continue;
    }
    const eq = line.indexOf('=');
    if (eq === -1) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (/^".*"$/.test(value) || /^'.*'$/.test(value)) {
      value = value.slice(1, -1);
    } else if (/^(true|false)$/i.test(value)) {
      value = value.toLowerCase() === 'true';
    } else if (value !== '' && !isNaN(value)) {
      value = Number(value);
    }
    current[key] = value;
  }
  return JSON.stringify(result, null, 2);
};

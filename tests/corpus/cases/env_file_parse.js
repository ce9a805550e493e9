// description: parse a .env file (KEY=value, optional "export", single/double quotes, # comments, escaped \n in double quotes) and print it as JSON
module.exports = (input) => {
  const env = {};
  const lines = input.split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = line.match(/^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/);
    if (!match) continue;
    let [, key, value] = match;
    if (value.startsWith('"')) {
      const end = value.lastIndexOf('"');
      value = value
        .slice(1, end > 0 ? end : undefined)
        .replace(/\\n/g, '\n')
        .replace(/\\t/g, '\t')
        .replace(/\\"/g, '"');
    } else if (value.startsWith("'")) {
      const end = value.lastIndexOf("'");
      value = value.slice(1, end > 0 ? end : undefined);
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    // variable expansion: ${VAR} or $VAR from previously defined keys
    if (!raw.includes("='")) {
      value = value.replace(/\$\{(\w+)\}|\$(\w+)/g, (m, a, b) => env[a ?? b] ?? '');
    }
    env[key] = value;
  }
  return JSON.stringify(env, null, 2);
};

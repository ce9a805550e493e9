// description: parse each URL in the input and print its protocol, host, pathname, query string and hash on separate lines
module.exports = function (input) {
  const blocks = [];
  for (const raw of input.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    try {
      const url = new URL(line);
      blocks.push(
        [
          `URL: ${url.href}`,
          `  protocol: ${url.protocol}`,
          `  host: ${url.host}`,
          `  hostname: ${url.hostname}`,
          `  port: ${url.port || '(default)'}`,
          `  pathname: ${url.pathname}`,
          `  search: ${url.search || '(none)'}`,
          `  hash: ${url.hash || '(none)'}`,
          `  origin: ${url.origin}`,
          url.username ? `  user: ${url.username}:${url.password}` : null,
        ]
          .filter(Boolean)
          .join('\n')
      );
    } catch (e) {
      blocks.push(`URL: ${line}\n  invalid URL`);
    }
  }
  return blocks.join('\n');
};

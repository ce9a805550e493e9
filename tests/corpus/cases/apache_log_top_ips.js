// description: from an Apache combined access log, print the top 5 client IPs by request count with their total bytes sent
const LINE_RE = /^(\S+) \S+ \S+ \[([^\]]+)\] "([^"]*)" (\d{3}) (\d+|-) "([^"]*)" "([^"]*)"$/;

module.exports = (input) => {
  const stats = {};
  for (const line of input.split('\n')) {
    const m = LINE_RE.exec(line);
    if (!m) continue;
    const [, ip, , , , size] = m;
    stats[ip] ??= { requests: 0, bytes: 0 };
    stats[ip].requests += 1;
    stats[ip].bytes += size === '-' ? 0 : parseInt(size, 10);
  }
  return Object.entries(stats)
    .sort((a, b) => b[1].requests - a[1].requests || b[1].bytes - a[1].bytes)
    .slice(0, 5)
    .map(([ip, { requests, bytes }], i) => `${i + 1}. ${ip.padEnd(16)} ${String(requests).padStart(3)} requests ${bytes.toLocaleString()} bytes`)
    .join('\n');
};

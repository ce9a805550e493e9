// description: for log lines like "<ISO time> [LEVEL] METHOD PATH status=NNN duration=Nms ...", print the counts per level and per status code, and the average duration
// repeat: 158
module.exports = function logStats(input) {
  const levels = new Map();
  const statuses = new Map();
  let durationTotal = 0;
  let requests = 0;
  let maxDuration = 0;
  const lineRe = /^\S+ \[(\w+)\] \S+ \S+ status=(\d{3}) duration=(\d+)ms/;
  for (const line of input.split('\n')) {
    const m = lineRe.exec(line);
    if (!m) continue;
    const [, level, status, duration] = m;
    levels.set(level, (levels.get(level) || 0) + 1);
    statuses.set(status, (statuses.get(status) || 0) + 1);
    const d = Number(duration);
    durationTotal += d;
    maxDuration = Math.max(maxDuration, d);
    requests++;
  }
  const fmt = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, v]) => `  ${k.padEnd(6)}${v.toLocaleString().padStart(8)}  ${((v / requests) * 100).toFixed(2)}%`)
      .join('\n');
  return [
    `requests: ${requests.toLocaleString()}`,
    'levels:',
    fmt(levels),
    'status codes:',
    fmt(statuses),
    `average duration: ${(durationTotal / requests).toFixed(1)}ms`,
    `max duration: ${maxDuration}ms`,
  ].join('\n');
};

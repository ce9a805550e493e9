// description: count log lines by level (DEBUG, INFO, WARN, ERROR, FATAL) and print a table with percentages
module.exports = function (input) {
  const levels = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
  const counts = Object.fromEntries(levels.map((l) => [l, 0]));
  let total = 0;
  for (const line of input.split('\n')) {
    const m = line.match(/\b(DEBUG|INFO|WARN(?:ING)?|ERROR|FATAL)\b/);
    if (!m) continue;
    const level = m[1] === 'WARNING' ? 'WARN' : m[1];
    counts[level]++;
    total++;
  }
  const rows = levels.map((level) => {
    const pct = total ? ((counts[level] / total) * 100).toFixed(1) : '0.0';
    return `${level.padEnd(6)} ${String(counts[level]).padStart(4)}  ${pct.padStart(5)}%`;
  });
  rows.push(`${'TOTAL'.padEnd(6)} ${String(total).padStart(4)}`);
  return rows.join('\n');
};

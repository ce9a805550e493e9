// description: log lines start with an ISO timestamp; count the ERROR lines per hour and print them chronologically as "YYYY-MM-DD HH:00  count"
module.exports = function errorsByHour(input) {
  const byHour = {};
  for (const line of input.split('\n')) {
    if (!line.includes('ERROR')) continue;
    const [timestamp] = line.split(' ');
    const date = new Date(timestamp);
    if (Number.isNaN(date.getTime())) continue;
    const key = date.toISOString().slice(0, 13).replace('T', ' ') + ':00';
    byHour[key] = (byHour[key] || 0) + 1;
  }
  const keys = Object.keys(byHour).sort();
  if (keys.length === 0) return 'no errors';
  const max = Math.max(...Object.values(byHour));
  return keys
    .map((k) => `${k}  ${String(byHour[k]).padStart(3)} ${'#'.repeat(Math.round((byHour[k] / max) * 20))}`)
    .join('\n');
};

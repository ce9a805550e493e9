// description: the input is JSON lines of events {"user": ..., "bytes": ...}; print the total bytes and event count per user, sorted by total descending
module.exports = (input) => {
  const totals = new Map();
  for (const line of input.split('\n')) {
    if (!line.trim()) continue;
    let event;
    try {
      event = JSON.parse(line);
    } catch {
      continue; // skip malformed lines
    }
    const entry = totals.get(event.user) ?? { bytes: 0, count: 0 };
    entry.bytes += Number(event.bytes) || 0;
    entry.count += 1;
    totals.set(event.user, entry);
  }
  return [...totals]
    .sort(([ua, a], [ub, b]) => b.bytes - a.bytes || ua.localeCompare(ub))
    .map(([user, { bytes, count }]) => `${user}\t${bytes}\t${count}`)
    .join('\n');
};

// description: the input is a log of events with ISO timestamps; print each event with a friendly date and time like "Mar 15, 2024, 10:30 AM" (UTC)
module.exports = function (input) {
  const fmt = new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  const timeOnly = new Intl.DateTimeFormat('en-US', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone: 'UTC',
  });

  const lines = [];
  for (const line of input.split('\n')) {
    if (!line.trim()) continue;
    const [ts, ...rest] = line.split(' ');
    const d = new Date(ts);
    lines.push(`${fmt.format(d)} (${timeOnly.format(d)} UTC) - ${rest.join(' ')}`);
  }
  return lines.join('\n');
};

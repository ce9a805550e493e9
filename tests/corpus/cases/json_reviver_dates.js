// description: the input is a JSON list of events with ISO date strings; parse it so the dates become Date objects, then print the events in chronological order with their ISO timestamp and the gap in hours from the previous event
module.exports = function (input) {
  const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

  const events = JSON.parse(input, (key, value) => {
    if (typeof value === 'string' && ISO_DATE.test(value)) {
      return new Date(value);
    }
    return value;
  });

  const sorted = [...events].sort((a, b) => a.when - b.when);
  const lines = [];
  let prev = null;
  for (const ev of sorted) {
    const gap = prev ? ` (+${((ev.when - prev.when) / 36e5).toFixed(2)}h)` : '';
    const extra = ev.meta && ev.meta.deadline instanceof Date ? ` deadline ${ev.meta.deadline.toISOString()}` : '';
    lines.push(`${ev.when.toISOString()} ${ev.title}${gap}${extra}`);
    prev = ev;
  }

  const span = sorted.at(-1).when - sorted[0].when;
  lines.push(`span: ${Math.floor(span / 864e5)} days`);
  lines.push(`non-date strings kept: ${events.filter((e) => typeof e.note === 'string').length}`);
  lines.push(`round-trip: ${JSON.stringify({ first: sorted[0].when })}`);
  return lines.join('\n');
};

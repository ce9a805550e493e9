// description: format the tab-separated input as an aligned plain-text table with a header separator; left-align text columns and right-align numeric columns
module.exports = function (input) {
  const rows = input
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => line.split('\t'));
  const [header, ...body] = rows;
  const colCount = header.length;

  const isNumeric = Array.from({ length: colCount }, (_, c) =>
    body.every((r) => r[c] === undefined || r[c] === '' || !isNaN(Number(r[c])))
  );
  const widths = Array.from({ length: colCount }, (_, c) =>
    Math.max(...rows.map((r) => (r[c] ?? '').length))
  );

  const fmtRow = (r) =>
    '| ' +
    widths
      .map((w, c) => {
        const cell = r[c] ?? '';
        return isNumeric[c] ? cell.padStart(w) : cell.padEnd(w);
      })
      .join(' | ') +
    ' |';

  const sep = '|' + widths.map((w, c) => (isNumeric[c] ? '-'.repeat(w + 1) + ':' : ':' + '-'.repeat(w + 1))).join('|') + '|';

  return [fmtRow(header), sep, ...body.map(fmtRow)].join('\n');
};

// description: sort the file names in the input in natural order, so file2 comes before file10 and case is ignored
module.exports = function (input) {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const files = input.split('\n').filter(Boolean);
  files.sort(collator.compare);

  const out = files.map((f, i) => `${String(i + 1).padStart(2)}. ${f}`);
  const dupes = files.filter((f, i) => i > 0 && collator.compare(f, files[i - 1]) === 0);
  out.push(`equal under collation: ${dupes.length ? dupes.join(', ') : 'none'}`);
  return out.join('\n');
};

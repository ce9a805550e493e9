// description: find all dates written as YYYY-MM-DD in the text and rewrite them as DD/MM/YYYY, then list the dates found
module.exports = (input) => {
  const re = /(?<year>\d{4})-(?<month>0[1-9]|1[0-2])-(?<day>0[1-9]|[12]\d|3[01])/g;
  const found = [];
  const rewritten = input.replace(re, (...args) => {
    const { year, month, day } = args.at(-1);
    found.push(`${year}-${month}-${day}`);
    return `${day}/${month}/${year}`;
  });
  const list = [...input.matchAll(re)].map((m) => `  ${m.index}: ${m.groups.day}.${m.groups.month}.${m.groups.year}`);
  return `${rewritten.trimEnd()}\n---\nFound ${found.length} date(s):\n${list.join('\n')}`;
};

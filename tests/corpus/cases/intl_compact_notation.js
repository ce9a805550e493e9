// description: given a list of accounts with follower counts, print each count in short compact form like 1.2K or 3.4M, and also the long form
module.exports = function formatFollowers(input) {
  const short = new Intl.NumberFormat('en-US', { notation: 'compact' });
  const long = new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long' });
  const oneDecimal = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

  return input
    .trim()
    .split('\n')
    .map((line) => {
      const [handle, count] = line.split(/\s+/);
      const n = Number(count);
      return `${handle}: ${short.format(n)} | ${oneDecimal.format(n)} | ${long.format(n)}`;
    })
    .join('\n');
};

// description: find all http(s) URLs in the text and count how many times each domain appears (ignore "www."), most common first
module.exports = (input) => {
  const urls = input.match(/https?:\/\/[^\s"'<>)\]]+/g) ?? [];
  const counts = urls.reduce((acc, url) => {
    let host;
    try {
      host = new URL(url).hostname;
    } catch {
      return acc;
    }
    host = host.replace(/^www\./, '');
    acc.set(host, (acc.get(host) ?? 0) + 1);
    return acc;
  }, new Map());
  return Array.from(counts, ([domain, count]) => ({ domain, count }))
    .sort((a, b) => b.count - a.count || a.domain.localeCompare(b.domain))
    .map(({ domain, count }) => `${count}\t${domain}`)
    .join('\n');
};

// description: count the unique e-mail addresses (case-insensitive) in the text and show the 5 most frequent domains
// repeat: 65
module.exports = (input) => {
  const emails = input.match(/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi) ?? [];
  const unique = new Set(emails.map((e) => e.toLowerCase()));
  const domains = {};
  for (const email of unique) {
    const domain = email.split('@')[1];
    domains[domain] = (domains[domain] ?? 0) + 1;
  }
  const top = Object.entries(domains)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, 5)
    .map(([d, n]) => `  ${d}: ${n}`);
  return [`total matches: ${emails.length}`, `unique addresses: ${unique.size}`, 'top domains:', ...top].join('\n');
};

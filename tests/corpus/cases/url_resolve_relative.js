// description: the first line of the input is a base URL; resolve every following line (a relative link) against it and print the absolute URL
module.exports = function (input) {
  const [base, ...links] = input.split('\n').filter((l) => l.trim() !== '');
  return links
    .map((link) => {
      try {
        return `${link} -> ${new URL(link, base).href}`;
      } catch {
        return `${link} -> (cannot resolve)`;
      }
    })
    .join('\n');
};

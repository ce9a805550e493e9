// description: turn each line (a blog post title) into a URL slug: lowercase, no accents, words joined by hyphens
const slugify = (text) =>
  text
    .toString()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9\s-]/g, '')
    .replace(/[\s_-]+/g, '-')
    .replace(/^-+|-+$/g, '');

module.exports = (input) =>
  input
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(slugify)
    .join('\n');

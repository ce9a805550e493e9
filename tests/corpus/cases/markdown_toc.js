// description: generate a nested table of contents (markdown list with GitHub-style anchor links) from the markdown headings, ignoring code blocks
function slugify(text) {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

module.exports = function markdownToc(input) {
  const lines = input.split('\n');
  const headings = [];
  let inFence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) headings.push({ level: m[1].length, text: m[2] });
  }
  if (headings.length === 0) return '';
  const minLevel = Math.min(...headings.map((h) => h.level));
  const used = new Map();
  return headings
    .map(({ level, text }) => {
      const plain = text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '');
      let slug = slugify(plain);
      const n = used.get(slug) ?? 0;
      used.set(slug, n + 1);
      if (n > 0) slug += `-${n}`;
      return `${'  '.repeat(level - minLevel)}- [${plain}](#${slug})`;
    })
    .join('\n');
};

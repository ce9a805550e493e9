// description: convert each byte count in the input (a file listing "size name") into a human-readable size like 1.5 KB, 3.2 MB, 1.0 GB and print it next to the file name
function formatBytes(bytes) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  if (bytes === 0) return '0 B';
  const i = Math.min(Math.floor(Math.log(bytes) / Math.log(1024)), units.length - 1);
  if (i === 0) return `${bytes} B`;
  return `${(bytes / Math.pow(1024, i)).toFixed(1)} ${units[i]}`;
}

module.exports = function (input) {
  const files = input
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = l.trim().match(/^(\d+)\s+(.+)$/);
      return { size: Number(m[1]), name: m[2] };
    });

  const total = files.reduce((acc, f) => acc + f.size, 0);
  const out = files.map((f) => `${formatBytes(f.size).padStart(9)}  ${f.name}`);
  out.push(`${formatBytes(total).padStart(9)}  total (${files.length} files)`);
  return out.join('\n');
};

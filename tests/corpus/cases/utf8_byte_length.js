// description: for each line of the input, show how many characters it has and how many bytes it takes in UTF-8
module.exports = function (input) {
  const encoder = new TextEncoder();
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();

  const rows = lines.map((line) => {
    const chars = [...line].length;
    const units = line.length;
    const bytes = encoder.encode(line).length;
    return `${JSON.stringify(line)}: ${chars} chars, ${units} UTF-16 units, ${bytes} bytes`;
  });

  const totalBytes = encoder.encode(input).length;
  rows.push(`total: ${totalBytes} bytes`);
  return rows.join('\n');
};

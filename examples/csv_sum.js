// Sums the numbers in the last column of a CSV input with a header row.
module.exports = (input) => {
  const rows = input.trim().split("\n").slice(1);
  const total = rows.reduce((sum, row) => {
    const cells = row.split(",");
    return sum + Number(cells[cells.length - 1]);
  }, 0);
  return Math.round(total * 100) / 100;
};

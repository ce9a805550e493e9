// description: like wc, print the number of lines, words and characters separated by spaces
module.exports = (input) => {
  const lines = (input.match(/\n/g) || []).length;
  const words = input.split(/\s+/).filter((w) => w.length > 0).length;
  const chars = [...input].length;
  return `${lines} ${words} ${chars}`;
};

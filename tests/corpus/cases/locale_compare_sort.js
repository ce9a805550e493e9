// description: sort the names in the input alphabetically the way a person would expect (accents and upper/lower case shouldn't matter), one per line
module.exports = function sortNames(input) {
  const names = input
    .split('\n')
    .map((n) => n.trim())
    .filter((n) => n.length > 0);

  return names.sort((a, b) => a.localeCompare(b)).join('\n');
};

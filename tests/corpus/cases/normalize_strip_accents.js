// description: remove accents and diacritics from the input text (é -> e, ü -> u, etc.) while keeping everything else
module.exports = function (input) {
  return input.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
};

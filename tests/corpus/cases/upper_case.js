// description: convert the input text to upper case
module.exports = (input) => input.toUpperCase();

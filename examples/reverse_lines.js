// Prints the input's lines in reverse order.
exports.default = (input) => input.replace(/\n$/, "").split("\n").reverse().join("\n");

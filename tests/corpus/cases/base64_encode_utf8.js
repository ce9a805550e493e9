// description: base64-encode each line of the input (treat the text as UTF-8) and print "line => base64"
module.exports = function (input) {
  const toBase64 = (str) => btoa(unescape(encodeURIComponent(str)));

  return input
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => `${line} => ${toBase64(line)}`)
    .join('\n');
};

// description: encode each line of the input as URL-safe base64 (base64url, no padding) and print one per line
module.exports = function (input) {
  const encoder = new TextEncoder();

  const base64url = (text) => {
    const bytes = encoder.encode(text);
    let binary = '';
    bytes.forEach((b) => {
      binary += String.fromCharCode(b);
    });
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };

  return input
    .trim()
    .split('\n')
    .map(base64url)
    .join('\n');
};

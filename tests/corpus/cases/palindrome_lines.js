// description: print the lines that are palindromes, ignoring case, spaces and punctuation
const isPalindrome = (s) => {
  const cleaned = s.toLowerCase().normalize('NFD').replace(/[^\p{L}\p{N}]/gu, '');
  return cleaned.length > 0 && cleaned === [...cleaned].reverse().join('');
};

module.exports = (input) =>
  input
    .split('\n')
    .filter((line) => line.trim() && isPalindrome(line))
    .join('\n');

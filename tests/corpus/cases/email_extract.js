// description: extract all e-mail addresses from the text, lowercase them, remove duplicates and print them sorted
module.exports = function extractEmails(input) {
  const emailRegex = /[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}/g;
  const matches = input.match(emailRegex) || [];
  const unique = [...new Set(matches.map((e) => e.toLowerCase()))];
  unique.sort();
  return unique.join('\n');
};

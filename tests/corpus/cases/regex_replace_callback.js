// description: mask credit card numbers in the text, keeping only the last 4 digits (e.g. **** **** **** 1234), and mask e-mail user names except the first letter
module.exports = (input) =>
  input
    .replace(/\b(?:\d[ -]?){12,15}\d\b/g, (match) => {
      const digits = match.replace(/\D/g, '');
      if (digits.length < 13 || digits.length > 16) return match;
      const sep = match.includes('-') ? '-' : ' ';
      const masked = '*'.repeat(digits.length - 4) + digits.slice(-4);
      return masked.replace(/(.{4})(?=.)/g, `$1${sep}`);
    })
    .replace(/([\w.+-])([\w.+-]*)@([\w-]+(?:\.[\w-]+)+)/g, (_, first, rest, domain) => `${first}${'*'.repeat(rest.length)}@${domain}`);

// description: convert each integer in the input to English words (e.g. 1234 -> one thousand two hundred thirty-four), supporting negatives and very large numbers
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion'];

function belowThousand(n) {
  const parts = [];
  if (n >= 100) {
    parts.push(`${ONES[Math.floor(n / 100)]} hundred`);
    n %= 100;
  }
  if (n >= 20) {
    parts.push(TENS[Math.floor(n / 10)] + (n % 10 ? `-${ONES[n % 10]}` : ''));
  } else if (n > 0) {
    parts.push(ONES[n]);
  }
  return parts.join(' ');
}

function numberToWords(num) {
  if (num === 0) return 'zero';
  if (num < 0) return `minus ${numberToWords(-num)}`;

  const words = [];
  let scale = 0;
  while (num > 0) {
    const chunk = num % 1000;
    if (chunk) {
      words.unshift(SCALES[scale] ? `${belowThousand(chunk)} ${SCALES[scale]}` : belowThousand(chunk));
    }
    num = Math.floor(num / 1000);
    scale++;
  }
  return words.join(' ');
}

module.exports = function (input) {
  return input
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const n = parseInt(token.replace(/,/g, ''), 10);
      return `${token}: ${numberToWords(n)}`;
    })
    .join('\n');
};

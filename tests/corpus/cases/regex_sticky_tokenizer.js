// description: evaluate arithmetic expressions, one per line (numbers, + - * / ^, parentheses, unary minus), with a tokenizer and a recursive-descent parser
const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|(\*\*|[-+*\/^()%]))/y;

function tokenize(src) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new SyntaxError(`Unexpected character '${src.slice(start).trimStart()[0]}' at ${start}`);
    tokens.push(m[1] !== undefined ? { type: 'num', value: parseFloat(m[1]) } : { type: 'op', value: m[2] === '**' ? '^' : m[2] });
  }
  return tokens;
}

class Parser {
  constructor(tokens) {
    this.tokens = tokens;
    this.pos = 0;
  }
  peek() {
    return this.tokens[this.pos];
  }
  next() {
    return this.tokens[this.pos++];
  }
  expect(op) {
    const t = this.next();
    if (!t || t.value !== op) throw new SyntaxError(`Expected '${op}'`);
  }
  parseExpression() {
    let left = this.parseTerm();
    while (this.peek()?.type === 'op' && '+-'.includes(this.peek().value)) {
      const op = this.next().value;
      const right = this.parseTerm();
      left = op === '+' ? left + right : left - right;
    }
    return left;
  }
  parseTerm() {
    let left = this.parseFactor();
    while (this.peek()?.type === 'op' && '*/%'.includes(this.peek().value)) {
      const op = this.next().value;
      const right = this.parseFactor();
      if (op === '*') left *= right;
      else if (op === '/') left /= right;
      else left %= right;
    }
    return left;
  }
  parseFactor() {
    const base = this.parseUnary();
    if (this.peek()?.value === '^') {
      this.next();
      return base ** this.parseFactor();
    }
    return base;
  }
  parseUnary() {
    const t = this.peek();
    if (t?.type === 'op' && (t.value === '-' || t.value === '+')) {
      this.next();
      const v = this.parseUnary();
      return t.value === '-' ? -v : v;
    }
    return this.parsePrimary();
  }
  parsePrimary() {
    const t = this.next();
    if (!t) throw new SyntaxError('Unexpected end of input');
    if (t.type === 'num') return t.value;
    if (t.value === '(') {
      const v = this.parseExpression();
      this.expect(')');
      return v;
    }
    throw new SyntaxError(`Unexpected token '${t.value}'`);
  }
}

function evaluate(expr) {
  const parser = new Parser(tokenize(expr));
  const value = parser.parseExpression();
  if (parser.pos < parser.tokens.length) throw new SyntaxError(`Unexpected token '${parser.peek().value}'`);
  return value;
}

module.exports = function (input) {
  return input
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      try {
        const v = evaluate(line);
        return `${line.trim()} = ${Number.isInteger(v) ? v : +v.toFixed(10)}`;
      } catch (err) {
        return `${line.trim()} => error: ${err.message}`;
      }
    })
    .join('\n');
};

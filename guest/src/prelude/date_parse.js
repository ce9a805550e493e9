// The date strings node parses beyond ECMAScript's ISO format: "March 15, 2024",
// "15 Mar 2024 14:45", "2024/03/15", "03/15/2024", RFC 2822 ("Tue, 01 Oct 2024 08:00:00
// +0200"). Boa accepts only the ISO format and its own toString() output, and LLM-written code
// meets the others in logs and CSVs all the time. The rules follow V8's legacy parser; Date and
// Date.parse fall back to them only when Boa's own parser gives NaN, so ISO strings are untouched.
// The sandbox's local time zone is UTC. Evaluated on first use of Date (see lazy.rs): called
// with the built-in Date, it returns the Date to define.
(natives) => {
  'use strict';
  const NativeDate = natives.Date;
  const nativeParse = NativeDate.parse;
  const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const ZONES = { ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };

  // Milliseconds since the epoch, or NaN.
  const legacyParse = (text) => {
    const s = text.replace(/\([^)]*\)/g, ' ');
    const numbers = [];
    let month;
    let hour;
    let minute = 0;
    let second = 0;
    let millis = 0;
    let meridiem;
    let offset;
    let i = 0;
    while (i < s.length) {
      const rest = s.slice(i);
      let match;
      if ((match = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?/.exec(rest)) && hour === undefined) {
        hour = Number(match[1]);
        minute = Number(match[2]);
        second = match[3] === undefined ? 0 : Number(match[3]);
        millis = match[4] === undefined ? 0 : Math.floor(Number(`0.${match[4]}`) * 1000);
      } else if ((match = /^[+-](\d{2}):?(\d{2})(?!\d)/.exec(rest)) && (hour !== undefined || offset === 0) && numbers.length > 0) {
        const minutes = Number(match[1]) * 60 + Number(match[2]);
        offset = rest[0] === '-' ? -minutes : minutes;
      } else if ((match = /^\d+/.exec(rest))) {
        numbers.push({ value: Number(match[0]), digits: match[0].length });
      } else if ((match = /^[A-Za-z]+/.exec(rest))) {
        const word = match[0].toLowerCase();
        const prefix = word.slice(0, 3);
        if (word === 'am' || word === 'pm') meridiem = word;
        else if (Object.hasOwn(ZONES, word)) offset = ZONES[word];
        else if (word.length >= 3 && MONTHS.includes(prefix) && month === undefined) month = MONTHS.indexOf(prefix) + 1;
        else if (word.length >= 3 && DAYS.includes(prefix)) { /* a weekday name says nothing */ }
        else if (word === 't' && numbers.length === 3) { /* "2024-03-15T10:30" with extras */ }
        else if (numbers.length > 0 || month !== undefined) return NaN;
      } else if (!/^[\s,./-]/.test(rest)) {
        return NaN;
      }
      i += match ? match[0].length : 1;
    }

    let year;
    let day;
    const [a, b, c] = numbers;
    const looksLikeYear = (n) => n.value > 31 || n.digits >= 3;
    if (month !== undefined) {
      if (numbers.length === 1) [day, year] = [a.value, 2001];
      else if (numbers.length === 2) [day, year] = looksLikeYear(a) ? [b.value, a] : [a.value, b];
      else return NaN;
    } else if (numbers.length === 3) {
      if (looksLikeYear(a)) [year, month, day] = [a, b.value, c.value];
      else [month, day, year] = [a.value, b.value, c];
    } else if (numbers.length === 2) {
      [month, day, year] = [a.value, b.value, 2001];
    } else {
      return NaN;
    }
    if (typeof year === 'object') {
      year = year.digits <= 2 ? (year.value < 50 ? 2000 + year.value : 1900 + year.value) : year.value;
    }
    if (meridiem !== undefined) {
      if (hour === undefined || hour > 12) return NaN;
      hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
    }
    hour ??= 0;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 59) return NaN;
    if (hour === 24 && (minute > 0 || second > 0 || millis > 0)) return NaN;
    const utc = NativeDate.UTC(year, month - 1, day, hour, minute, second, millis);
    return utc - (offset ?? 0) * 60000;
  };

  const parseDate = (value) => {
    const text = String(value);
    const native = nativeParse(text);
    return Number.isNaN(native) ? legacyParse(text.trim()) : native;
  };

  const Date = new Proxy(NativeDate, {
    construct(target, args, newTarget) {
      if (args.length === 1 && typeof args[0] === 'string') {
        return Reflect.construct(target, [parseDate(args[0])], newTarget);
      }
      return Reflect.construct(target, args, newTarget);
    },
  });
  Object.defineProperty(NativeDate, 'parse', {
    value: { parse(value) { return parseDate(value); } }.parse,
    writable: true, configurable: true, enumerable: false,
  });
  Object.defineProperty(NativeDate.prototype, 'constructor', {
    value: Date, writable: true, configurable: true, enumerable: false,
  });
  return { Date };
}

// Intl.Collator (ICU collation, native), Intl.ListFormat and Intl.RelativeTimeFormat for
// English. See common.js.
(natives) => {
  'use strict';
  const {
    toObject, getOption, getNumberOption, canonicalLocales, resolveLocale, supportedLocalesOf,
    stateOf, joinParts, cached, method,
  } = natives.require('intlCommon');
  const { collatorCompare, collatorResolve } = natives;

  // ---------------------------------------------------------------------------------------
  // Collator (ICU, native)

  const collators = new WeakMap();

  class Collator {
    constructor(locales = undefined, options = undefined) {
      const requested = canonicalLocales(locales)[0];
      collators.set(this, collatorResolve(requested, options));
    }

    get compare() {
      const resolved = stateOf(collators, this, 'Intl.Collator');
      return (a, b) => collatorCompare(String(a), String(b), resolved.locale, resolved);
    }

    resolvedOptions() {
      return { ...stateOf(collators, this, 'Intl.Collator') };
    }

    static supportedLocalesOf(locales) {
      return canonicalLocales(locales);
    }
  }
  Object.defineProperty(Collator.prototype, Symbol.toStringTag, { value: 'Intl.Collator', configurable: true });

  const listFormats = new WeakMap();

  class ListFormat {
    constructor(locales = undefined, options = undefined) {
      options = toObject(options);
      listFormats.set(this, {
        locale: resolveLocale(locales),
        type: getOption(options, 'type', ['conjunction', 'disjunction', 'unit'], 'conjunction'),
        style: getOption(options, 'style', ['long', 'short', 'narrow'], 'long'),
      });
    }

    format(list) {
      return joinParts(this.formatToParts(list));
    }

    formatToParts(list) {
      const { type, style } = stateOf(listFormats, this, 'Intl.ListFormat');
      const items = [];
      for (const item of list ?? []) {
        if (typeof item !== 'string') throw new TypeError('Iterable yielded ' + String(item) + ' which is not a string');
        items.push(item);
      }
      let pair = ', ';
      let last = ', ';
      let middle = ', ';
      if (type === 'conjunction') {
        const word = style === 'long' ? 'and' : style === 'short' ? '&' : null;
        pair = word === null ? ', ' : ` ${word} `;
        last = word === null ? ', ' : `, ${word} `;
      } else if (type === 'disjunction') {
        pair = ' or ';
        last = ', or ';
      } else if (style === 'narrow') {
        pair = ' ';
        last = ' ';
        middle = ' ';
      }
      const parts = [];
      items.forEach((item, index) => {
        if (index > 0) {
          const separator = items.length === 2 ? pair : index === items.length - 1 ? last : middle;
          parts.push({ type: 'literal', value: separator });
        }
        parts.push({ type: 'element', value: item });
      });
      return parts;
    }

    resolvedOptions() {
      return { ...stateOf(listFormats, this, 'Intl.ListFormat') };
    }

    static supportedLocalesOf(locales) {
      return supportedLocalesOf(locales);
    }
  }
  Object.defineProperty(ListFormat.prototype, Symbol.toStringTag, { value: 'Intl.ListFormat', configurable: true });

  const RELATIVE_UNITS = {
    second: ['second', 'sec.', 's', 'now'],
    minute: ['minute', 'min.', 'm', 'this minute'],
    hour: ['hour', 'hr.', 'h', 'this hour'],
    day: ['day', 'day', 'd', 'today', 'yesterday', 'tomorrow'],
    week: ['week', 'wk.', 'w', 'this week', 'last week', 'next week', 'wk.'],
    month: ['month', 'mo.', 'mo', 'this month', 'last month', 'next month', 'mo.'],
    quarter: ['quarter', 'qtr.', 'q', 'this quarter', 'last quarter', 'next quarter', 'qtr.'],
    year: ['year', 'yr.', 'y', 'this year', 'last year', 'next year', 'yr.'],
  };
  const relativeTimeFormats = new WeakMap();

  class RelativeTimeFormat {
    constructor(locales = undefined, options = undefined) {
      options = toObject(options);
      relativeTimeFormats.set(this, {
        locale: resolveLocale(locales),
        style: getOption(options, 'style', ['long', 'short', 'narrow'], 'long'),
        numeric: getOption(options, 'numeric', ['always', 'auto'], 'always'),
        numberingSystem: 'latn',
        number: new (natives.require('NumberFormat'))('en-US'),
      });
    }

    format(value, unit) {
      return joinParts(this.formatToParts(value, unit));
    }

    formatToParts(value, unit) {
      const { style, numeric, number } = stateOf(relativeTimeFormats, this, 'Intl.RelativeTimeFormat');
      const x = Number(value);
      if (!Number.isFinite(x)) throw new RangeError('Invalid number value');
      const key = String(unit).replace(/s$/, '');
      const names = RELATIVE_UNITS[key];
      if (names === undefined) throw new RangeError(`Invalid unit argument for format() '${unit}'`);
      if (numeric === 'auto') {
        // "last wk." in the short and narrow styles.
        const phrase = (text) => (style === 'long' || names[6] === undefined ? text : text.replace(/ \w+$/, ` ${names[6]}`));
        if (x === 0 && names[3] !== undefined) return [{ type: 'literal', value: phrase(names[3]) }];
        if (x === -1 && names[4] !== undefined) return [{ type: 'literal', value: phrase(names[4]) }];
        if (x === 1 && names[5] !== undefined) return [{ type: 'literal', value: phrase(names[5]) }];
      }
      const past = x < 0 || Object.is(x, -0);
      const amount = number.format(Math.abs(x));
      const single = amount === '1';
      let word;
      if (style === 'long' || (style === 'short' && key === 'day')) word = single ? names[0] : `${names[0]}s`;
      else if (style === 'short') word = key === 'quarter' && !single ? 'qtrs.' : names[1];
      else word = names[2];
      const separator = style === 'narrow' ? '' : ' ';
      const numberParts = [{ type: 'integer', value: amount, unit: key }];
      return past
        ? [...numberParts, { type: 'literal', value: `${separator}${word} ago` }]
        : [{ type: 'literal', value: 'in ' }, ...numberParts, { type: 'literal', value: `${separator}${word}` }];
    }

    resolvedOptions() {
      const { locale, style, numeric, numberingSystem } = stateOf(relativeTimeFormats, this, 'Intl.RelativeTimeFormat');
      return { locale, style, numeric, numberingSystem };
    }

    static supportedLocalesOf(locales) {
      return supportedLocalesOf(locales);
    }
  }
  Object.defineProperty(RelativeTimeFormat.prototype, Symbol.toStringTag, { value: 'Intl.RelativeTimeFormat', configurable: true });

  return { Collator, ListFormat, RelativeTimeFormat };
}

// Intl for the sandbox's one locale, en-US, in the UTC time zone, in four parts loaded on first
// use (see lazy.rs): this one holds the option and locale handling the others share; number.js
// has NumberFormat and PluralRules, date.js DateTimeFormat, text.js Collator (ICU, native),
// ListFormat and RelativeTimeFormat. Output matches node (ICU) for en-US. Other requested
// locales resolve to en-US, as ECMA-402 resolves any locale an implementation lacks; time zones
// other than UTC are refused with a RangeError rather than converted wrongly.
//
// Split because Boa parses ~1 KB of JavaScript per millisecond here: a function that only calls
// toLocaleString() on numbers should not parse the date and collation code.
(natives) => {
  'use strict';
  const DEFAULT_LOCALE = 'en-US';

  // ---------------------------------------------------------------------------------------
  // Options and locales

  const toObject = (options) => {
    if (options === undefined) return Object.create(null);
    if (options === null) throw new TypeError('Cannot convert undefined or null to object');
    return Object(options);
  };

  const getOption = (options, key, allowed, fallback) => {
    const value = options[key];
    if (value === undefined) return fallback;
    const text = typeof value === 'boolean' && allowed === undefined ? value : String(value);
    if (allowed !== undefined && !allowed.includes(text)) {
      throw new RangeError(`Value ${text} out of range for Intl options property ${key}`);
    }
    return text;
  };

  const getNumberOption = (options, key, minimum, maximum, fallback) => {
    const value = options[key];
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isFinite(number) || number < minimum || number > maximum) {
      throw new RangeError(`${key} value is out of range.`);
    }
    return Math.floor(number);
  };

  const canonicalLocales = (locales) => {
    if (locales === undefined) return [];
    const list = typeof locales === 'string' ? [locales] : Array.from(Object(locales));
    return list.map((locale) => {
      if (typeof locale !== 'string' && (typeof locale !== 'object' || locale === null)) {
        throw new TypeError('Language ID should be string or object.');
      }
      const tag = String(locale);
      if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) {
        throw new RangeError(`Incorrect locale information provided`);
      }
      const parts = tag.split('-');
      return parts
        .map((part, index) => {
          if (index === 0) return part.toLowerCase();
          if (part.length === 2) return part.toUpperCase();
          if (part.length === 4) return part[0].toUpperCase() + part.slice(1).toLowerCase();
          return part.toLowerCase();
        })
        .join('-');
    });
  };

  // Only en-US data is here; "en" keeps its name, as node reports it, everything else falls
  // back to the default locale.
  const resolveLocale = (locales) => {
    const requested = canonicalLocales(locales)[0];
    if (requested === undefined) return DEFAULT_LOCALE;
    const base = requested.split('-u-')[0];
    return base === 'en' || base === 'en-US' ? base : DEFAULT_LOCALE;
  };

  const supportedLocalesOf = (locales) =>
    canonicalLocales(locales).filter((locale) => /^en(-US)?(-u-|$)/.test(locale));


  // ---------------------------------------------------------------------------------------
  // Shared by the parts

  const stateOf = (map, object, name) => {
    const state = map.get(object);
    if (state === undefined) throw new TypeError(`Method ${name}.prototype called on incompatible receiver`);
    return state;
  };

  const joinParts = (parts) => parts.map((part) => part.value).join('');

  // The cache ECMA-402 allows: toLocaleString with the same arguments reuses one formatter,
  // which matters for code calling it in a loop.
  const cached = (Constructor) => {
    let last;
    return (locales, options, ...extra) => {
      if (options === undefined && typeof locales !== 'object') {
        const key = `${locales}\u0000${extra.join('\u0000')}`;
        if (last !== undefined && last.key === key) return last.format;
        const format = new Constructor(locales, options, ...extra);
        last = { key, format };
        return format;
      }
      return new Constructor(locales, options, ...extra);
    };
  };

  // Replaces a built-in method, keeping its name and attributes.
  const method = (object, name, implementation) => {
    const holder = { [name](...args) { return implementation(this, args); } };
    Object.defineProperty(object, name, { value: holder[name], writable: true, configurable: true, enumerable: false });
  };

  const getCanonicalLocales = (locales) =>
    canonicalLocales(locales).filter((locale, index, all) => all.indexOf(locale) === index);

  const supportedValuesOf = () => {
    throw new RangeError('Intl.supportedValuesOf is not available in the sandbox');
  };

  return {
    intlCommon: {
      toObject, getOption, getNumberOption, canonicalLocales, resolveLocale, supportedLocalesOf,
      stateOf, joinParts, cached, method,
    },
    getCanonicalLocales,
    supportedValuesOf,
  };
}

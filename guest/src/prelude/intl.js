// Intl for the sandbox's one locale, en-US, in the UTC time zone: NumberFormat, DateTimeFormat,
// Collator (ICU collation, native), PluralRules, ListFormat and RelativeTimeFormat, plus the
// toLocaleString methods built on them. Output matches node (ICU) for en-US. Other requested
// locales resolve to en-US, as ECMA-402 resolves any locale an implementation lacks; time zones
// other than UTC are refused with a RangeError rather than converted wrongly.
//
// Evaluated on first use (see lazy.rs): called with the native collator functions, it returns
// the Intl object and replaces the built-in toLocaleString methods.
(natives) => {
  'use strict';
  const { collatorCompare, collatorResolve } = natives;
  const DEFAULT_LOCALE = 'en-US';
  const NBSP = '\u00a0';

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
  // Decimal arithmetic on digit strings: ICU formats the shortest decimal that round-trips,
  // so 1.005 rounds to 1.01 (toFixed, on the exact binary value, gives 1.00).

  // { digits, exponent }: value = 0.digits × 10^exponent, digits without leading zeros.
  const decimalOf = (x) => {
    if (x === 0) return { digits: '', exponent: 0 };
    const [mantissa, exp] = Math.abs(x).toExponential().split('e');
    const digits = mantissa.replace('.', '').replace(/0+$/, '');
    return { digits, exponent: Number(exp) + 1 };
  };

  const decimalOfBigInt = (n) => {
    const text = (n < 0n ? -n : n).toString();
    if (text === '0') return { digits: '', exponent: 0 };
    return { digits: text.replace(/0+$/, ''), exponent: text.length };
  };

  // Rounds to `places` digits after the point (negative: before it), half away from zero.
  const roundFraction = (decimal, places) => {
    const keep = decimal.exponent + places;
    if (decimal.digits.length <= keep) return decimal;
    if (keep < 0) return { digits: '', exponent: 0 };
    let digits = decimal.digits.slice(0, keep);
    let exponent = decimal.exponent;
    if (decimal.digits.charCodeAt(keep) >= 53 /* '5' */) {
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === '9') i--;
      if (i < 0) {
        digits = '1';
        exponent += 1;
      } else {
        digits = digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1);
      }
    }
    digits = digits.replace(/0+$/, '');
    return digits === '' ? { digits: '', exponent: 0 } : { digits, exponent };
  };

  const roundSignificant = (decimal, significant) =>
    roundFraction(decimal, significant - decimal.exponent);

  // Integer and fraction digit strings, padded to the minimums.
  const toFixedParts = (decimal, minimumFraction, minimumInteger) => {
    const { digits, exponent } = decimal;
    let integer;
    let fraction;
    if (exponent <= 0) {
      integer = '';
      fraction = '0'.repeat(-exponent) + digits;
    } else if (digits.length <= exponent) {
      integer = digits + '0'.repeat(exponent - digits.length);
      fraction = '';
    } else {
      integer = digits.slice(0, exponent);
      fraction = digits.slice(exponent);
    }
    if (digits === '') {
      integer = '';
      fraction = '';
    }
    integer = integer.padStart(Math.max(minimumInteger, 1), '0');
    fraction = fraction.padEnd(minimumFraction, '0');
    return { integer, fraction };
  };

  const shift = (decimal, places) =>
    decimal.digits === '' ? decimal : { digits: decimal.digits, exponent: decimal.exponent + places };

  // ---------------------------------------------------------------------------------------
  // NumberFormat

  const CURRENCY_DIGITS = {
    BHD: 3, BIF: 0, CLP: 0, DJF: 0, GNF: 0, IQD: 3, ISK: 0, JOD: 3, JPY: 0, KMF: 0, KRW: 0,
    KWD: 3, LYD: 3, OMR: 3, PYG: 0, RWF: 0, TND: 3, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0,
    XOF: 0, XPF: 0,
  };
  const CURRENCY_SYMBOLS = {
    USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: 'CN¥', INR: '₹', CAD: 'CA$', AUD: 'A$',
    KRW: '₩', BRL: 'R$', MXN: 'MX$', HKD: 'HK$', NZD: 'NZ$', TWD: 'NT$', ILS: '₪', VND: '₫',
    XAF: 'FCFA', XOF: 'F\u202fCFA', PHP: '₱',
  };
  const NARROW_SYMBOLS = {
    USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: '¥', INR: '₹', CAD: '$', AUD: '$', KRW: '₩',
    BRL: 'R$', MXN: '$', HKD: '$', NZD: '$', TWD: '$', ILS: '₪', VND: '₫', PHP: '₱', RUB: '₽',
    TRY: '₺', UAH: '₴', NGN: '₦', PLN: 'zł', SEK: 'kr', NOK: 'kr', DKK: 'kr', CHF: 'CHF',
    ZAR: 'R', THB: '฿', SGD: '$',
  };
  const CURRENCY_NAMES = {
    USD: ['US dollar', 'US dollars'], EUR: ['euro', 'euros'], GBP: ['British pound', 'British pounds'],
    JPY: ['Japanese yen', 'Japanese yen'], CNY: ['Chinese yuan', 'Chinese yuan'],
    INR: ['Indian rupee', 'Indian rupees'], CAD: ['Canadian dollar', 'Canadian dollars'],
    AUD: ['Australian dollar', 'Australian dollars'], CHF: ['Swiss franc', 'Swiss francs'],
    MXN: ['Mexican peso', 'Mexican pesos'], BRL: ['Brazilian real', 'Brazilian reals'],
    KRW: ['South Korean won', 'South Korean won'], SEK: ['Swedish krona', 'Swedish kronor'],
  };
  const UNITS = {
    // unit: [short singular, short plural, long singular, long plural, narrow]
    percent: ['%', '%', 'percent', 'percent', '%'],
    kilometer: ['km', 'km', 'kilometer', 'kilometers', 'km'],
    meter: ['m', 'm', 'meter', 'meters', 'm'],
    centimeter: ['cm', 'cm', 'centimeter', 'centimeters', 'cm'],
    millimeter: ['mm', 'mm', 'millimeter', 'millimeters', 'mm'],
    mile: ['mi', 'mi', 'mile', 'miles', 'mi'],
    foot: ['ft', 'ft', 'foot', 'feet', '′'],
    inch: ['in', 'in', 'inch', 'inches', '″'],
    kilogram: ['kg', 'kg', 'kilogram', 'kilograms', 'kg'],
    gram: ['g', 'g', 'gram', 'grams', 'g'],
    pound: ['lb', 'lb', 'pound', 'pounds', '#'],
    liter: ['L', 'L', 'liter', 'liters', 'L'],
    milliliter: ['mL', 'mL', 'milliliter', 'milliliters', 'mL'],
    celsius: ['°C', '°C', 'degree Celsius', 'degrees Celsius', '°C'],
    fahrenheit: ['°F', '°F', 'degree Fahrenheit', 'degrees Fahrenheit', '°'],
    byte: ['byte', 'byte', 'byte', 'bytes', 'B'],
    kilobyte: ['kB', 'kB', 'kilobyte', 'kilobytes', 'kB'],
    megabyte: ['MB', 'MB', 'megabyte', 'megabytes', 'MB'],
    gigabyte: ['GB', 'GB', 'gigabyte', 'gigabytes', 'GB'],
    terabyte: ['TB', 'TB', 'terabyte', 'terabytes', 'TB'],
    second: ['sec', 'sec', 'second', 'seconds', 's'],
    minute: ['min', 'min', 'minute', 'minutes', 'm'],
    hour: ['hr', 'hr', 'hour', 'hours', 'h'],
    day: ['day', 'days', 'day', 'days', 'd'],
    week: ['wk', 'wks', 'week', 'weeks', 'w'],
    month: ['mth', 'mths', 'month', 'months', 'm'],
    year: ['yr', 'yrs', 'year', 'years', 'y'],
    millisecond: ['ms', 'ms', 'millisecond', 'milliseconds', 'ms'],
    'kilometer-per-hour': ['km/h', 'km/h', 'kilometer per hour', 'kilometers per hour', 'km/h'],
    'mile-per-hour': ['mph', 'mph', 'mile per hour', 'miles per hour', 'mph'],
  };
  const COMPACT = [
    // [exponent, short, long]
    [12, 'T', ' trillion'],
    [9, 'B', ' billion'],
    [6, 'M', ' million'],
    [3, 'K', ' thousand'],
  ];

  const groupInteger = (integer, grouping) => {
    if (grouping === false || integer.length <= 3) return [integer];
    if (grouping === 'min2' && integer.length <= 4) return [integer];
    const groups = [];
    let end = integer.length;
    while (end > 3) {
      groups.unshift(integer.slice(end - 3, end));
      end -= 3;
    }
    groups.unshift(integer.slice(0, end));
    return groups;
  };

  const numberFormats = new WeakMap();

  class NumberFormat {
    constructor(locales = undefined, options = undefined) {
      const locale = resolveLocale(locales);
      options = toObject(options);
      getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
      const numberingSystem = getOption(options, 'numberingSystem', undefined, 'latn');
      if (numberingSystem !== 'latn') throw new RangeError('Invalid numberingSystem');
      const style = getOption(options, 'style', ['decimal', 'percent', 'currency', 'unit'], 'decimal');
      let currency = getOption(options, 'currency', undefined, undefined);
      if (currency !== undefined) {
        if (!/^[A-Za-z]{3}$/.test(currency)) throw new RangeError(`Invalid currency code : ${currency}`);
        currency = currency.toUpperCase();
      }
      const currencyDisplay = getOption(options, 'currencyDisplay', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol');
      const currencySign = getOption(options, 'currencySign', ['standard', 'accounting'], 'standard');
      const unit = getOption(options, 'unit', undefined, undefined);
      const unitDisplay = getOption(options, 'unitDisplay', ['short', 'narrow', 'long'], 'short');
      if (style === 'currency' && currency === undefined) throw new TypeError('Currency code is required with currency style.');
      if (style === 'unit') {
        if (unit === undefined) throw new TypeError('Unit is required with unit style.');
        if (!Object.hasOwn(UNITS, unit)) throw new RangeError(`Invalid unit argument for Intl.NumberFormat() '${unit}'`);
      }
      const notation = getOption(options, 'notation', ['standard', 'scientific', 'engineering', 'compact'], 'standard');
      const currencyDigits = style === 'currency' ? (CURRENCY_DIGITS[currency] ?? 2) : 0;
      const defaultMin = style === 'currency' && notation !== 'compact' ? currencyDigits : 0;
      const defaultMax = style === 'currency' && notation !== 'compact'
        ? Math.max(currencyDigits, defaultMin)
        : style === 'percent' ? 0 : notation === 'compact' ? 0 : 3;
      const minimumIntegerDigits = getNumberOption(options, 'minimumIntegerDigits', 1, 21, 1);
      const hasSignificant = options.minimumSignificantDigits !== undefined || options.maximumSignificantDigits !== undefined;
      const hasFraction = options.minimumFractionDigits !== undefined || options.maximumFractionDigits !== undefined;
      const roundingPriority = getOption(options, 'roundingPriority', ['auto', 'morePrecision', 'lessPrecision'], 'auto');
      const state = { locale, numberingSystem, style, currency, currencyDisplay, currencySign, unit, unitDisplay, notation, minimumIntegerDigits, roundingPriority };
      let minimumSignificantDigits = getNumberOption(options, 'minimumSignificantDigits', 1, 21, undefined);
      let maximumSignificantDigits = getNumberOption(options, 'maximumSignificantDigits', minimumSignificantDigits ?? 1, 21, undefined);
      if (hasSignificant) {
        state.minimumSignificantDigits = minimumSignificantDigits ?? 1;
        state.maximumSignificantDigits = maximumSignificantDigits ?? 21;
      }
      let minimumFractionDigits = getNumberOption(options, 'minimumFractionDigits', 0, 100, undefined);
      let maximumFractionDigits = getNumberOption(options, 'maximumFractionDigits', 0, 100, undefined);
      if (hasFraction || !hasSignificant || roundingPriority !== 'auto') {
        if (minimumFractionDigits === undefined) minimumFractionDigits = Math.min(defaultMin, maximumFractionDigits ?? defaultMin);
        if (maximumFractionDigits === undefined) maximumFractionDigits = Math.max(defaultMax, minimumFractionDigits);
        if (minimumFractionDigits > maximumFractionDigits) throw new RangeError('maximumFractionDigits value is out of range.');
        state.minimumFractionDigits = minimumFractionDigits;
        state.maximumFractionDigits = maximumFractionDigits;
      }
      // Compact notation without digit options rounds to 2 significant digits or to integers,
      // whichever keeps more precision (ECMA-402's "compact rounding").
      state.compactRounding = notation === 'compact' && !hasSignificant && !hasFraction;
      if (state.compactRounding) {
        state.minimumFractionDigits = 0;
        state.maximumFractionDigits = 0;
        state.minimumSignificantDigits = 1;
        state.maximumSignificantDigits = 2;
        state.roundingPriority = 'morePrecision';
      }
      state.compactDisplay = getOption(options, 'compactDisplay', ['short', 'long'], 'short');
      const grouping = options.useGrouping;
      state.useGrouping = grouping === undefined
        ? (notation === 'compact' ? 'min2' : 'auto')
        : grouping === true || grouping === 'always' ? 'always'
          : grouping === false || grouping === 'false' || grouping === '' ? false
            : getOption({ g: grouping }, 'g', ['min2', 'auto', 'always', 'true', 'false'], 'auto');
      if (state.useGrouping === 'true') state.useGrouping = 'always';
      state.signDisplay = getOption(options, 'signDisplay', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto');
      state.roundingMode = getOption(options, 'roundingMode', ['halfExpand'], 'halfExpand');
      state.trailingZeroDisplay = getOption(options, 'trailingZeroDisplay', ['auto', 'stripIfInteger'], 'auto');
      numberFormats.set(this, state);
    }

    get format() {
      const state = stateOf(numberFormats, this, 'Intl.NumberFormat');
      return (value) => joinParts(formatNumberToParts(state, value));
    }

    formatToParts(value) {
      return formatNumberToParts(stateOf(numberFormats, this, 'Intl.NumberFormat'), value);
    }

    resolvedOptions() {
      const s = stateOf(numberFormats, this, 'Intl.NumberFormat');
      const out = { locale: s.locale, numberingSystem: s.numberingSystem, style: s.style };
      if (s.style === 'currency') Object.assign(out, { currency: s.currency, currencyDisplay: s.currencyDisplay, currencySign: s.currencySign });
      if (s.style === 'unit') Object.assign(out, { unit: s.unit, unitDisplay: s.unitDisplay });
      out.minimumIntegerDigits = s.minimumIntegerDigits;
      if (s.minimumFractionDigits !== undefined) Object.assign(out, { minimumFractionDigits: s.minimumFractionDigits, maximumFractionDigits: s.maximumFractionDigits });
      if (s.minimumSignificantDigits !== undefined) Object.assign(out, { minimumSignificantDigits: s.minimumSignificantDigits, maximumSignificantDigits: s.maximumSignificantDigits });
      Object.assign(out, { useGrouping: s.useGrouping, notation: s.notation });
      if (s.notation === 'compact') out.compactDisplay = s.compactDisplay;
      Object.assign(out, { signDisplay: s.signDisplay, roundingIncrement: 1, roundingMode: s.roundingMode, roundingPriority: s.roundingPriority, trailingZeroDisplay: s.trailingZeroDisplay });
      return out;
    }

    static supportedLocalesOf(locales) {
      return supportedLocalesOf(locales);
    }
  }
  Object.defineProperty(NumberFormat.prototype, Symbol.toStringTag, { value: 'Intl.NumberFormat', configurable: true });

  const stateOf = (map, object, name) => {
    const state = map.get(object);
    if (state === undefined) throw new TypeError(`Method ${name}.prototype called on incompatible receiver`);
    return state;
  };

  const joinParts = (parts) => parts.map((part) => part.value).join('');

  // Rounds by the state's digit options; returns the rounded decimal and its minimum fraction.
  const roundDecimal = (state, decimal) => {
    const bySignificant = () => roundSignificant(decimal, state.maximumSignificantDigits);
    const byFraction = () => roundFraction(decimal, state.maximumFractionDigits);
    const significantMinFraction = (rounded) =>
      Math.max(0, state.minimumSignificantDigits - Math.max(rounded.exponent, rounded.digits === '' ? 1 : rounded.exponent));
    const hasSignificant = state.minimumSignificantDigits !== undefined;
    const hasFraction = state.minimumFractionDigits !== undefined;
    if (hasSignificant && (!hasFraction || state.roundingPriority === 'auto')) {
      const rounded = bySignificant();
      return { rounded, minimumFraction: significantMinFraction(rounded) };
    }
    if (!hasSignificant) {
      return { rounded: byFraction(), minimumFraction: state.minimumFractionDigits };
    }
    const a = bySignificant();
    const b = byFraction();
    // Precision = the position of the last kept digit: lower means more precise.
    const magnitude = (places) => places;
    const significantPlaces = state.maximumSignificantDigits - decimal.exponent;
    const fractionPlaces = state.maximumFractionDigits;
    const pickSignificant = state.roundingPriority === 'morePrecision'
      ? magnitude(significantPlaces) >= magnitude(fractionPlaces)
      : magnitude(significantPlaces) <= magnitude(fractionPlaces);
    return pickSignificant
      ? { rounded: a, minimumFraction: significantMinFraction(a) }
      : { rounded: b, minimumFraction: state.minimumFractionDigits };
  };

  const formatNumberToParts = (state, value) => {
    let decimal;
    let negative;
    let special;
    if (typeof value === 'bigint') {
      decimal = decimalOfBigInt(value);
      negative = value < 0n;
    } else {
      const x = Number(value);
      negative = x < 0 || Object.is(x, -0);
      if (Number.isNaN(x)) special = 'nan';
      else if (!Number.isFinite(x)) special = 'infinity';
      else decimal = decimalOf(x);
    }
    if (special === 'nan') negative = false;
    if (decimal !== undefined && state.style === 'percent') decimal = shift(decimal, 2);

    const parts = [];
    let exponent = 0;
    let compactSuffix = '';
    let fixed;
    if (decimal !== undefined) {
      if (state.notation === 'compact') {
        let { rounded } = roundDecimal(state, decimal);
        let entry = COMPACT.find(([e]) => rounded.exponent > e);
        if (entry !== undefined) {
          let scaled = roundDecimal(state, shift(decimal, -entry[0]));
          // Rounding up can reach the next unit (999,999 → 1M).
          const next = COMPACT.find(([e]) => scaled.rounded.exponent + entry[0] > e);
          if (next !== undefined && next[0] > entry[0]) {
            entry = next;
            scaled = roundDecimal(state, shift(decimal, -entry[0]));
          }
          exponent = entry[0];
          compactSuffix = state.compactDisplay === 'long' ? entry[2] : entry[1];
          fixed = scaled;
        } else {
          fixed = roundDecimal(state, decimal);
        }
      } else if (state.notation === 'scientific' || state.notation === 'engineering') {
        if (decimal.digits !== '') {
          exponent = decimal.exponent - 1;
          if (state.notation === 'engineering') exponent = Math.floor(exponent / 3) * 3;
        }
        fixed = roundDecimal(state, shift(decimal, -exponent));
        if (fixed.rounded.exponent > (state.notation === 'engineering' ? 3 : 1)) {
          const bump = state.notation === 'engineering' ? 3 : 1;
          exponent += bump;
          fixed = roundDecimal(state, shift(decimal, -exponent));
        }
      } else {
        fixed = roundDecimal(state, decimal);
      }
    }

    const isZero = decimal !== undefined && fixed.rounded.digits === '';
    let sign = '';
    switch (state.signDisplay) {
      case 'auto': sign = negative ? '-' : ''; break;
      case 'always': sign = negative ? '-' : '+'; break;
      case 'exceptZero': sign = isZero || special === 'nan' ? '' : negative ? '-' : '+'; break;
      case 'negative': sign = negative && !isZero ? '-' : ''; break;
      default: sign = '';
    }
    const accounting = state.style === 'currency' && state.currencySign === 'accounting' && sign === '-';

    const numberParts = [];
    if (special === 'nan') numberParts.push({ type: 'nan', value: 'NaN' });
    else if (special === 'infinity') numberParts.push({ type: 'infinity', value: '∞' });
    else {
      let minimumFraction = fixed.minimumFraction;
      const { integer, fraction } = toFixedParts(fixed.rounded, minimumFraction, state.minimumIntegerDigits);
      let shownFraction = fraction;
      if (state.trailingZeroDisplay === 'stripIfInteger' && /^0*$/.test(fraction)) shownFraction = '';
      const groups = groupInteger(integer, state.useGrouping === false ? false : state.useGrouping === 'min2' ? 'min2' : true);
      groups.forEach((group, index) => {
        if (index > 0) numberParts.push({ type: 'group', value: ',' });
        numberParts.push({ type: 'integer', value: group });
      });
      if (shownFraction !== '') {
        numberParts.push({ type: 'decimal', value: '.' });
        numberParts.push({ type: 'fraction', value: shownFraction });
      }
      if (state.notation === 'scientific' || state.notation === 'engineering') {
        numberParts.push({ type: 'exponentSeparator', value: 'E' });
        if (exponent < 0) numberParts.push({ type: 'exponentMinusSign', value: '-' });
        numberParts.push({ type: 'exponentInteger', value: String(Math.abs(exponent)) });
      }
      if (compactSuffix !== '') {
        if (compactSuffix.startsWith(' ')) numberParts.push({ type: 'literal', value: ' ' });
        numberParts.push({ type: 'compact', value: compactSuffix.trim() });
      }
    }
    const signPart = accounting ? [] : sign === '' ? [] : [{ type: sign === '-' ? 'minusSign' : 'plusSign', value: sign }];

    if (state.style === 'percent') {
      parts.push(...signPart, ...numberParts, { type: 'percentSign', value: '%' });
    } else if (state.style === 'currency') {
      const code = state.currency;
      const plural = special !== undefined || !(fixed.rounded.digits === '1' && fixed.rounded.exponent === 1 && fixed.minimumFraction === 0) ? 1 : 0;
      if (state.currencyDisplay === 'name') {
        const names = CURRENCY_NAMES[code] ?? [code, code];
        parts.push(...signPart, ...numberParts, { type: 'literal', value: ' ' }, { type: 'currency', value: names[plural] });
      } else {
        const symbol = state.currencyDisplay === 'code' ? code
          : state.currencyDisplay === 'narrowSymbol' ? (NARROW_SYMBOLS[code] ?? CURRENCY_SYMBOLS[code] ?? code)
            : (CURRENCY_SYMBOLS[code] ?? code);
        // A symbol made of letters is set apart from the digits by a no-break space.
        const spaced = /[A-Za-z]$/.test(symbol) && special === undefined;
        if (accounting) parts.push({ type: 'literal', value: '(' });
        parts.push(...signPart, { type: 'currency', value: symbol });
        if (spaced) parts.push({ type: 'literal', value: NBSP });
        parts.push(...numberParts);
        if (accounting) parts.push({ type: 'literal', value: ')' });
      }
    } else if (state.style === 'unit') {
      const names = UNITS[state.unit];
      const many = !(special === undefined && fixed.rounded.digits === '1' && fixed.rounded.exponent === 1 && fixed.minimumFraction === 0);
      if (state.unit === 'percent' && state.unitDisplay !== 'long') {
        parts.push(...signPart, ...numberParts, { type: 'unit', value: '%' });
      } else if (state.unitDisplay === 'long') {
        parts.push(...signPart, ...numberParts, { type: 'literal', value: ' ' }, { type: 'unit', value: names[many ? 3 : 2] });
      } else if (state.unitDisplay === 'narrow') {
        parts.push(...signPart, ...numberParts, { type: 'unit', value: names[4] });
      } else {
        const symbol = names[many ? 1 : 0];
        parts.push(...signPart, ...numberParts);
        // Degrees hug the number in the short form; every other symbol is set apart.
        if (!symbol.startsWith('°')) parts.push({ type: 'literal', value: ' ' });
        parts.push({ type: 'unit', value: symbol });
      }
    } else {
      parts.push(...signPart, ...numberParts);
    }
    return parts;
  };

  // ---------------------------------------------------------------------------------------
  // DateTimeFormat (en-US, UTC)

  const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const UTC_NAMES = new Set(['UTC', 'ETC/UTC', 'ETC/GMT', 'GMT', 'ETC/UCT', 'UCT', 'ETC/ZULU', 'ZULU', 'ETC/UNIVERSAL', 'UNIVERSAL', 'ETC/GMT0', 'ETC/GMT+0', 'ETC/GMT-0', 'GMT0', 'GMT+0', 'GMT-0', 'ETC/GREENWICH', 'GREENWICH']);
  const COMPONENTS = ['weekday', 'era', 'year', 'month', 'day', 'dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits', 'timeZoneName'];
  const dateTimeFormats = new WeakMap();

  const resolveTimeZone = (timeZone) => {
    if (timeZone === undefined) return 'UTC';
    const name = String(timeZone);
    if (UTC_NAMES.has(name.toUpperCase())) return name.toUpperCase() === 'UTC' ? 'UTC' : name;
    throw new RangeError(`Invalid time zone specified: ${name} (the funcbox sandbox has only UTC)`);
  };

  class DateTimeFormat {
    constructor(locales = undefined, options = undefined, required = 'any', defaults = 'date') {
      const locale = resolveLocale(locales);
      options = toObject(options);
      getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
      const calendar = getOption(options, 'calendar', undefined, 'gregory');
      if (calendar !== 'gregory' && calendar !== 'iso8601') throw new RangeError('Invalid calendar');
      const numberingSystem = getOption(options, 'numberingSystem', undefined, 'latn');
      const hour12 = options.hour12 === undefined ? undefined : Boolean(options.hour12);
      const hourCycle = getOption(options, 'hourCycle', ['h11', 'h12', 'h23', 'h24'], undefined);
      const timeZone = resolveTimeZone(options.timeZone);
      const state = { locale, calendar, numberingSystem, timeZone };
      state.weekday = getOption(options, 'weekday', ['narrow', 'short', 'long'], undefined);
      state.era = getOption(options, 'era', ['narrow', 'short', 'long'], undefined);
      state.year = getOption(options, 'year', ['2-digit', 'numeric'], undefined);
      state.month = getOption(options, 'month', ['2-digit', 'numeric', 'narrow', 'short', 'long'], undefined);
      state.day = getOption(options, 'day', ['2-digit', 'numeric'], undefined);
      state.dayPeriod = getOption(options, 'dayPeriod', ['narrow', 'short', 'long'], undefined);
      state.hour = getOption(options, 'hour', ['2-digit', 'numeric'], undefined);
      state.minute = getOption(options, 'minute', ['2-digit', 'numeric'], undefined);
      state.second = getOption(options, 'second', ['2-digit', 'numeric'], undefined);
      state.fractionalSecondDigits = getNumberOption(options, 'fractionalSecondDigits', 1, 3, undefined);
      state.timeZoneName = getOption(options, 'timeZoneName', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric'], undefined);
      state.dateStyle = getOption(options, 'dateStyle', ['full', 'long', 'medium', 'short'], undefined);
      state.timeStyle = getOption(options, 'timeStyle', ['full', 'long', 'medium', 'short'], undefined);
      const hasStyle = state.dateStyle !== undefined || state.timeStyle !== undefined;
      if (hasStyle && COMPONENTS.some((key) => state[key] !== undefined)) {
        throw new TypeError("Can't set option " + COMPONENTS.find((key) => state[key] !== undefined) + ' when dateStyle or timeStyle is used');
      }
      if (!hasStyle) {
        const hasDate = ['weekday', 'year', 'month', 'day'].some((key) => state[key] !== undefined);
        const hasTime = ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits'].some((key) => state[key] !== undefined);
        const needDefaults = required === 'date' ? !hasDate : required === 'time' ? !hasTime : !hasDate && !hasTime;
        if (needDefaults && (defaults === 'date' || defaults === 'all')) {
          state.year = 'numeric';
          state.month = 'numeric';
          state.day = 'numeric';
        }
        if (needDefaults && (defaults === 'time' || defaults === 'all')) {
          state.hour = 'numeric';
          state.minute = 'numeric';
          state.second = 'numeric';
        }
      }
      const usesHour = state.hour !== undefined || state.timeStyle !== undefined;
      if (usesHour) {
        state.hourCycle = hour12 !== undefined ? (hour12 ? 'h12' : 'h23') : (hourCycle ?? 'h12');
        if (hour12 === undefined && hourCycle === 'h24') state.hourCycle = 'h24';
        if (hour12 === undefined && hourCycle === 'h11') state.hourCycle = 'h11';
      }
      // ICU pads minutes and seconds to two digits whenever they follow another field.
      if (state.minute !== undefined && (state.hour !== undefined)) state.minute = '2-digit';
      if (state.second !== undefined && (state.minute !== undefined)) state.second = '2-digit';
      if (state.hour !== undefined && state.hourCycle !== undefined && (state.hourCycle === 'h23' || state.hourCycle === 'h24') && state.minute !== undefined) state.hour = '2-digit';
      dateTimeFormats.set(this, state);
    }

    get format() {
      const state = stateOf(dateTimeFormats, this, 'Intl.DateTimeFormat');
      return (date) => joinParts(formatDateToParts(state, date)).replaceAll('\u202f', ' ');
    }

    formatToParts(date) {
      return formatDateToParts(stateOf(dateTimeFormats, this, 'Intl.DateTimeFormat'), date);
    }

    formatRange(start, end) {
      const format = this.format;
      const a = format(start);
      const b = format(end);
      return a === b ? a : `${a} – ${b}`;
    }

    resolvedOptions() {
      const s = stateOf(dateTimeFormats, this, 'Intl.DateTimeFormat');
      const out = { locale: s.locale, calendar: s.calendar, numberingSystem: s.numberingSystem, timeZone: s.timeZone };
      if (s.hourCycle !== undefined) Object.assign(out, { hourCycle: s.hourCycle, hour12: s.hourCycle === 'h11' || s.hourCycle === 'h12' });
      for (const key of COMPONENTS) if (s[key] !== undefined) out[key] = s[key];
      if (s.dateStyle !== undefined) out.dateStyle = s.dateStyle;
      if (s.timeStyle !== undefined) out.timeStyle = s.timeStyle;
      return out;
    }

    static supportedLocalesOf(locales) {
      return supportedLocalesOf(locales);
    }
  }
  Object.defineProperty(DateTimeFormat.prototype, Symbol.toStringTag, { value: 'Intl.DateTimeFormat', configurable: true });

  const two = (n) => String(n).padStart(2, '0');

  const formatDateToParts = (state, date) => {
    const time = date === undefined ? Date.now() : Number(date instanceof Date ? date.getTime() : date);
    if (!Number.isFinite(time)) throw new RangeError('Invalid time value');
    const d = new Date(time);
    const f = {
      year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), weekday: d.getUTCDay(),
      hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds(),
    };
    let s = state;
    if (state.dateStyle !== undefined || state.timeStyle !== undefined) s = styleComponents(state);
    const parts = [];
    const literal = (value) => parts.push({ type: 'literal', value });
    const yearText = () => {
      const year = f.year <= 0 ? 1 - f.year : f.year;
      return s.year === '2-digit' ? two(year % 100) : String(year);
    };
    const monthText = () => {
      switch (s.month) {
        case 'numeric': return String(f.month + 1);
        case '2-digit': return two(f.month + 1);
        case 'narrow': return MONTHS[f.month][0];
        case 'short': return MONTHS[f.month].slice(0, 3);
        default: return MONTHS[f.month];
      }
    };
    const weekdayText = () =>
      s.weekday === 'long' ? WEEKDAYS[f.weekday] : s.weekday === 'short' ? WEEKDAYS[f.weekday].slice(0, 3) : WEEKDAYS[f.weekday][0];
    const dayText = () => (s.day === '2-digit' ? two(f.day) : String(f.day));
    const needsEra = s.era !== undefined || (s.year !== undefined && f.year <= 0);
    const eraText = () => {
      const bc = f.year <= 0;
      if (s.era === 'long') return bc ? 'Before Christ' : 'Anno Domini';
      if (s.era === 'narrow') return bc ? 'B' : 'A';
      return bc ? 'BC' : 'AD';
    };

    // The date.
    const textMonth = s.month === 'short' || s.month === 'long' || s.month === 'narrow';
    let dateLength = 'short';
    if (s.month === 'long') dateLength = s.weekday === 'long' ? 'full' : 'long';
    else if (textMonth) dateLength = 'medium';
    const hasDate = s.year !== undefined || s.month !== undefined || s.day !== undefined || s.weekday !== undefined;
    if (hasDate) {
      const pushWeekday = () => {
        if (s.weekday !== undefined) {
          parts.push({ type: 'weekday', value: weekdayText() });
          if (s.year !== undefined || s.month !== undefined || s.day !== undefined) literal(', ');
          else if (s.hour !== undefined || s.minute !== undefined || s.second !== undefined) literal(' ');
        }
      };
      pushWeekday();
      if (textMonth) {
        if (s.month !== undefined) parts.push({ type: 'month', value: monthText() });
        if (s.day !== undefined) {
          if (s.month !== undefined) literal(' ');
          parts.push({ type: 'day', value: dayText() });
        }
        if (s.year !== undefined) {
          if (s.day !== undefined) literal(', ');
          else if (s.month !== undefined) literal(' ');
          parts.push({ type: 'year', value: yearText() });
        }
        if (needsEra) {
          literal(' ');
          parts.push({ type: 'era', value: eraText() });
        }
      } else {
        const fields = [];
        if (s.month !== undefined) fields.push({ type: 'month', value: monthText() });
        if (s.day !== undefined) fields.push({ type: 'day', value: dayText() });
        if (s.year !== undefined) fields.push({ type: 'year', value: yearText() });
        fields.forEach((field, index) => {
          if (index > 0) literal('/');
          parts.push(field);
        });
        if (needsEra) {
          literal(' ');
          parts.push({ type: 'era', value: eraText() });
        }
      }
    }

    // The time.
    const hasTime = s.hour !== undefined || s.minute !== undefined || s.second !== undefined || s.fractionalSecondDigits !== undefined;
    if (hasTime) {
      const weekdayOnly = s.year === undefined && s.month === undefined && s.day === undefined;
      if (hasDate && !weekdayOnly) literal(dateLength === 'full' || dateLength === 'long' ? ' at ' : ', ');
      const cycle = state.hourCycle ?? 'h12';
      const twelve = cycle === 'h11' || cycle === 'h12';
      const fields = [];
      if (s.hour !== undefined) {
        let hour = f.hour;
        if (cycle === 'h12') hour = hour % 12 === 0 ? 12 : hour % 12;
        else if (cycle === 'h11') hour %= 12;
        else if (cycle === 'h24') hour = hour === 0 ? 24 : hour;
        // The 24-hour clock always shows two digits in en-US.
        const padded = s.hour === '2-digit' || !twelve;
        fields.push({ type: 'hour', value: padded ? two(hour) : String(hour) });
      }
      if (s.minute !== undefined) fields.push({ type: 'minute', value: s.minute === '2-digit' ? two(f.minute) : String(f.minute) });
      if (s.second !== undefined) fields.push({ type: 'second', value: s.second === '2-digit' ? two(f.second) : String(f.second) });
      fields.forEach((field, index) => {
        if (index > 0) literal(':');
        parts.push(field);
      });
      if (s.fractionalSecondDigits !== undefined) {
        if (fields.length > 0) literal('.');
        parts.push({ type: 'fractionalSecond', value: String(f.ms).padStart(3, '0').slice(0, s.fractionalSecondDigits) });
      }
      if (s.hour !== undefined && twelve) {
        // ICU puts a narrow no-break space before AM/PM; V8's format() turns it into a space.
        literal('\u202f');
        parts.push({ type: 'dayPeriod', value: f.hour < 12 ? 'AM' : 'PM' });
      }
    }
    if (s.timeZoneName !== undefined) {
      literal(' ');
      const names = { short: 'UTC', long: 'Coordinated Universal Time', shortOffset: 'GMT', longOffset: 'GMT', shortGeneric: 'GMT', longGeneric: 'GMT' };
      parts.push({ type: 'timeZoneName', value: names[s.timeZoneName] });
    }
    return parts;
  };

  // dateStyle and timeStyle as the components en-US uses for them.
  const styleComponents = (state) => {
    const s = { hourCycle: state.hourCycle };
    switch (state.dateStyle) {
      case 'full': Object.assign(s, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }); break;
      case 'long': Object.assign(s, { month: 'long', day: 'numeric', year: 'numeric' }); break;
      case 'medium': Object.assign(s, { month: 'short', day: 'numeric', year: 'numeric' }); break;
      case 'short': Object.assign(s, { month: 'numeric', day: 'numeric', year: '2-digit' }); break;
      default: break;
    }
    const twentyFour = state.hourCycle === 'h23' || state.hourCycle === 'h24';
    switch (state.timeStyle) {
      case 'full': Object.assign(s, { hour: twentyFour ? '2-digit' : 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'long' }); break;
      case 'long': Object.assign(s, { hour: twentyFour ? '2-digit' : 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }); break;
      case 'medium': Object.assign(s, { hour: twentyFour ? '2-digit' : 'numeric', minute: '2-digit', second: '2-digit' }); break;
      case 'short': Object.assign(s, { hour: twentyFour ? '2-digit' : 'numeric', minute: '2-digit' }); break;
      default: break;
    }
    return s;
  };

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

  // ---------------------------------------------------------------------------------------
  // PluralRules, ListFormat, RelativeTimeFormat (English rules)

  const pluralRules = new WeakMap();

  class PluralRules {
    constructor(locales = undefined, options = undefined) {
      options = toObject(options);
      const type = getOption(options, 'type', ['cardinal', 'ordinal'], 'cardinal');
      const format = new NumberFormat('en-US', {
        minimumFractionDigits: options.minimumFractionDigits,
        maximumFractionDigits: options.maximumFractionDigits,
        minimumSignificantDigits: options.minimumSignificantDigits,
        maximumSignificantDigits: options.maximumSignificantDigits,
        minimumIntegerDigits: options.minimumIntegerDigits,
        useGrouping: false,
      });
      pluralRules.set(this, { locale: resolveLocale(locales), type, format });
    }

    select(n) {
      const { type, format } = stateOf(pluralRules, this, 'Intl.PluralRules');
      const x = Number(n);
      if (!Number.isFinite(x)) return 'other';
      const text = format.format(Math.abs(x));
      if (type === 'ordinal') {
        if (text.includes('.')) return 'other';
        const i = Number(text);
        const mod10 = i % 10;
        const mod100 = i % 100;
        if (mod10 === 1 && mod100 !== 11) return 'one';
        if (mod10 === 2 && mod100 !== 12) return 'two';
        if (mod10 === 3 && mod100 !== 13) return 'few';
        return 'other';
      }
      return text === '1' ? 'one' : 'other';
    }

    resolvedOptions() {
      const { locale, type, format } = stateOf(pluralRules, this, 'Intl.PluralRules');
      const { minimumIntegerDigits, minimumFractionDigits, maximumFractionDigits } = format.resolvedOptions();
      return {
        locale, type, minimumIntegerDigits, minimumFractionDigits, maximumFractionDigits,
        pluralCategories: type === 'ordinal' ? ['few', 'one', 'two', 'other'] : ['one', 'other'],
        roundingIncrement: 1, roundingMode: 'halfExpand', roundingPriority: 'auto', trailingZeroDisplay: 'auto',
      };
    }

    static supportedLocalesOf(locales) {
      return supportedLocalesOf(locales);
    }
  }
  Object.defineProperty(PluralRules.prototype, Symbol.toStringTag, { value: 'Intl.PluralRules', configurable: true });

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
        number: new NumberFormat('en-US'),
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

  // ---------------------------------------------------------------------------------------
  // The Intl namespace and the built-in methods that use it

  const Intl = {};
  const members = {
    Collator, DateTimeFormat, ListFormat, NumberFormat, PluralRules, RelativeTimeFormat,
    getCanonicalLocales: (locales) => canonicalLocales(locales).filter((locale, index, all) => all.indexOf(locale) === index),
    supportedValuesOf: () => { throw new RangeError('Intl.supportedValuesOf is not available in the sandbox'); },
  };
  for (const [name, value] of Object.entries(members)) {
    Object.defineProperty(Intl, name, { value, writable: true, configurable: true, enumerable: false });
  }
  Object.defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });

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
  const numberFormat = cached(NumberFormat);
  const dateFormat = cached(DateTimeFormat);
  const thisNumber = Number.prototype.valueOf;
  const thisBigInt = BigInt.prototype.valueOf;
  const thisTime = Date.prototype.getTime;
  const method = (object, name, implementation) => {
    const holder = { [name](...args) { return implementation(this, args); } };
    Object.defineProperty(object, name, { value: holder[name], writable: true, configurable: true, enumerable: false });
  };
  method(Number.prototype, 'toLocaleString', (self, [locales, options]) =>
    numberFormat(locales, options).format(thisNumber.call(self)));
  method(BigInt.prototype, 'toLocaleString', (self, [locales, options]) =>
    numberFormat(locales, options).format(thisBigInt.call(self)));
  const dateMethod = (name, required, defaults) =>
    method(Date.prototype, name, (self, [locales, options]) => {
      const time = thisTime.call(self);
      if (Number.isNaN(time)) return 'Invalid Date';
      return dateFormat(locales, options, required, defaults).format(time);
    });
  dateMethod('toLocaleString', 'any', 'all');
  dateMethod('toLocaleDateString', 'date', 'date');
  dateMethod('toLocaleTimeString', 'time', 'time');

  return { Intl };
}

// Intl.NumberFormat and Intl.PluralRules for en-US, and Number/BigInt toLocaleString on them.
// See common.js.
(natives) => {
  'use strict';
  const {
    toObject, getOption, getNumberOption, canonicalLocales, resolveLocale, supportedLocalesOf,
    stateOf, joinParts, cached, method,
  } = natives.require('intlCommon');
  const NBSP = '\u00a0';

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
    // Each rounding keeps some digits after the point: more of them, more precision.
    const significantPlaces = state.maximumSignificantDigits - decimal.exponent;
    const fractionPlaces = state.maximumFractionDigits;
    const pickSignificant = state.roundingPriority === 'morePrecision'
      ? significantPlaces >= fractionPlaces
      : significantPlaces <= fractionPlaces;
    if (pickSignificant) {
      const rounded = bySignificant();
      return { rounded, minimumFraction: significantMinFraction(rounded) };
    }
    return { rounded: byFraction(), minimumFraction: state.minimumFractionDigits };
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

  const numberFormat = cached(NumberFormat);
  const thisNumber = Number.prototype.valueOf;
  const thisBigInt = BigInt.prototype.valueOf;
  method(Number.prototype, 'toLocaleString', (self, [locales, options]) =>
    numberFormat(locales, options).format(thisNumber.call(self)));
  method(BigInt.prototype, 'toLocaleString', (self, [locales, options]) =>
    numberFormat(locales, options).format(thisBigInt.call(self)));

  return { NumberFormat, PluralRules };
}

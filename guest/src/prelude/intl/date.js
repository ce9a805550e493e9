// Intl.DateTimeFormat for en-US in UTC, and the Date toLocale*String methods on it. See
// common.js.
(natives) => {
  'use strict';
  const {
    toObject, getOption, getNumberOption, canonicalLocales, resolveLocale, supportedLocalesOf,
    stateOf, joinParts, cached, method,
  } = natives.require('intlCommon');
  const Date = natives.Date;

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

  const dateFormat = cached(DateTimeFormat);
  const thisTime = Date.prototype.getTime;
  const dateMethod = (name, required, defaults) =>
    method(Date.prototype, name, (self, [locales, options]) => {
      const time = thisTime.call(self);
      if (Number.isNaN(time)) return 'Invalid Date';
      return dateFormat(locales, options, required, defaults).format(time);
    });
  dateMethod('toLocaleString', 'any', 'all');
  dateMethod('toLocaleDateString', 'date', 'date');
  dateMethod('toLocaleTimeString', 'time', 'time');

  return { DateTimeFormat };
}

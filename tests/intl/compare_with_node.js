// Checks the sandbox's en-US Intl (guest/src/prelude/intl/) against node's own ICU-backed Intl
// on ~2,700 format calls: numbers × NumberFormat options, dates × DateTimeFormat options,
// toLocaleString and friends, PluralRules, ListFormat and RelativeTimeFormat. It loads the
// prelude into a fresh node realm (vm), so it needs no build. Run it with node 22 and TZ=UTC:
//
//   TZ=UTC node tests/intl/compare_with_node.js        (ALL=1 prints every difference)
//
// The corpus (tests/corpus) checks whole utilities in the real sandbox; this checks the
// formatting tables themselves much more densely than utilities do.
const vm = require('vm'); const fs = require('fs');
const dir = require('path').join(__dirname, '../../guest/src/prelude/intl/');
const ctx = vm.createContext({});
const store = {};
const chunks = { intlCommon: 'common', getCanonicalLocales: 'common', NumberFormat: 'number', PluralRules: 'number', DateTimeFormat: 'date', Collator: 'text', ListFormat: 'text', RelativeTimeFormat: 'text' };
const loaded = {};
const natives = { collatorCompare: (a, b, l, o) => new Intl.Collator(l, o).compare(a, b), collatorResolve: (l, o) => new Intl.Collator(l, o).resolvedOptions(), Date: vm.runInContext('Date', ctx),
  require: (key) => { const chunk = chunks[key]; if (!loaded[chunk]) { loaded[chunk] = true; Object.assign(store, vm.runInContext(fs.readFileSync(dir + chunk + '.js', 'utf8'), ctx)(natives)); } return store[key]; } };
const P = {}; for (const k of Object.keys(chunks)) Object.defineProperty(P, k, { get: () => natives.require(k) });
ctx.P = P;
let fails = 0, total = 0;
const check = (label, ours, theirs) => { total++; if (ours !== theirs) { fails++; if (process.env.ALL || fails < 80) console.log(`DIFF ${label}\n   ours:   ${JSON.stringify(ours)}\n   node:   ${JSON.stringify(theirs)}`); } };
const run = (fn) => { try { return fn(); } catch (e) { return 'THROW ' + e.constructor.name; } };
const numbers = [0, -0, 1, -1, 0.5, 1.005, 2.675, 3.005, 0.125, 12, 999, 1000, 1234.5, 1234.5678, 12345.6789, -12345, 999999, 999999.5, 1e6, 1234567.891, 15700, 104500, 987654321, 12345678901234, 1e21, 9007199254740991, 0.000123, 0.07, 0.391, 0.999, 0.0005, 100000.9999, NaN, Infinity, -Infinity, 1.5, 2.5, -2.5, 5e-7, 123.456];
const numberOptions = [undefined, {}, { minimumFractionDigits: 2 }, { maximumFractionDigits: 0 }, { minimumFractionDigits: 2, maximumFractionDigits: 2 }, { maximumFractionDigits: 1 },
  { style: 'percent' }, { style: 'percent', minimumFractionDigits: 1 }, { style: 'percent', maximumFractionDigits: 2 },
  { style: 'currency', currency: 'USD' }, { style: 'currency', currency: 'EUR' }, { style: 'currency', currency: 'JPY' }, { style: 'currency', currency: 'GBP', currencyDisplay: 'code' }, { style: 'currency', currency: 'CHF' }, { style: 'currency', currency: 'USD', currencySign: 'accounting' }, { style: 'currency', currency: 'USD', currencyDisplay: 'name' }, { style: 'currency', currency: 'CAD' }, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }, { style: 'currency', currency: 'USD', notation: 'compact' },
  { notation: 'compact' }, { notation: 'compact', compactDisplay: 'long' }, { notation: 'compact', maximumFractionDigits: 1 }, { notation: 'scientific' }, { notation: 'engineering' },
  { maximumSignificantDigits: 3 }, { minimumSignificantDigits: 5 }, { useGrouping: false }, { minimumIntegerDigits: 3 }, { signDisplay: 'always' }, { signDisplay: 'exceptZero' }, { signDisplay: 'never' }, { signDisplay: 'negative' },
  { style: 'unit', unit: 'kilometer' }, { style: 'unit', unit: 'kilometer', unitDisplay: 'long' }, { style: 'unit', unit: 'celsius' }, { style: 'unit', unit: 'megabyte', unitDisplay: 'narrow' }, { style: 'unit', unit: 'liter', unitDisplay: 'long' }, { style: 'unit', unit: 'hour', unitDisplay: 'long' }, { style: 'unit', unit: 'kilobyte' }, { style: 'unit', unit: 'percent' }, { style: 'unit', unit: 'day' }, { style: 'unit', unit: 'day', unitDisplay: 'narrow' }, { style: 'unit', unit: 'mile-per-hour' }];
for (const o of numberOptions) for (const n of numbers) {
  check(`NumberFormat(${JSON.stringify(o)}).format(${Object.is(n,-0)?'-0':n})`, run(() => new P.NumberFormat('en-US', o).format(n)), run(() => new Intl.NumberFormat('en-US', o).format(n)));
}
for (const n of numbers) check(`toLocaleString ${n}`, run(() => (natives.require('NumberFormat'), vm.runInContext(`(${Object.is(n,-0)?'-0':n}).toLocaleString()`, ctx))), n.toLocaleString());
for (const o of numberOptions.slice(0, 12)) check(`resolved ${JSON.stringify(o)}`, JSON.stringify(run(() => new P.NumberFormat('en-US', o).resolvedOptions())), JSON.stringify(new Intl.NumberFormat('en-US', o).resolvedOptions()));
check('bigint', run(() => (natives.require('NumberFormat'), vm.runInContext('(123456789012345678901234567890n).toLocaleString("en-US")', ctx))), (123456789012345678901234567890n).toLocaleString('en-US'));
check('bigint currency', run(() => new P.NumberFormat('en-US', {style:'currency', currency:'USD'}).format(1234567n)), new Intl.NumberFormat('en-US', {style:'currency', currency:'USD'}).format(1234567n));
const dates = ['2024-03-15T10:30:00Z', '2024-03-15T00:05:12Z', '2024-12-31T23:59:59.987Z', '2024-01-01T12:00:00Z', '0999-06-30T00:00:00Z', '1865-04-09T17:45:00Z', '2000-02-29T09:07:03Z'].map((s) => new Date(s));
const dateOptions = [undefined, {}, { timeZone: 'UTC' }, { year: 'numeric', month: 'long', day: 'numeric' }, { year: 'numeric', month: 'short', day: 'numeric' }, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }, { weekday: 'long' }, { weekday: 'short' }, { month: 'long' }, { month: 'short', day: 'numeric' }, { year: 'numeric', month: '2-digit', day: '2-digit' }, { month: 'long', year: 'numeric' },
  { hour: '2-digit', minute: '2-digit' }, { hour: 'numeric', minute: '2-digit', hour12: false }, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }, { hour: 'numeric' }, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }, { dateStyle: 'full' }, { dateStyle: 'long' }, { dateStyle: 'medium' }, { dateStyle: 'short' }, { timeStyle: 'short' }, { timeStyle: 'medium' }, { timeStyle: 'long' }, { timeStyle: 'full' }, { dateStyle: 'medium', timeStyle: 'short' }, { dateStyle: 'long', timeStyle: 'short' }, { dateStyle: 'full', timeStyle: 'long' }, { dateStyle: 'short', timeStyle: 'short' },
  { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }, { month: 'long', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }, { weekday: 'short', month: 'short', day: 'numeric' }, { year: '2-digit', month: '2-digit', day: '2-digit' }, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short', hour12: false }, { minute: '2-digit', second: '2-digit' }, { hour: 'numeric', hourCycle: 'h23' }, { weekday: 'long', hour: 'numeric' }, { era: 'short', year: 'numeric' }, { month: 'narrow' }, { day: 'numeric' }, { year: 'numeric' }, { hour: 'numeric', minute: 'numeric', second: 'numeric', fractionalSecondDigits: 3 }];
for (const o of dateOptions) for (const d of dates) {
  check(`DTF(${JSON.stringify(o)}).format(${d.toISOString()})`, run(() => new P.DateTimeFormat('en-US', o).format(d)), run(() => new Intl.DateTimeFormat('en-US', o).format(d)));
}
for (const d of dates) for (const m of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) for (const o of [undefined, { month: 'long' }, { hour: '2-digit', minute: '2-digit' }, { weekday: 'long', timeZone: 'UTC' }])
  check(`${m} ${JSON.stringify(o)} ${d.toISOString()}`, run(() => (natives.require('DateTimeFormat'), vm.runInContext(`new Date(${d.getTime()}).${m}('en-US', ${JSON.stringify(o)})`, ctx))), d[m]('en-US', o));
for (const o of dateOptions.slice(0, 30)) check(`dtf resolved ${JSON.stringify(o)}`, JSON.stringify(run(() => new P.DateTimeFormat('en-US', o).resolvedOptions())), JSON.stringify(new Intl.DateTimeFormat('en-US', o).resolvedOptions()));
for (const n of [0, 1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 1.5, 1.0]) for (const t of ['cardinal', 'ordinal']) check(`plural ${t} ${n}`, new P.PluralRules('en-US', { type: t }).select(n), new Intl.PluralRules('en-US', { type: t }).select(n));
for (const list of [[], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd']]) for (const type of ['conjunction', 'disjunction', 'unit']) for (const style of ['long', 'short', 'narrow'])
  check(`list ${type} ${style} ${list}`, run(() => new P.ListFormat('en', { type, style }).format(list)), run(() => new Intl.ListFormat('en', { type, style }).format(list)));
for (const v of [-2, -1, 0, 1, 2, 1.5, -0, 1000]) for (const u of ['second', 'minutes', 'hour', 'day', 'days', 'week', 'month', 'quarter', 'year']) for (const numeric of ['always', 'auto']) for (const style of ['long', 'short', 'narrow'])
  check(`rtf ${v} ${u} ${numeric} ${style}`, run(() => new P.RelativeTimeFormat('en', { numeric, style }).format(v, u)), run(() => new Intl.RelativeTimeFormat('en', { numeric, style }).format(v, u)));
check('parts', JSON.stringify(new P.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).formatToParts(-1234.5)), JSON.stringify(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).formatToParts(-1234.5)));
check('dparts', JSON.stringify(new P.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).formatToParts(dates[0])), JSON.stringify(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).formatToParts(dates[0])));
console.log(`${total - fails} of ${total} match node`);
process.exit(fails === 0 ? 0 : 1);

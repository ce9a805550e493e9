// description: process each line of the input through an async pipeline (validate, normalize, enrich) and return a summary once all steps are done
const sleep = () => Promise.resolve();

async function validate(record) {
  await sleep();
  if (!record.email.includes('@')) {
    throw new Error(`invalid email for ${record.name}`);
  }
  return record;
}

async function normalize(record) {
  await sleep();
  return {
    ...record,
    name: record.name
      .trim()
      .split(/\s+/)
      .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase())
      .join(' '),
    email: record.email.trim().toLowerCase(),
  };
}

async function enrich(record) {
  const domain = await Promise.resolve(record.email.split('@')[1]);
  return { ...record, domain, initials: record.name.split(' ').map((w) => w[0]).join('') };
}

module.exports = async function (input) {
  const lines = input.split('\n').filter((l) => l.trim());
  const ok = [];
  const failed = [];

  for (const line of lines) {
    const [name, email] = line.split(';');
    try {
      const r1 = await validate({ name, email });
      const r2 = await normalize(r1);
      const r3 = await enrich(r2);
      ok.push(r3);
    } catch (err) {
      failed.push(err.message);
    }
  }

  const domains = ok.reduce((acc, r) => {
    acc[r.domain] = (acc[r.domain] || 0) + 1;
    return acc;
  }, {});

  return [
    ...ok.map((r) => `${r.initials.padEnd(4)} ${r.name} <${r.email}>`),
    `processed: ${ok.length}, failed: ${failed.length}`,
    ...failed.map((f) => `  ! ${f}`),
    `domains: ${JSON.stringify(domains)}`,
  ].join('\n');
};

// description: the input lists which skills each team member has ("name: skill, skill, ..."); using Set operations, print the skills everyone shares, the union of all skills, skills unique to each person, and whether one person's skills are a subset of another's
module.exports = function (input) {
  const people = new Map();
  for (const line of input.trim().split('\n')) {
    const [name, skills] = line.split(':');
    people.set(
      name.trim(),
      new Set(
        skills
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean)
      )
    );
  }

  const sets = [...people.values()];
  const all = sets.reduce((acc, s) => acc.union(s));
  const common = sets.reduce((acc, s) => acc.intersection(s));
  const fmt = (s) => [...s].sort().join(', ') || '(none)';

  const out = [];
  out.push(`all skills (${all.size}): ${fmt(all)}`);
  out.push(`shared by everyone: ${fmt(common)}`);

  for (const [name, skills] of people) {
    const others = [...people].filter(([n]) => n !== name).reduce((acc, [, s]) => acc.union(s), new Set());
    out.push(`only ${name}: ${fmt(skills.difference(others))}`);
  }

  const names = [...people.keys()];
  for (const a of names) {
    for (const b of names) {
      if (a === b) continue;
      const sa = people.get(a);
      const sb = people.get(b);
      if (sa.isSubsetOf(sb)) out.push(`${a} ⊆ ${b}`);
      if (sa.isDisjointFrom(sb)) out.push(`${a} and ${b} share nothing`);
    }
  }

  const [first, second] = names;
  const x = people.get(first);
  const y = people.get(second);
  out.push(`${first} △ ${second}: ${fmt(x.symmetricDifference(y))}`);
  out.push(`${second} ⊇ ${first}: ${y.isSupersetOf(x)}`);
  return out.join('\n');
};

// description: the input is CSV of employees (name,department,salary,city); group them by department and print each group with its head count and average salary, then group by salary band
module.exports = function (input) {
  const [header, ...rows] = input.trim().split('\n');
  const keys = header.split(',');
  const employees = rows.map((row) => {
    const values = row.split(',');
    const obj = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
    obj.salary = Number(obj.salary);
    return obj;
  });

  const byDept = Object.groupBy(employees, (e) => e.department);
  const out = [];
  for (const [dept, members] of Object.entries(byDept).sort(([a], [b]) => a.localeCompare(b))) {
    const avg = members.reduce((s, e) => s + e.salary, 0) / members.length;
    out.push(`${dept} (${members.length}): avg ${Math.round(avg)} — ${members.map((e) => e.name).join(', ')}`);
  }

  const band = (salary) => (salary >= 100000 ? 'senior' : salary >= 70000 ? 'mid' : 'junior');
  const bySalaryBand = Map.groupBy(employees, (e) => band(e.salary));
  out.push('');
  for (const [b, members] of bySalaryBand) {
    out.push(`${b}: ${members.length} (${members.map((m) => m.city).join('/')})`);
  }

  const byCity = Object.groupBy(employees, ({ city }) => city);
  out.push('');
  out.push(`cities: ${Object.keys(byCity).join(', ')}`);
  out.push(`prototype is null: ${Object.getPrototypeOf(byDept) === null}`);
  out.push(`map keys in insertion order: ${[...bySalaryBand.keys()].join(' > ')}`);
  return out.join('\n');
};

// description: demonstrate the order in which synchronous code, queueMicrotask callbacks, promise callbacks and async functions run, using each input line as a task label; return the log of the execution order
module.exports = function (input) {
  const labels = input.split('\n').map((s) => s.trim()).filter(Boolean);
  const log = [];

  return new Promise((resolve) => {
    log.push('sync: start');

    labels.forEach((label, i) => {
      if (i % 3 === 0) {
        queueMicrotask(() => log.push(`microtask: ${label}`));
      } else if (i % 3 === 1) {
        Promise.resolve(label).then((v) => log.push(`then: ${v}`));
      } else {
        (async () => {
          log.push(`async before await: ${label}`);
          await null;
          log.push(`async after await: ${label}`);
        })();
      }
    });

    Promise.resolve()
      .then(() => log.push('chain: step 1'))
      .then(() => log.push('chain: step 2'))
      .then(() => log.push('chain: step 3'));

    queueMicrotask(() => {
      log.push('nested: outer');
      queueMicrotask(() => log.push('nested: inner'));
    });

    Promise.reject(new Error('boom'))
      .catch((e) => log.push(`caught: ${e.message}`))
      .finally(() => log.push('finally'));

    const thenable = { then(onFulfilled) { log.push('thenable.then called'); onFulfilled('thenable value'); } };
    Promise.resolve(thenable).then((v) => log.push(`resolved: ${v}`));

    log.push('sync: end');

    // Give every queued job a chance to run before reporting.
    let ticks = 0;
    const drain = () => {
      if (++ticks < 10) {
        queueMicrotask(drain);
      } else {
        resolve(log.map((entry, i) => `${String(i + 1).padStart(2, '0')} ${entry}`).join('\n'));
      }
    };
    queueMicrotask(drain);
  });
};

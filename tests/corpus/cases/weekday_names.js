// description: for each ISO date in the input, print the date and the day of the week it falls on
module.exports = function (input) {
  const dates = input.match(/\d{4}-\d{2}-\d{2}/g) || [];
  return dates
    .map((iso) => {
      const weekday = new Date(iso).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
      return `${iso} is a ${weekday}`;
    })
    .join('\n');
};

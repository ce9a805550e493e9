// description: the input is a JSON array of user objects; print each user's name and address.city (or "unknown" if missing), one per line
module.exports = function extractCities(input) {
  const users = JSON.parse(input);
  return users
    .map((user) => `${user.name}: ${user?.address?.city ?? 'unknown'}`)
    .join('\n');
};

// Prints which secrets arrived (never their values) so you can see injection work under the debugger.
const names = ['API_TOKEN', 'DB_PASSWORD', 'DB_USER'];
for (const name of names) {
  const value = process.env[name];
  console.log(`${name}: ${value ? `received (${value.length} characters)` : 'missing'}`);
}

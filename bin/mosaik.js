#!/usr/bin/env node
// The `mosaik` command. It runs the compiled CLI (built by `npm install` via the
// prepare script) so that a cold start does not pay for TypeScript compilation.
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    console.error('Mosaik ist noch nicht gebaut: bitte `npm install` ausführen. / Mosaik is not built yet: run `npm install`.');
    process.exit(1);
  }
  throw error;
}
process.exit(await cli.runCli(process.argv.slice(2)));

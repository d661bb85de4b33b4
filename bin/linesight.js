#!/usr/bin/env node
// The command's entry, committed so that `npm ci` can link it into node_modules/.bin (through the
// package's link to itself in devDependencies) before the build has made dist/. Without that link,
// `npx linesight` in a fresh clone installed the folder into npx's cache first (13 to 54 s).
try {
  await import('../dist/cli-bundle/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli-bundle/main.js'))
    throw error;
  process.stderr.write(
    'linesight: error: it has not been built yet\n      hint: run npm run build (npm ci does it)\n',
  );
  process.exitCode = 1;
}

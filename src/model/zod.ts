/**
 * zod, as the model's schemas use it. The build bundles this module with zod into one file
 * (scripts/bundle-dependencies.mjs), without the translations of zod's messages that nothing here
 * uses: 95 modules to load become one, and every command that reads a model starts 25 to 55 ms sooner.
 * Run from the sources (tests, tsx) it is zod as installed.
 */
export * from 'zod';

// commander, the command line's argument parser. The build replaces this file in dist/ by
// commander in one file, with V8's code cache beside it (scripts/bundle-dependencies.mjs); run
// from the sources it is the package as installed.
module.exports = require('commander');

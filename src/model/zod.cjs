// zod, the model's schemas' validator. The build replaces this file in dist/ by zod in one file,
// English messages only, with V8's code cache beside it (scripts/bundle-dependencies.mjs); run from
// the sources it is the package as installed.
module.exports = require('zod');

// DuckDB's client. The build replaces this file in dist/ by the client's modules in one file
// (scripts/bundle-dependencies.mjs); run from the sources it is the package as installed.
module.exports = require('@duckdb/node-api');

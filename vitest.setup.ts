/**
 * Property tests explore new random cases on every local run, but CI replays a fixed seed so
 * that what lands is judged on the same cases every time. A failure prints its seed to replay.
 */
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20261123 });

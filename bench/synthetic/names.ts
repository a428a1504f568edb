/**
 * The synthetic name generator lives in src/synthetic/ so that `unfree generate` can use it without
 * the CLI depending on bench/; the benchmarks keep importing it from here.
 */
export * from '../../src/synthetic/names.js';

/** The benchmarks' data generators draw from mulberry32 (src/scenario/prng.ts): same seed, same data. */
export { mulberry32 as rng } from '../../src/scenario/prng';

// Property tests run the same cases on every run, so `npm test` (and CI) gives the same
// answer for the same code. To explore new random cases, run with FC_SEED=random (or a
// number); a failure prints its seed and counterexample, which then becomes a plain test.
const fc = require('fast-check');

const wanted = process.env.FC_SEED;
if (wanted !== 'random') {
  const seed = wanted !== undefined && /^-?\d+$/.test(wanted) ? Number(wanted) : 20261124;
  fc.configureGlobal({ seed });
}

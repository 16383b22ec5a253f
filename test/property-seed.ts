import fc from 'fast-check';

// Property tests explore thousands of generated inputs. With a fresh random
// seed per run, a rare counterexample turns CI red on one run in a hundred
// and green on the next; a fixed seed makes every run see the same inputs.
// Set MOSAIK_PROPERTY_SEED to explore other inputs on purpose.
const seed = Number(process.env.MOSAIK_PROPERTY_SEED ?? 20171231);
fc.configureGlobal({ seed });

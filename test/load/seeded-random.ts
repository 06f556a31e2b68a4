/** A small seeded generator (mulberry32): the same seed gives the same kill moments. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of this run: `KURULTAI_LOAD_SEED` to repeat one, else a fresh one. */
export function loadSeed(): number {
  const given = process.env.KURULTAI_LOAD_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed))
      throw new Error(`KURULTAI_LOAD_SEED must be a whole number, not ${given}`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

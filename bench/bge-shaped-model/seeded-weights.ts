/**
 * Normal(0, `scale`) values from a seeded generator (mulberry32 + Box-Muller), so every run writes
 * the same model. BERT initialises its weights with a standard deviation of 0.02.
 */
export function seededWeights(length: number, seed: number, scale = 0.02): Float32Array {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return (((mixed ^ (mixed >>> 14)) >>> 0) + 0.5) / 4_294_967_296;
  };
  const values = new Float32Array(length);
  for (let index = 0; index < length; index += 2) {
    const radius = scale * Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    values[index] = radius * Math.cos(angle);
    if (index + 1 < length) values[index + 1] = radius * Math.sin(angle);
  }
  return values;
}

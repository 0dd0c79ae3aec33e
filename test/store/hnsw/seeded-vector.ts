/** A deterministic unit vector per seed: invented, tied to no data set. */
export function seededVector(seed: number, dimensions: number): Float32Array {
  const values = new Float32Array(dimensions);
  let state = seed * 2654435761 + 1;
  for (let index = 0; index < dimensions; index += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    values[index] = state / 0xffffffff - 0.5;
  }
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
}

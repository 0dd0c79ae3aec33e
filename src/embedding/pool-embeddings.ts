/**
 * One L2-normalized vector per row of a model's `last_hidden_state` (`rows × width × dimensions`,
 * row-major): the first token's state (`cls`) or the mean over the positions `attentionMask`
 * marks (`mean`). A zero vector stays zero.
 */
export function poolEmbeddings(hidden: ArrayLike<number>, dims: readonly number[], attentionMask: Uint8Array, pooling: 'cls' | 'mean'): Float32Array[] {
  const [rows = 0, width = 0, dimensions = 0] = dims;
  const vectors: Float32Array[] = [];
  for (let row = 0; row < rows; row += 1) {
    const vector = new Float32Array(dimensions);
    const rowStart = row * width * dimensions;
    if (pooling === 'cls') {
      for (let index = 0; index < dimensions; index += 1) vector[index] = hidden[rowStart + index] ?? 0;
    } else {
      let count = 0;
      for (let position = 0; position < width; position += 1) {
        if (attentionMask[row * width + position] !== 1) continue;
        count += 1;
        const start = rowStart + position * dimensions;
        for (let index = 0; index < dimensions; index += 1) vector[index]! += hidden[start + index] ?? 0;
      }
      if (count > 0) for (let index = 0; index < dimensions; index += 1) vector[index]! /= count;
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let index = 0; index < dimensions; index += 1) vector[index]! *= scale;
    }
    vectors.push(vector);
  }
  return vectors;
}

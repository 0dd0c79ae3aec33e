/** Mean and scale (standard deviation, 1 where a feature never varies) of each column of `rows`. */
export function standardizeFeatures(dimensions: number, rows: Iterable<Float64Array>): { means: number[]; scales: number[] } {
  const means = new Array<number>(dimensions).fill(0);
  const squares = new Array<number>(dimensions).fill(0);
  let count = 0;
  for (const row of rows) {
    count += 1;
    for (let index = 0; index < dimensions; index += 1) {
      const delta = row[index]! - means[index]!;
      means[index]! += delta / count;
      squares[index]! += delta * (row[index]! - means[index]!);
    }
  }
  return { means, scales: squares.map((square) => Math.sqrt(square / Math.max(1, count)) || 1) };
}

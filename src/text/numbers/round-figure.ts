/** Removes binary floating noise from scaled decimals (85.1 × 0.01, 1.5 × 1e8). */
export function roundFigure(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

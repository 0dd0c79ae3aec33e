import { Matrix, solve } from 'ml-matrix';

/**
 * One Newton step: solves H·Δ = g for Δ, where `hessianUpper` holds the upper triangle of the symmetric
 * (negated, penalised) Hessian H row by row, `size`×`size`, and `gradient` is g.
 */
export function newtonStep(hessianUpper: Float64Array, gradient: Float64Array, size: number): number[] {
  const system = new Matrix(size, size);
  for (let i = 0; i < size; i += 1) {
    for (let j = i; j < size; j += 1) system.set(i, j, hessianUpper[i * size + j]!).set(j, i, hessianUpper[i * size + j]!);
  }
  return solve(system, Matrix.columnVector(Array.from(gradient))).to1DArray();
}

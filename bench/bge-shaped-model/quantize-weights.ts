// Weight quantization as onnxruntime's dynamic quantizer does it with transformers.js's settings
// (`quantize_dynamic(weight_type=QInt8, per_channel=True, reduce_range=True)`, scripts/convert.py):
// MatMul weights as symmetric int8 per output column in 7 bits, Gather tables (embeddings) as
// asymmetric uint8 per tensor, the activation type of dynamic quantization.

/** Int8 weights of a `[rows, columns]` matrix with one scale per column (zero points 0). */
export interface ColumnQuantized {
  values: Int8Array;
  scales: Float32Array;
}

/** Uint8 values with one scale and zero point for the whole tensor. */
export interface TensorQuantized {
  values: Uint8Array;
  scale: number;
  zeroPoint: number;
}

/** reduce_range: 7 bits, so the u8·s8 products of x86 without VNNI cannot overflow 16 bits. */
const REDUCED_INT8_LIMIT = 64;

/** Symmetric per-column int8 in [-64, 64]: scale = max |w| of the column / 64. */
export function quantizePerColumn(weights: Float32Array, rows: number, columns: number): ColumnQuantized {
  if (weights.length !== rows * columns) throw new RangeError(`expected ${rows}×${columns} weights, got ${weights.length}`);
  const scales = new Float32Array(columns);
  for (let index = 0; index < weights.length; index += 1) {
    const column = index % columns;
    scales[column] = Math.max(scales[column]!, Math.abs(weights[index]!));
  }
  for (let column = 0; column < columns; column += 1) scales[column] = scales[column]! > 0 ? scales[column]! / REDUCED_INT8_LIMIT : 1;
  const values = new Int8Array(weights.length);
  for (let index = 0; index < weights.length; index += 1) {
    const quantized = Math.round(weights[index]! / scales[index % columns]!);
    values[index] = Math.max(-REDUCED_INT8_LIMIT, Math.min(REDUCED_INT8_LIMIT, quantized));
  }
  return { values, scales };
}

/** Asymmetric uint8 over the tensor's range (which always includes 0, as onnxruntime's does). */
export function quantizePerTensor(weights: Float32Array): TensorQuantized {
  let low = 0;
  let high = 0;
  for (const value of weights) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const scale = high > low ? (high - low) / 255 : 1;
  const zeroPoint = Math.round(-low / scale);
  const values = new Uint8Array(weights.length);
  for (let index = 0; index < weights.length; index += 1) values[index] = Math.max(0, Math.min(255, Math.round(weights[index]! / scale) + zeroPoint));
  return { values, scale, zeroPoint };
}

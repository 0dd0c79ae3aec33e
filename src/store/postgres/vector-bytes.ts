/**
 * Vectors are stored as bytea: Float32 little-endian, written and read through a DataView so the
 * bytes are the same on any machine and each float round-trips bit for bit.
 */

/** The bytes stored for a vector. */
export function encodeVector(vector: Float32Array): Buffer {
  const bytes = Buffer.alloc(vector.length * 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let position = 0; position < vector.length; position += 1) view.setFloat32(position * 4, vector[position]!, true);
  return bytes;
}

/** The vector stored in `bytes` (a multiple of 4 bytes long). */
export function decodeVector(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new RangeError(`a stored vector must be a multiple of 4 bytes long, got ${bytes.byteLength}`);
  const vector = new Float32Array(bytes.byteLength / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let position = 0; position < vector.length; position += 1) vector[position] = view.getFloat32(position * 4, true);
  return vector;
}

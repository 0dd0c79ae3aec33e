/**
 * Splits texts into batches of at most `batchSize` texts of similar length: the positions of the
 * texts, sorted by length (characters, which for Chinese is the token count: one token a character),
 * cut into runs. Each batch lists positions into `texts`, so the caller puts results back in order.
 * Equal lengths keep their order.
 */
export function lengthBuckets(texts: readonly string[], batchSize: number): number[][] {
  if (!Number.isInteger(batchSize) || batchSize <= 0) throw new RangeError(`lengthBuckets needs a positive batch size, got ${batchSize}`);
  const positions = texts.map((_, position) => position).sort((left, right) => texts[left]!.length - texts[right]!.length || left - right);
  const buckets: number[][] = [];
  for (let start = 0; start < positions.length; start += batchSize) buckets.push(positions.slice(start, start + batchSize));
  return buckets;
}

/**
 * `compute` remembered by its text argument: each distinct text is worked out once. With a `limit` the memory is
 * emptied when it holds that many texts (a process-wide cache of the texts seen lately); without one it keeps all,
 * for a memo made per question and dropped with it.
 */
export function memoByText<T>(compute: (text: string) => T, limit = Number.POSITIVE_INFINITY): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = compute(text);
    if (known.size >= limit) known.clear();
    known.set(text, value);
    return value;
  };
}

/**
 * Whether `id` can be a `question_log.id` (a positive integer within bigint and JavaScript's safe range): an id from a
 * button's callback data may be anything digits spell, and outside that range it names no entry.
 */
export function isStoredId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0;
}

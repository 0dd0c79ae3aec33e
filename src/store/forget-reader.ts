import type { StateStores } from './state-stores.js';
import type { ReaderDataHolder, ReaderIdentity } from './reader-data.js';

/** The state stores that hold reader data (their ports extend `ReaderDataHolder`). */
export type ReaderDataStoreName = { [Name in keyof StateStores]: StateStores[Name] extends ReaderDataHolder ? Name : never }[keyof StateStores];

/**
 * Every store with reader data, in the order /forget erases them: votes before the questions they belong to (a
 * question's deletion would take its votes along uncounted). A store that keeps reader data must be listed here; the
 * reader-data coverage test fails for a table no listed store covers.
 */
export const READER_DATA_STORES: readonly ReaderDataStoreName[] = ['answerFeedback', 'questionLog', 'chatMemory', 'subscriptions', 'sentDigests', 'follows'];

/** Rows deleted per store. */
export type ForgetReaderResult = Record<ReaderDataStoreName, number>;

/**
 * Erases everything the stores keep about one reader (/forget): question log, votes, "more results" questions,
 * follow-up contexts, the private chat's numbered lists, its digest subscription and deliveries, and its followed topics and their alerts. Rate-limit
 * windows are not erased: they hold a minute of request times under the keyed hash, and erasing them would let
 * /forget reset the limit; they are gone when the minute is.
 */
export async function forgetReader(stores: Pick<StateStores, ReaderDataStoreName>, reader: ReaderIdentity): Promise<ForgetReaderResult> {
  const result = {} as ForgetReaderResult;
  for (const name of READER_DATA_STORES) result[name] = await stores[name].forgetReader(reader);
  return result;
}

import type { Logger } from '../log/logger.js';
import type { StateStores } from '../store/state-stores.js';

/** The state `migrate --to` copies: the SQLite adapters as source, the PostgreSQL ones as target. */
type CopiedState = Pick<StateStores, 'subscriptions' | 'sentDigests' | 'pins'>;

export interface CopyStateToPostgresResult {
  /** Subscriptions added to PostgreSQL (a chat already there keeps PostgreSQL's row). */
  subscriptions: number;
  /** Completed digest deliveries added (one already recorded there is kept). */
  sentDigests: number;
  /** The editors' pins added (one PostgreSQL already holds, same question, answer and article, is kept). */
  pins: number;
}

/**
 * Copies the digest subscriptions, the delivery log and the editors' pins, so no chat loses its subscription, no
 * digest already sent goes out again and no pinned answer is lost after the move. Rows PostgreSQL already holds win: a second
 * run, or a run after workers started on PostgreSQL, changes nothing they wrote.
 */
export async function copyStateToPostgres(from: CopiedState, to: CopiedState, logger: Logger): Promise<CopyStateToPostgresResult> {
  const result: CopyStateToPostgresResult = { subscriptions: 0, sentDigests: 0, pins: 0 };
  for (const subscription of await from.subscriptions.all()) {
    if (await to.subscriptions.importSubscription(subscription)) result.subscriptions += 1;
  }
  for (const sent of await from.sentDigests.all()) {
    if (await to.sentDigests.record(sent)) result.sentDigests += 1;
  }
  const pinKey = (pin: { question: string; answer: string; articleId: string | null }) => JSON.stringify([pin.question, pin.answer, pin.articleId]);
  const pinned = new Set((await to.pins.list()).map(pinKey));
  for (const pin of await from.pins.list()) {
    if (pinned.has(pinKey(pin))) continue;
    await to.pins.add({ question: pin.question, answer: pin.answer, articleId: pin.articleId });
    pinned.add(pinKey(pin));
    result.pins += 1;
  }
  // Chat memory is not copied: its keys are random (nothing to reserve) and buttons drawn before the move say they expired.
  logger.info(result, 'subscriptions, digest delivery log and pins copied to PostgreSQL');
  return result;
}

import { randomBytes } from 'node:crypto';
import type { Logger } from '../../log/logger.js';
import type { QuestionLogStore } from '../../store/question-log-store.js';

/**
 * The key of reader hashes: QUESTION_LOG_SECRET when set; otherwise a random one generated on the first start
 * and kept in the database (logged once, never the secret itself). Rotating QUESTION_LOG_SECRET makes older
 * entries unreachable by `/forget`; retention still deletes them.
 */
export async function resolveQuestionLogSecret(configured: string | null, store: QuestionLogStore, logger: Logger): Promise<string> {
  if (configured !== null) return configured;
  const { secret, created } = await store.storedSecret(() => randomBytes(32).toString('hex'));
  if (created) logger.info('QUESTION_LOG_SECRET is not set: generated a random secret for reader hashes and stored it in the database');
  return secret;
}

import type pg from 'pg';
import type { StateStores } from '../state-stores.js';
import { PostgresAnswerFeedbackStore } from './postgres-answer-feedback-store.js';
import { PostgresQuestionLogStore } from './postgres-question-log-store.js';

/** The question log and the votes on answers, which belong together (votes go with their question). */
export type PostgresQuestionLogStores = Pick<StateStores, 'questionLog' | 'answerFeedback'>;

/**
 * The PostgreSQL adapters of the question log and the answer feedback over one pool whose schema is
 * migrated: every worker logs into, forgets from and reports on the same log.
 */
export function openPostgresQuestionLogStores(pool: pg.Pool): PostgresQuestionLogStores {
  return { questionLog: new PostgresQuestionLogStore(pool), answerFeedback: new PostgresAnswerFeedbackStore(pool) };
}

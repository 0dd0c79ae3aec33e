import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger.js';
import type { QuestionLogStore } from '../store/question-log-store.js';

/** The file under NEWSBOT_HOME (the data directory) holding a generated secret. */
export const QUESTION_LOG_SECRET_FILE = 'question-log.secret';

/** Options for {@link resolveQuestionLogSecret}. */
export interface ResolveQuestionLogSecretOptions {
  /** QUESTION_LOG_SECRET, or null. */
  configured: string | null;
  /** Where a generated secret is kept when none is configured: `<data directory>/question-log.secret`. */
  secretFile: string;
  /** Read for a secret an earlier version kept in the database, which is then moved out of it. */
  store: QuestionLogStore;
  logger: Logger;
}

/** Owner may read and write; nobody else anything. */
const OWNER_ONLY = 0o600;

/**
 * The key of reader hashes, never kept in the database (a copy of the database would otherwise reverse every hash
 * by trying all Telegram ids): QUESTION_LOG_SECRET when set, else a random one in `secretFile` (0600), made on the
 * first start. A secret an earlier version kept in the database is moved to that file (hashes stay comparable, so
 * /forget still reaches older entries) or, with QUESTION_LOG_SECRET set, just deleted. The secret is never logged.
 */
export async function resolveQuestionLogSecret(options: ResolveQuestionLogSecretOptions): Promise<string> {
  const { logger, store } = options;
  // PostgreSQL away at start: the move waits for the next start, the bot does not.
  const legacy = await store.legacySecret().catch((error: unknown) => {
    logger.warn({ err: error }, 'could not look for a reader-hash secret kept in the database by an earlier version; looking again on the next start');
    return null;
  });
  let secret: string;
  if (options.configured !== null) {
    secret = options.configured;
    if (legacy !== null && legacy !== secret) {
      logger.warn(
        'QUESTION_LOG_SECRET differs from the secret an earlier version generated: questions logged before are no longer reachable by /forget (retention still deletes them)',
      );
    }
  } else {
    secret = readOrCreateSecretFile(options.secretFile, legacy, logger);
  }
  if (legacy !== null) {
    await store.deleteLegacySecret();
    logger.info('deleted the reader-hash secret an earlier version kept in the database');
  }
  return secret;
}

function readOrCreateSecretFile(file: string, legacy: string | null, logger: Logger): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${legacy ?? randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: OWNER_ONLY });
    logger.info(
      { file },
      legacy === null
        ? 'QUESTION_LOG_SECRET is not set: generated a random secret for reader hashes in this file (back it up apart from the database)'
        : 'moved the reader-hash secret from the database to this file (back it up apart from the database)',
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) {
    fs.chmodSync(file, OWNER_ONLY);
    logger.warn({ file }, 'the reader-hash secret file was readable by others; made it readable by its owner only');
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 16) throw new Error(`${file} holds no usable secret (fewer than 16 characters); delete it to generate a new one, or set QUESTION_LOG_SECRET`);
  return secret;
}

import type { Archive } from '../pipeline/archive.js';
import type { Logger } from '../shared/logger.js';

/** What bot features need; built once in `createBot`. */
export interface BotDeps {
  readonly archive: Archive;
  readonly logger: Logger;
  /** Whether a Telegram user id is on the staff allowlist (STAFF_USER_IDS). */
  isStaff(userId: number | undefined): boolean;
}

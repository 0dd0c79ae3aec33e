import { type Config, ConfigError } from './config.js';

/**
 * The settings `newsbot serve` needs beyond what every command does, checked before anything starts (exit 2):
 * in PostgreSQL mode, workers behind one load balancer must share WEBHOOK_SECRET (a random one per worker would
 * refuse the others' updates) and QUESTION_LOG_SECRET (the key of reader hashes: every worker must hash a reader
 * alike, and a generated key would have to live in the shared database, where a copy of it reverses the hashes).
 */
export function checkServeConfig(config: Config): void {
  const problems: string[] = [];
  if (config.databaseUrl !== null && config.telegram.webhookUrl !== null && config.telegram.webhookSecret === null) {
    problems.push('WEBHOOK_SECRET is required with DATABASE_URL and WEBHOOK_URL: set it, the same on every worker (A-Z a-z 0-9 _ -)');
  }
  if (config.databaseUrl !== null && config.questionLog.secret === null) {
    problems.push('QUESTION_LOG_SECRET is required with DATABASE_URL: set it to a random string of 16 or more characters (`openssl rand -hex 32`), the same on every worker');
  }
  if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
}

import type { RegisterCommand } from '../cli-context.js';
import { UsageError } from '../errors.js';

/**
 * `newsbot seed`: publishes this home's replica (caught up first) as the newest replica seed, which new workers open
 * instead of building their replica from rows (PostgreSQL mode; `serve`'s leader does it by itself every hour).
 */
export const registerSeedCommand: RegisterCommand = (program, context) => {
  program
    .command('seed')
    .description('publish this worker’s replica as the replica seed new workers start from (PostgreSQL mode)')
    .option('--json', 'print one JSON object: { seedId, position, bytes, copySeconds, seconds }')
    .action(async (options: { json?: boolean }) => {
      const config = context.config();
      if (config.databaseUrl === null) throw new UsageError('newsbot seed publishes a replica to PostgreSQL: set DATABASE_URL');
      const archive = await context.openArchive({ reranker: false });
      if (!archive.replica) throw new UsageError('newsbot seed needs PostgreSQL mode (DATABASE_URL)');
      const result = await archive.replica.publishSeed();
      context.stdout(
        options.json
          ? `${JSON.stringify(result)}\n`
          : `published replica seed ${result.seedId} at change-log position ${result.position}: ${(result.bytes / 1e6).toFixed(1)} MB in ${result.seconds.toFixed(1)} s (copies ${result.copySeconds.toFixed(1)} s)\n`,
      );
    });
};

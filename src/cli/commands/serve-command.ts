import type { RegisterCommand } from '../cli-context.js';
import { serve } from '../../serve/serve.js';

/**
 * `newsbot serve`: runs the Telegram bot and the background services (src/serve/) until SIGINT/SIGTERM;
 * main() then closes the archive.
 */
export const registerServeCommand: RegisterCommand = (program, context) => {
  program
    .command('serve')
    .description('run the Telegram bot (long polling; a webhook server when WEBHOOK_URL is set) until Ctrl+C')
    .action(async () => {
      await serve({
        config: context.config(),
        logger: context.logger(),
        openArchive: (options) => context.openArchive(options),
        onStarted: ({ botUsername, mode }) => context.stderr(`newsbot: @${botUsername} is answering (${mode}); Ctrl+C stops it.\n`),
      });
    });
};

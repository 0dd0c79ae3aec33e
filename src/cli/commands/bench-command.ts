// TEMP stub: replaced by the real command.
import type { RegisterCommand } from '../cli-context.js';

export const registerBenchCommand: RegisterCommand = (program, context) => {
  program
    .command('bench')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      context.stderr('newsbot bench: not available yet\n');
      context.setExitCode(1);
    });
};

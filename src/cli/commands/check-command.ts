// TEMP stub: replaced by the real command.
import type { RegisterCommand } from '../cli-context.js';

export const registerCheckCommand: RegisterCommand = (program, context) => {
  program
    .command('check')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      context.stderr('newsbot check: not available yet\n');
      context.setExitCode(1);
    });
};

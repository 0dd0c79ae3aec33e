// TEMP stub: replaced by the real command.
import type { RegisterCommand } from '../cli-context.js';

export const registerDigestCommand: RegisterCommand = (program, context) => {
  program
    .command('digest')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      context.stderr('newsbot digest: not available yet\n');
      context.setExitCode(1);
    });
};

// TEMP stub: replaced by the real command.
import type { RegisterCommand } from '../cli-context.js';

export const registerServeCommand: RegisterCommand = (program, context) => {
  program
    .command('serve')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      context.stderr('newsbot serve: not available yet\n');
      context.setExitCode(1);
    });
};

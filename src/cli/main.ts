import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { readEnv } from '../config/read-env.js';
import { databaseUrlPassword } from '../config/database-url.js';
import { createLogger, redactSecrets, type Logger } from '../log/logger.js';
import type { Archive } from '../pipeline/archive.js';
import type { CliContext } from './cli-context.js';
import { UsageError } from './errors.js';
import { COMMANDS } from './commands/index.js';
import { MissingBotTokenError } from '../bot/bot-errors.js';
import { packageVersion } from './package-version.js';

export interface MainOptions {
  cwd?: string;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  interactive?: boolean;
}

/**
 * The `newsbot` command line. Returns the exit code: 0 success, 1 the command failed, 2 bad usage (unknown or
 * missing command, bad arguments, or a configuration error naming the variable). `--version` prints package.json's.
 */
export async function main(argv: string[], env: Record<string, string | undefined>, options: MainOptions = {}): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const stdout = options.stdout ?? ((text: string) => void process.stdout.write(text));
  const stderr = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const mergedEnv = readEnv(env, cwd);
  let exitCode = 0;
  // Assigned lazily inside the context's closures.
  let config = null as Config | null;
  let logger = null as Logger | null;
  let archive = null as Promise<Archive> | null;

  const context: CliContext = {
    env: mergedEnv,
    cwd,
    stdout,
    stderr,
    interactive: options.interactive ?? Boolean(process.stderr.isTTY),
    config: () => (config ??= loadConfig(mergedEnv, cwd)),
    logger: () => {
      const current = context.config();
      logger ??= createLogger(current.logLevel, secretsOf(current));
      return logger;
    },
    openArchive: (openOptions) => {
      archive ??= import('../pipeline/open-archive.js').then(({ openArchive }) => openArchive(context.config(), context.logger(), openOptions));
      return archive;
    },
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
  };

  const program = new Command('newsbot')
    .description('Answers questions about a newsroom’s own articles, with cited sources.')
    .version(packageVersion(), '-V, --version', 'print the version and exit')
    .exitOverride()
    .configureOutput({ writeOut: stdout, writeErr: stderr })
    .showHelpAfterError();
  for (const register of COMMANDS) register(program, context);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // `newsbot` alone: commander has printed the help to stderr; no command is bad usage, not success.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof MissingBotTokenError) {
      stderr(`newsbot: ${error.message}\n`);
      return 2;
    }
    const secrets = config ? secretsOf(config) : [];
    const message = error instanceof Error ? error.message : String(error);
    stderr(`newsbot: ${redactSecrets(message, secrets)}\n`);
    exitCode = 1;
  } finally {
    if (archive) {
      try {
        await (await archive).close();
      } catch {
        // the open failed; nothing to close
      }
    }
  }
  return exitCode;
}

/** What logs and error messages must never show: the bot token, the LLM key, the Hugging Face token, the database password. */
function secretsOf(config: Config): (string | null | undefined)[] {
  return [config.telegram.token, config.llm?.apiKey, config.modelToken, config.databaseUrl === null ? null : databaseUrlPassword(config.databaseUrl)];
}

import pino, { type Logger } from 'pino';
import { redactUrlCredentials } from '../net/redact-url-credentials.js';

export type { Logger };

const TOKEN_PATTERN = /\d{6,}:[A-Za-z0-9_-]{30,}/g;

/** Removes Telegram bot tokens (and anything shaped like one), the given secrets and credentials in URLs from text. */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  let result = redactUrlCredentials(text.replace(TOKEN_PATTERN, '[redacted]'));
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  return result;
}

/** Structured JSON logs on stderr, so stdout stays free for `--json` output. */
export function createLogger(level: string, secrets: readonly (string | null | undefined)[] = []): Logger {
  return pino(
    {
      level,
      base: undefined,
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((argument) => {
            if (typeof argument === 'string') return redactSecrets(argument, secrets);
            if (argument instanceof Error) return { err: { type: argument.name, message: redactSecrets(argument.message, secrets) } };
            if (argument && typeof argument === 'object') return JSON.parse(redactSecrets(JSON.stringify(argument, errorReplacer), secrets)) as unknown;
            return argument;
          });
          method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { type: value.name, message: value.message };
  return value;
}

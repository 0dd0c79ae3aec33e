/** One zod validation problem, as much of it as the message needs. */
export interface ConfigIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Variables whose values must never be echoed back (tokens, keys, secrets, passwords, connection strings holding one). */
const SECRET_NAME = /TOKEN|SECRET|KEY|PASSWORD|DATABASE_URL/i;
/** Longest value quoted in a message. */
const MAX_QUOTED_CHARACTERS = 60;

/**
 * A configuration problem as `NAME=value: what was expected`, naming the variable and (unless it holds a secret)
 * the value that was given, e.g. `RATE_LIMIT_PER_MINUTE=abc: Invalid input: expected number, received NaN`.
 */
export function describeConfigIssue(issue: ConfigIssue, env: Record<string, string | undefined>): string {
  // The variable itself, not the list item inside it (STAFF_USER_IDS, not STAFF_USER_IDS.1).
  const name = String(issue.path[0] ?? '');
  const value = env[name];
  if (value === undefined || name.length === 0) return `${name}: ${issue.message}`;
  const shown = SECRET_NAME.test(name) ? '<hidden>' : JSON.stringify(value.length > MAX_QUOTED_CHARACTERS ? `${value.slice(0, MAX_QUOTED_CHARACTERS)}…` : value).slice(1, -1);
  return `${name}=${shown}: ${issue.message}`;
}

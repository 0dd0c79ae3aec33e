import fs from 'node:fs';

/**
 * The parsed JSON of `file`, or `undefined` when there is no such file; an unreadable file or invalid JSON is
 * reported through `unreadable(reason, cause)`, which throws the caller's own error.
 */
export function readJsonFile(file: string, unreadable: (reason: string, cause: unknown) => never): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return unreadable((error as Error).message, error);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    return unreadable('not valid JSON', error);
  }
}

import fs from 'node:fs';

/** The `version` of newsbot's package.json (the same file from `src/cli/` and the built `dist/cli/`). */
export function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  if (typeof manifest.version !== 'string') throw new Error('package.json has no "version" string');
  return manifest.version;
}

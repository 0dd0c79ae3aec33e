import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSourceFiles } from '../../src/ingest/list-source-files.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'newsbot-list-'));
  const files = [
    'b.md',
    'a.txt',
    'notes.pdf',
    'export.json',
    'feed.jsonl',
    'stream.ndjson',
    'page.HTML',
    'old.htm',
    'draft.markdown',
    'nested/deeper/c.md',
    '.hidden.md',
    '.git/d.md',
    'node_modules/pkg/e.md',
  ];
  for (const name of files) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), 'x');
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('listSourceFiles', () => {
  it('walks folders recursively, keeping supported extensions, skipping hidden entries and node_modules, sorted', async () => {
    const { files, errors } = await listSourceFiles([root]);
    expect(errors).toEqual([]);
    expect(files.map((file) => path.relative(root, file))).toEqual([
      'a.txt',
      'b.md',
      'draft.markdown',
      'export.json',
      'feed.jsonl',
      'nested/deeper/c.md',
      'old.htm',
      'page.HTML',
      'stream.ndjson',
    ]);
  });

  it('keeps files named explicitly, without duplicates', async () => {
    const { files } = await listSourceFiles([path.join(root, 'b.md'), root, path.join(root, '.hidden.md')]);
    expect(files).toContain(path.join(root, '.hidden.md'));
    expect(files.filter((file) => file === path.join(root, 'b.md'))).toHaveLength(1);
  });

  it('reports a missing path and still lists the others', async () => {
    const missing = path.join(root, 'nope');
    const { files, errors } = await listSourceFiles([missing, path.join(root, 'a.txt')]);
    expect(errors).toEqual([{ source: missing, message: 'no such file or directory' }]);
    expect(files).toEqual([path.join(root, 'a.txt')]);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replicaSeedFileNameProblem, replicaSeedFilePath } from '../../src/store/replica-seed-file-path.js';

describe('replica seed file names', () => {
  it('places a name with folders inside the directory', () => {
    expect(replicaSeedFilePath('/tmp/seed', 'index/segment-000001/vectors.hnsw')).toBe(path.join('/tmp/seed', 'index', 'segment-000001', 'vectors.hnsw'));
    expect(replicaSeedFilePath('/tmp/seed', 'newsbot.db')).toBe(path.join('/tmp/seed', 'newsbot.db'));
  });

  it.each(['', '/etc/passwd', '../outside', 'index/../../outside', 'index/./vectors.hnsw', 'index//vectors.hnsw', 'index/', 'index\\vectors.hnsw', 'a\0b'])(
    'refuses %j',
    (name) => {
      expect(replicaSeedFileNameProblem(name)).not.toBeNull();
      expect(() => replicaSeedFilePath('/tmp/seed', name)).toThrow(RangeError);
    },
  );
});

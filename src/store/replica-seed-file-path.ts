import path from 'node:path';

/**
 * Why `name` cannot name a file of a replica seed, or null when it can: a relative path of folders and a file joined
 * by "/" (`newsbot.db`, `index/segment-000001/vectors.hnsw`), never absolute, never `..` or `.` or an empty part, so a
 * downloaded seed writes only inside its own directory.
 */
export function replicaSeedFileNameProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.includes('\\') || name.includes('\0')) return 'holds a backslash or a NUL character';
  if (name.startsWith('/') || path.isAbsolute(name)) return 'is an absolute path';
  if (name.split('/').some((part) => part === '' || part === '.' || part === '..')) return 'has an empty, "." or ".." part';
  return null;
}

/** Where the seed file `name` goes inside `directory`; throws when the name is not a safe relative path (see above). */
export function replicaSeedFilePath(directory: string, name: string): string {
  const problem = replicaSeedFileNameProblem(name);
  if (problem) throw new RangeError(`replica seed file name "${name}" ${problem}`);
  return path.join(directory, ...name.split('/'));
}

/** The errno code of a file-system error (EACCES, ENOENT…), else its message: short and greppable in reports. */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

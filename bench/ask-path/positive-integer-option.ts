/** A command-line option that must be a positive integer (`fallback` when absent); anything else ends the process with exit code 2. */
export function positiveIntegerOption(name: string, value: string | undefined, fallback: number): number {
  const number = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    process.stderr.write(`--${name}: expected a positive integer, got "${value}"\n`);
    process.exit(2);
  }
  return number;
}

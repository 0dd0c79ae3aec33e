/** Thrown by `readWholeFile` for a file over the size read into memory at once; callers turn it into an `IngestError`. */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';

  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(
      `${(bytes / 2 ** 20).toFixed(1)} MiB, over the limit of ${maxBytes / 2 ** 20} MiB for a file read whole (pages, HTML, JSON); ` +
        'export a large archive as JSON Lines (.jsonl, one record per line, e.g. `jq -c ".[]" export.json > export.jsonl`), which is read as a stream at any size',
    );
  }
}

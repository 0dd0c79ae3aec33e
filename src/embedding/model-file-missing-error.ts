/** Raised when HF_HUB_OFFLINE forbids downloading and a model file is not in the cache. */
export class ModelFileMissingError extends Error {
  /** Absolute path of the file that was looked for (the first one, when several alternatives were). */
  readonly file: string;
  readonly alternatives: readonly string[];

  /** `files`: the paths looked for, any one of which would do (e.g. quantized or full weights). */
  constructor(files: readonly string[]) {
    super(
      `${files.join(' or ')} ${files.length > 1 ? 'are' : 'is'} not in the model cache and HF_HUB_OFFLINE=1 forbids downloading it ` +
        '(unset HF_HUB_OFFLINE to download, or copy the model folder there)',
    );
    this.name = 'ModelFileMissingError';
    this.file = files[0] ?? '';
    this.alternatives = files;
  }
}

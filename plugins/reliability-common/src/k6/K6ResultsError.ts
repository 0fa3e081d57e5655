import { InputError } from '@backstage/errors';

/**
 * Results that cannot be read, with the JSON pointer of what is wrong. It is an
 * `InputError` (and named so), so backends answer it with a 400.
 *
 * @public
 */
export class K6ResultsError extends InputError {
  /** JSON pointer into the document, or `line N` for a stream. */
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path || '/'}: ${message}`);
    this.name = 'InputError';
    this.path = path;
  }
}

import { ManifestValidationError } from '../../src/index.js';

/** The ManifestValidationError `run` throws; anything else it throws is rethrown, and not throwing fails. */
export function thrownBy(run: () => unknown): ManifestValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ManifestValidationError) return error;
    throw error;
  }
  throw new Error('expected a ManifestValidationError, but nothing was thrown');
}

/**
 * The internal issue makers are typed per code (compiled by `tsc -p test/tsconfig.json`, as
 * `npm run typecheck` does): the result is the issue of its code, its params are read-only, and
 * params of another code do not compile.
 */
import { fileIssue, type FileIssue } from '../../src/cli/file-issues.js';
import type { ValidationIssue } from '../../src/index.js';
import { makeIssue } from '../../src/validation/issue.js';

const made: ValidationIssue<'too_long'> = makeIssue(['client_name'], 'too_long', { max: 128, actual: 300, profile: 'general' });
// @ts-expect-error: params are read-only
made.params.max = 1;
// @ts-expect-error: too_long needs actual and profile
makeIssue([], 'too_long', { max: 128 });

const file: FileIssue<'file_empty'> = fileIssue([], 'file_empty', {});
// @ts-expect-error: a library code is not one of the CLI's
fileIssue([], 'too_long', { max: 128, actual: 300, profile: 'general' });
// @ts-expect-error: nor a CLI code one of the library's
makeIssue([], 'file_empty', {});
void file;

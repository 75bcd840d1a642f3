import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import {
  formatIssue,
  validateManifest,
  type ExpectedType,
  type IssueMessages,
  type IssueParams,
  type ReceivedType,
  type ValidationIssue,
} from '../dist/index.js';

const result = validateManifest({ client_name: 42 });
const issue = result.ok ? result.warnings[0]! : result.issues[0];

// An issue is a union discriminated by its code: checking the code narrows its params.
if (issue.code === 'too_long') {
  expectType<number>(issue.params.max);
  expectType<number>(issue.params.actual);
}
if (issue.code === 'invalid_type') {
  expectType<ExpectedType>(issue.params.expected);
  expectType<ReceivedType>(issue.params.received);
}
if (issue.code === 'unknown_key') expectType<string | undefined>(issue.params.suggestion);
// Without a check of the code, params are only the union of all of them.
expectError(issue.params.max);

// Tags, not prose: `expected` is one of a closed list.
expectAssignable<IssueParams['invalid_type']>({ expected: 'string', received: 'number' });
expectNotAssignable<IssueParams['invalid_type']>({ expected: 'a string', received: 'number' });

// An issue of one code is that code's issue; params are read-only. (makeIssue, internal now, is typed in test/types/make-issue.ts.)
declare const made: ValidationIssue<'too_long'>;
expectType<number>(made.params.max);
expectError((made.params.max = 1));

// A wording table is typed per code: each function gets that code's params.
const table: IssueMessages = { too_long: (p) => `${p.max}`, single_label_host: (p, i) => `${p.host} ${i.path}` };
expectType<string>(formatIssue(issue, table));
expectError<IssueMessages>({ too_long: (p: IssueParams['too_long']) => p.host });
expectError<IssueMessages>({ not_a_code: () => '' });
// issues.map(formatIssue) still compiles (the index is not a table).
expectType<string[]>(result.warnings.map(formatIssue));

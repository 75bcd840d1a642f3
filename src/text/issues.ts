/**
 * The issues of a manifest's JSON text that are not the validator's: the text is not JSON
 * (`invalid_json`), a member name is repeated (`duplicate_key`, `duplicate_key_not_shown`), or
 * `"$schema"` names another profile than the one asked for (`schema_profile_mismatch`). Their
 * data and their English wording, once: {@link checkManifestText} and the command line's
 * `validate` and `fix` word them alike.
 */
import type { Profile } from '../index.js';
import { keyStart, makeIssueWith, quote } from '../internal.js';
import { hiddenPart, keyStartOf } from '../rules/secrets.js';
import type { DuplicateKey, JsonSyntaxReason, TextPosition } from './parse.js';

/**
 * The parameters of each issue code of JSON text. Positions are 1-based lines and columns.
 *
 * @example
 * ```ts
 * import type { TextIssueParams } from 'lp-app-manifest/text';
 *
 * const params: TextIssueParams['invalid_json'] = { reason: 'trailing_comma_object', line: 3, column: 1 };
 * ```
 */
export interface TextIssueParams {
  /** Text that is not strict JSON (RFC 8259). */
  invalid_json: {
    /** Why. */
    readonly reason: JsonSyntaxReason;
    /** Where, where known. */
    readonly line: number | undefined;
    /** Where, where known. */
    readonly column: number | undefined;
  };
  /** A member name twice in one JSON object (RFC 8259 §4: names SHOULD be unique; `JSON.parse` keeps the last). */
  duplicate_key: {
    /** The name. */
    readonly key: string;
    /** Where it is first. */
    readonly first: TextPosition;
    /** Where it is again. */
    readonly again: TextPosition;
  };
  /**
   * A member name twice in one JSON object, where the name is not an HTTP token: as
   * `duplicate_key`, but at the object, and the name is not shown (it may be a pasted
   * `Authorization: Bearer …` line).
   */
  duplicate_key_not_shown: {
    /**
     * How the key starts: its leading letters, digits and other name characters (at most 40), before what is not
     * shown; `undefined` for a key inside a secret place (a header value, `client_secret`), of which nothing is shown.
     */
    readonly start: string | undefined;
    /** Where it is first. */
    readonly first: TextPosition;
    /** Where it is again. */
    readonly again: TextPosition;
  };
  /** A `"$schema"` for another profile than the one asked for: a warning. */
  schema_profile_mismatch: {
    /** The profile `"$schema"` names. */
    readonly schemaProfile: Profile;
    /** The profile asked for. */
    readonly profile: Profile;
  };
}

/**
 * An issue code of JSON text (see {@link TextIssueParams}).
 *
 * @example
 * ```ts
 * import type { TextIssueCode } from 'lp-app-manifest/text';
 *
 * const code: TextIssueCode = 'duplicate_key';
 * ```
 */
export type TextIssueCode = keyof TextIssueParams;

const JSON_SYNTAX_REASONS: { readonly [TReason in JsonSyntaxReason]: string } = {
  unexpected_end: 'unexpected end of input',
  trailing_comma_object: 'trailing comma before "}"',
  trailing_comma_array: 'trailing comma before "]"',
  expected_property_name: 'expected a property name in double quotes',
  expected_colon: 'expected ":" after a property name',
  expected_comma_or_brace: 'expected "," or "}"',
  expected_comma_or_bracket: 'expected "," or "]"',
  expected_value: 'expected a value',
  unexpected_character: 'unexpected character (expected a value)',
  invalid_number: 'invalid number',
  unterminated_string: 'unterminated string',
  control_character: 'control character in a string (write it as an escape such as \\n)',
  invalid_escape: 'invalid escape in a string',
  invalid_unicode_escape: 'invalid \\u escape in a string (needs four hex digits)',
  comment: 'comments are not allowed in JSON',
  content_after_value: 'unexpected content after the end of the JSON value',
  too_deep: 'nested more than 512 levels deep (a manifest needs 6)',
  unknown: 'syntax error',
};

/**
 * The English wording of each issue code of JSON text, by its parameters.
 *
 * @example
 * ```ts
 * import { TEXT_ISSUE_MESSAGES } from 'lp-app-manifest/text';
 *
 * TEXT_ISSUE_MESSAGES.invalid_json({ reason: 'trailing_comma_object', line: 3, column: 1 });
 * // 'not valid JSON: trailing comma before "}" at line 3, column 1'
 * ```
 */
export const TEXT_ISSUE_MESSAGES: { readonly [TCode in TextIssueCode]: (params: TextIssueParams[TCode]) => string } = {
  invalid_json: (p) =>
    `not valid JSON: ${JSON_SYNTAX_REASONS[p.reason]}${p.line === undefined ? '' : ` at line ${p.line}, column ${p.column ?? 1}`}`,
  duplicate_key: (p) =>
    `key ${quote(p.key)} appears more than once in this object (at line ${p.first.line}, column ${p.first.column} and at line ${p.again.line}, column ${p.again.column}); a JSON reader keeps only the last, silently: remove one`,
  duplicate_key_not_shown: (p) =>
    `${p.start === undefined ? 'a key inside a value that is never shown (it may be a secret)' : `a key that is not a name, ${keyStart(p.start)} (the rest is not shown: it may be a pasted "Name: value" header line, which may hold a secret)`} appears more than once in this object (at line ${p.first.line}, column ${p.first.column} and at line ${p.again.line}, column ${p.again.column}); a JSON reader keeps only the last, silently: remove one`,
  schema_profile_mismatch: (p) =>
    `"$schema" names the ${p.schemaProfile} schema, but the ${p.profile} profile was asked for (--profile); checked against ${p.profile}`,
};

/**
 * An issue of JSON text, in the library's issue shape (`ValidationIssue`'s), discriminated by `code`.
 *
 * @example
 * ```ts
 * import { checkManifestText, type TextLevelIssue } from 'lp-app-manifest/text';
 *
 * const [issue] = checkManifestText('{ "a": 1, "a": 2 }').issues;
 * if (issue?.code === 'duplicate_key') {
 *   const params = issue.params as TextLevelIssue<'duplicate_key'>['params'];
 *   console.log(params.first, params.again); // { line: 1, column: 3 } { line: 1, column: 11 }
 * }
 * ```
 */
export type TextLevelIssue<TCode extends TextIssueCode = TextIssueCode> = {
  readonly [TEach in TCode]: {
    /** The stable code. */
    readonly code: TEach;
    /** `error`, but `warning` for `schema_profile_mismatch`. */
    readonly severity: 'error' | 'warning';
    /** The JSON path (`''`: the whole text). */
    readonly path: string;
    /** The same place as keys and array indexes. */
    readonly segments: readonly (string | number)[];
    /** The issue's data (see {@link TextIssueParams}). */
    readonly params: TextIssueParams[TEach];
    /** What is wrong, in English ({@link TEXT_ISSUE_MESSAGES}). */
    readonly message: string;
  };
}[TCode];

/** Makes an issue of JSON text, worded by {@link TEXT_ISSUE_MESSAGES}: all are errors but `schema_profile_mismatch`. */
export const textIssue = <TCode extends TextIssueCode>(
  segments: readonly (string | number)[],
  code: TCode,
  params: TextIssueParams[TCode],
): TextLevelIssue<TCode> =>
  makeIssueWith(
    segments,
    code,
    params,
    code === 'schema_profile_mismatch' ? 'warning' : 'error',
    TEXT_ISSUE_MESSAGES[code] as (params: TextIssueParams[TCode]) => string,
  ) as TextLevelIssue<TCode>;

/**
 * The issue of a repeated member name (`duplicate_key`), at its place: neither a name that is not an HTTP token (it may
 * be a pasted `Authorization: Bearer …` line) nor anything inside a secret place (a header value
 * written as an object) is shown, in the path or in the message (`duplicate_key_not_shown`).
 *
 * @example
 * ```ts
 * import { duplicateKeyIssue, parseManifestText } from 'lp-app-manifest/text';
 *
 * const parsed = parseManifestText('{ "client_name": "A", "client_name": "B" }');
 * if (parsed.ok) for (const duplicate of parsed.duplicates) console.log(duplicateKeyIssue(duplicate).message);
 * // key "client_name" appears more than once in this object (at line 1, column 3 and at line 1, column 23); …
 * ```
 */
export function duplicateKeyIssue(duplicate: DuplicateKey): TextLevelIssue<'duplicate_key' | 'duplicate_key_not_shown'> {
  const { first, again } = duplicate;
  const hidden = hiddenPart(duplicate.segments);
  return hidden === undefined
    ? textIssue(duplicate.segments, 'duplicate_key', { key: duplicate.key, first, again })
    : textIssue(duplicate.segments.slice(0, hidden.shown), 'duplicate_key_not_shown', {
        start: hidden.hiddenKey === undefined ? undefined : keyStartOf(hidden.hiddenKey),
        first,
        again,
      });
}

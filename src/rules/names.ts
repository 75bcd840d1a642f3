/**
 * Which keys and names may be shown: part of the one owner of "never show a secret"
 * (`secrets.ts`, which re-exports these). A key that is not a name may be a whole
 * `Authorization: Bearer …` line pasted into the wrong place. A module of its own, importing only
 * the patterns, so that code which reads JSON text (the CLI's start-up, `lp-app-manifest/text`)
 * does not load the rules tree.
 */
import { HEADER_NAME_SOURCE, TOKEN_CHARACTER_SOURCE } from './patterns.js';

const HEADER_NAME = /* @__PURE__ */ new RegExp(HEADER_NAME_SOURCE, 'u');
const KEY_START = /* @__PURE__ */ (() => new RegExp(`^${TOKEN_CHARACTER_SOURCE}{0,40}`, 'u'))();

/**
 * Whether a value is an HTTP token (RFC 9110 §5.6.2: letters, digits and
 * ``!#$%&'*+-.^_`|~``, at least one): what a webhook header name must be. A
 * name or key that is not one is never shown by the validator, the CLI or the
 * deploy commands: it may be a whole `Authorization: Bearer …` line pasted
 * into the wrong place.
 *
 * @example
 * ```ts
 * import { isHttpToken } from 'lp-app-manifest';
 *
 * isHttpToken('X-Api-Key'); // true
 * isHttpToken('Authorization: Bearer abc'); // false
 * ```
 */
export const isHttpToken = (value: unknown): value is string => typeof value === 'string' && HEADER_NAME.test(value);

/**
 * Whether a key may be shown: it is an HTTP token once white space at either end is dropped
 * (`"cqm.ExConversationChangeNotification "`, a typo, is shown; a pasted `Authorization: Bearer …`
 * line is not).
 */
export const isShownKey = (key: string): boolean => isHttpToken(key.trim());

/**
 * How a key that is not shown starts: its leading token characters, at most 40 (the name of a
 * pasted `Name: value` line, never its value), for the messages that do not show it.
 */
export const keyStartOf = (key: string): string => KEY_START.exec(key)![0];

/** Where a path is cut so it shows no key that is not a name: the index of the first such key, or -1. */
export const firstHiddenKey = (segments: readonly (string | number)[]): number =>
  segments.findIndex((segment) => typeof segment === 'string' && !isShownKey(segment));

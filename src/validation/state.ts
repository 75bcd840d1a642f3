/**
 * What one validation collects as it walks: the issues and warnings, the
 * containers of the output (frozen at the end) and the profile. Every walker
 * reports through it.
 */
import type { Profile } from '../types/manifest.js';
import { isShownKey, keyStartOf } from '../rules/secrets.js';
import { closest } from './checks.js';
import type { ExpectedType, IssueCode, IssueParams } from './codes.js';
import { createIssue, NO_PARAMS, type ValidationIssue } from './issue.js';
import { at, placeOf, type Path } from './paths.js';
import { receivedOf, UNREADABLE, type Keys } from './read.js';

export class Walk {
  readonly issues: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];
  /** Every object and array of the output, frozen once the walk has found no error. */
  readonly made: object[] = [];
  readonly connector: boolean;
  /**
   * In a list whose items' names must differ (a webhook's headers): each name
   * seen so far, lower-cased, to the name as written. Set by the list's walk.
   */
  names: Map<string, string> | undefined = undefined;

  constructor(readonly profile: Profile) {
    this.connector = profile === 'connector';
  }

  report<TCode extends IssueCode>(path: Path, code: TCode, params: IssueParams[TCode]): void {
    const place = placeOf(path);
    const issue = createIssue(place.path, place.segments, code, params) as ValidationIssue;
    (issue.severity === 'warning' ? this.warnings : this.issues).push(issue);
  }

  /** Reports a value of the wrong type (or one that could not be read). */
  wrongType(path: Path, value: unknown, expected: ExpectedType): undefined {
    if (value === UNREADABLE) this.report(path, 'unreadable_value', NO_PARAMS);
    else this.report(path, 'invalid_type', { expected, ...receivedOf(value) });
    return undefined;
  }

  /**
   * Reports a key an object does not have, with the closest of its keys; a key that is not an
   * HTTP token, white space at its ends aside (it may be a whole `Authorization: Bearer …` line
   * pasted as a key), is reported at the object, unquoted.
   */
  unknownKey(path: Path, key: string, known: Keys): void {
    if (!isShownKey(key)) this.report(path, 'unknown_key_not_shown', { start: keyStartOf(key) });
    else this.report(at(path, key), 'unknown_key', { key, suggestion: closest(key, known.list) });
  }

  /** Registers a container of the output, to be frozen at the end. */
  keep<TValue extends object>(value: TValue): TValue {
    this.made.push(value);
    return value;
  }
}

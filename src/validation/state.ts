/**
 * What one validation collects as it walks: the issues and warnings (listed up
 * to a cap, counted beyond it), the containers of the output (frozen at the
 * end) and the profile. Every walker reports through it.
 */
import type { Profile } from '../types/manifest.js';
import { isShownKey, keyStartOf } from '../rules/secrets.js';
import { closest } from './checks.js';
import { WARNING_CODES, type ExpectedType, type IssueCode, type IssueParams } from './codes.js';
import { createIssue, NO_PARAMS, type ValidationIssue } from './issue.js';
import { at, placeOf, type Path } from './paths.js';
import { receivedOf, type Keys } from './read.js';

export class Walk {
  readonly issues: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];
  /**
   * How many issues and warnings of each code were found once their list held `maxIssues`, and
   * so were counted but not made: hostile input (millions of unknown keys) then costs a count
   * each, not an issue object, a path and a message.
   */
  omitted: Map<IssueCode, number> | undefined = undefined;
  /** Every object and array of the output while no error is found (then it is frozen; after one, it is dropped). */
  readonly made: object[] = [];
  readonly connector: boolean;
  /** What is being read: a place, and a key or index in it (see {@link unreadable}). */
  private readingAt: Path = null;
  readingKey: string | number | undefined = undefined;
  /**
   * In a list whose items' names must differ (a webhook's headers): each name
   * seen so far, lower-cased, to the name as written. Set by the list's walk.
   */
  names: Map<string, string> | undefined = undefined;

  constructor(
    readonly profile: Profile,
    /** The most issues listed, and the most warnings. */
    readonly maxIssues: number,
    /** Top-level keys the rules do not know that pass through as written (`allowKeys`), in the order given. */
    readonly allowKeys: readonly string[] = [],
  ) {
    this.connector = profile === 'connector';
  }

  /** Whether an issue of `code` reported now would be listed: a caller skips working out its params otherwise. */
  lists(code: IssueCode): boolean {
    return (WARNING_CODES.has(code) ? this.warnings : this.issues).length < this.maxIssues;
  }

  /** Counts an issue that is not listed. */
  omit(code: IssueCode): void {
    this.omitted ??= new Map();
    this.omitted.set(code, (this.omitted.get(code) ?? 0) + 1);
  }

  report<TCode extends IssueCode>(path: Path, code: TCode, params: IssueParams[TCode]): void {
    const list = WARNING_CODES.has(code) ? this.warnings : this.issues;
    if (list.length >= this.maxIssues) {
      this.omit(code);
      return;
    }
    const place = placeOf(path);
    const issue = createIssue(place.path, place.segments, code, params) as ValidationIssue;
    list.push(issue);
  }

  /** Says where the walk reads next: at `path` itself, until a key or index in it is set. */
  reading(path: Path): void {
    this.readingAt = path;
    this.readingKey = undefined;
  }

  /** Reports that reading the input threw, at the place being read (the walk stops there). */
  unreadable(): void {
    const key = this.readingKey;
    this.report(key === undefined ? this.readingAt : at(this.readingAt, key), 'unreadable_value', NO_PARAMS);
  }

  /** Reports a value of the wrong type. */
  wrongType(path: Path, value: unknown, expected: ExpectedType): undefined {
    // Looking at it (its prototype, its class) is a read too.
    this.reading(path);
    this.report(path, 'invalid_type', { expected, ...receivedOf(value) });
    return undefined;
  }

  /**
   * Reports a key an object does not have, with the closest of its keys; a key that is not an
   * HTTP token, white space at its ends aside (it may be a whole `Authorization: Bearer …` line
   * pasted as a key), is reported at the object, unquoted.
   */
  unknownKey(path: Path, key: string, known: Keys): void {
    if (!isShownKey(key)) this.report(path, 'unknown_key_not_shown', { start: keyStartOf(key) });
    else if (!this.lists('unknown_key')) this.omit('unknown_key');
    else this.report(at(path, key), 'unknown_key', { key, suggestion: closest(key, known.list) });
  }

  /** Registers a container of the output, to be frozen at the end (none is, once an error is found). */
  keep<TValue extends object>(value: TValue): TValue {
    if (this.issues.length === 0) this.made.push(value);
    return value;
  }
}

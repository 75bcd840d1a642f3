/**
 * The repairs of issues that have exactly one correct one: each an edit of the JSON text.
 */
import type { ValidationIssue } from '../index.js';
import type { CheckManifestTextOptions, Repair } from './check.js';
import type { TextLevelIssue } from './issues.js';
import type { Tree } from './place.js';

/** What a repair is made from: the text (as given, and without its byte order mark), its tree and value, and where the issue is. */
export interface RepairContext {
  readonly text: string;
  readonly body: string;
  /** 1 when the text starts with a byte order mark: offsets in `body` are one less than in `text`. */
  readonly bom: number;
  readonly tree: Tree;
  readonly value: unknown;
  /** The offset in `body` validate places the issue at. */
  readonly at: number;
  readonly options: CheckManifestTextOptions;
}

/** The repair of an issue, where it has exactly one. */
export function repairOf(_issue: ValidationIssue | TextLevelIssue, _context: RepairContext): Repair | undefined {
  return undefined;
}

/**
 * The command line's own issues: what it finds in the files it reads (not
 * found, not UTF-8, not JSON, a repeated key, a logo of the wrong size), and a
 * `"$schema"` at odds with `--profile`. They have the library's issue shape, so
 * every output format reports them alike; `validateManifest` never makes them.
 */
import type { IssueCode, ValidationIssue } from '../index.js';
import { groupDigits, makeIssueWith, omittedBySeverity, quote, type Issue } from '../internal.js';
import { TEXT_ISSUE_MESSAGES, type TextIssueParams } from '../text/issues.js';

/** The parameters of each of the command line's codes. Positions are 1-based lines and columns. */
export interface FileIssueParams {
  /** The file does not exist. */
  file_not_found: {
    /** Whether a part of the path is not a directory. */
    readonly partIsNotDirectory: boolean;
  };
  /** The file could not be read. */
  file_unreadable: {
    /** The system's error code (`EACCES`), where known. */
    readonly errno: string | undefined;
  };
  /** A directory where a file was expected. */
  file_is_directory: Record<string, never>;
  /** A folder given to `validate` with no `.json` file in it or below it. */
  folder_without_json: Record<string, never>;
  /** A file over the size limit. */
  file_too_large: {
    /** The limit, in bytes. */
    readonly limit: number;
    /** The size, in bytes; unknown for a stream read up to the limit. */
    readonly size: number | undefined;
  };
  /** An empty file. */
  file_empty: Record<string, never>;
  /** A file that is not UTF-8. */
  file_not_utf8: Record<string, never>;
  /** Text that is not strict JSON (worded by lp-app-manifest/text, as the text's own issues). */
  invalid_json: TextIssueParams['invalid_json'];
  /** A member name twice in one JSON object. */
  duplicate_key: TextIssueParams['duplicate_key'];
  /** A member name twice in one JSON object, where the name is not an HTTP token (not shown). */
  duplicate_key_not_shown: TextIssueParams['duplicate_key_not_shown'];
  /** A logo file that could not be read as an image. */
  logo_unreadable: {
    /** The file as given. */
    readonly file: string;
    /** Why. */
    readonly reason: LogoUnreadableReason;
  };
  /** A logo of the wrong size. */
  logo_wrong_size: {
    /** The file as given. */
    readonly file: string;
    /** Its width, in pixels. */
    readonly width: number;
    /** Its height, in pixels. */
    readonly height: number;
    /** The width and height it must have, in pixels. */
    readonly size: number;
  };
  /** A `$schema` for another profile than the one asked for. */
  schema_profile_mismatch: TextIssueParams['schema_profile_mismatch'];
}

/** Why a logo file could not be checked: the file-level code of the read, or not an image. */
export type LogoUnreadableReason = 'file_not_found' | 'file_unreadable' | 'file_is_directory' | 'file_too_large' | 'not_an_image';

/** One of the command line's codes. */
export type FileIssueCode = keyof FileIssueParams;

/** An issue of one of the command line's codes, in the library's issue shape. */
export type FileIssue<TCode extends FileIssueCode = FileIssueCode> = {
  readonly [TEach in TCode]: Issue<TEach, FileIssueParams[TEach]>;
}[TCode];

/** Any issue the command line reports: the library's, or its own. */
export type CliIssue = ValidationIssue | FileIssue;

const megabytes = (count: number): string => `${(count / (1024 * 1024)).toFixed(1)} MB`;
const bytes = (count: number): string => `${groupDigits(count)} bytes`;

const LOGO_FILE_REASONS: { readonly [TReason in Exclude<LogoUnreadableReason, 'not_an_image'>]: string } = {
  file_not_found: 'file not found',
  file_unreadable: 'cannot read the file',
  file_is_directory: 'is a directory, not a file',
  file_too_large: 'file is too large for a logo',
};

/** The English wording of each of the command line's codes. */
const FILE_MESSAGES: { readonly [TCode in FileIssueCode]: (params: FileIssueParams[TCode]) => string } = {
  file_not_found: (p) => (p.partIsNotDirectory ? 'file not found (a part of the path is not a directory)' : 'file not found'),
  file_unreadable: (p) =>
    p.errno === 'EACCES' || p.errno === 'EPERM'
      ? 'permission denied: cannot read the file'
      : `cannot read the file (${p.errno ?? 'unknown error'})`,
  file_is_directory: () => 'is a directory, not a file',
  folder_without_json: () =>
    'no .json file in this folder or its subfolders (node_modules and folders whose name starts with "." are not searched)',
  file_too_large: (p) =>
    p.size === undefined
      ? `file is too large (over the limit of ${megabytes(p.limit)})`
      : megabytes(p.size) === megabytes(p.limit)
        ? // Just over: in megabytes the two would read the same.
          `file is too large (${bytes(p.size)}; the limit is ${bytes(p.limit)})`
        : `file is too large (${megabytes(p.size)}; the limit is ${megabytes(p.limit)})`,
  file_empty: () => 'file is empty',
  file_not_utf8: () => 'is not UTF-8 text (save it as UTF-8)',
  invalid_json: TEXT_ISSUE_MESSAGES.invalid_json,
  duplicate_key: TEXT_ISSUE_MESSAGES.duplicate_key,
  duplicate_key_not_shown: TEXT_ISSUE_MESSAGES.duplicate_key_not_shown,
  logo_unreadable: (p) =>
    p.reason === 'not_an_image'
      ? `logo ${quote(p.file)} is not an image (or not one the CLI can read: PNG, JPEG, GIF, SVG, WebP…)`
      : `logo ${quote(p.file)}: ${LOGO_FILE_REASONS[p.reason]}`,
  logo_wrong_size: (p) => `logo ${quote(p.file)} is ${p.width}x${p.height} pixels; it must be exactly ${p.size}x${p.size}`,
  schema_profile_mismatch: TEXT_ISSUE_MESSAGES.schema_profile_mismatch,
};

/** Every code of the command line's own, for its docs and tests. */
export const FILE_ISSUE_CODES = Object.keys(FILE_MESSAGES) as readonly FileIssueCode[];

/** All are errors but `schema_profile_mismatch`, which only says which profile was checked. */
export const fileSeverity = (code: FileIssueCode): 'error' | 'warning' =>
  code === 'schema_profile_mismatch' ? 'warning' : 'error';

/** Issues left out of a list (past the cap), counted by code: the library's and the command line's. */
export type CliIssueCounts = { readonly [TCode in IssueCode | FileIssueCode]?: number };

/** How many of the issues left out are errors and how many warnings, the command line's codes included. */
export const omittedCounts = (omitted: CliIssueCounts | undefined): { readonly errors: number; readonly warnings: number } =>
  omittedBySeverity(omitted, (code) => (code in FILE_MESSAGES ? fileSeverity(code as FileIssueCode) : undefined));

/**
 * Makes an issue of one of the command line's codes, worded by its table.
 *
 * @example
 * ```ts
 * import { fileIssue } from './file-issues.js';
 *
 * fileIssue([], 'file_not_found', { partIsNotDirectory: false }).message; // 'file not found'
 * ```
 */
export const fileIssue = <TCode extends FileIssueCode>(
  segments: readonly (string | number)[],
  code: TCode,
  params: FileIssueParams[TCode],
): FileIssue<TCode> =>
  makeIssueWith(
    segments,
    code,
    params,
    fileSeverity(code),
    FILE_MESSAGES[code] as (params: FileIssueParams[TCode]) => string,
  ) as FileIssue<TCode>;

/**
 * `--allow-key KEY` (repeatable), for every command that validates a manifest: the library's
 * `allowKeys`, a top-level key the rules do not know let through as written, with a warning.
 */
import { validateManifest } from '../index.js';
import type { OptionSpecs } from './command.js';
import { UsageError } from './io.js';

/** The option, as the commands declare it. */
export const ALLOW_KEY_OPTION = {
  'allow-key': {
    type: 'string',
    multiple: true,
    value: '<key>',
    help: 'let this top-level key, which the rules do not know (a field\nLivePerson added later), through as written, with a warning\nthat it is not checked (repeatable: one key each; no wildcard)',
  },
} as const satisfies OptionSpecs;

/**
 * The keys `--allow-key` names, checked as the library checks `allowKeys` (a known field, a key
 * LivePerson assigns, a name with `*` or that is no name is a usage error, exit 2).
 *
 * @example
 * ```ts
 * import { readAllowKeys } from './allow-keys.js';
 *
 * readAllowKeys(['categories']); // ['categories']
 * readAllowKeys(['client_secret']); // throws UsageError
 * ```
 */
export function readAllowKeys(values: readonly string[] | undefined): readonly string[] {
  if (values === undefined || values.length === 0) return [];
  const checked = validateManifest({}, { allowKeys: values });
  const issue = checked.ok ? undefined : checked.issues.find((each) => each.code === 'invalid_options');
  if (issue !== undefined) throw new UsageError(`option '--allow-key': ${issue.message.replace(/^allowKeys\[\d+\] /, '')}`);
  const twice = values.find((key, i) => values.indexOf(key) !== i);
  // Every other option given twice is a usage error too (args.ts); a key is a name, shown as such.
  if (twice !== undefined) throw new UsageError(`option '--allow-key' names ${JSON.stringify(twice)} twice`);
  return values;
}

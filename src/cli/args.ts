/**
 * Command-line parsing shared by the commands: `node:util` parseArgs in
 * strict mode, with its errors turned into short usage messages.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PROFILES, type Profile } from '../index.js';
import { errorCode, errorMessage, UsageError } from './io.js';

/** The program's name, as users type it. */
export const PROGRAM = 'lp-app-manifest';

/**
 * Parses arguments strictly: an unknown option, a missing value, an
 * unexpected positional, or an option given twice that takes one value (parseArgs
 * would keep the last, silently) is a {@link UsageError} with a one-line message.
 *
 * @example
 * ```ts
 * import { parseCommandLine } from './args.js';
 *
 * const args = process.argv.slice(3);
 * const { values, positionals } = parseCommandLine({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
 * ```
 */
export function parseCommandLine<TConfig extends ParseArgsConfig>(config: TConfig): ReturnType<typeof parseArgs<TConfig>> {
  // No option given (`validate a.json b.json`, or nothing before the command) and none with a default:
  // what parseArgs would return, without loading it (node:util loads it on first use: 0.6 ms of a cold start).
  const args = config.args;
  const plain =
    args !== undefined &&
    (config.allowPositionals === true || args.length === 0) &&
    config.tokens !== true &&
    args.every((arg) => arg === '-' || !arg.startsWith('-')) &&
    Object.values(config.options ?? {}).every((option) => option.default === undefined);
  if (plain) {
    return { values: Object.create(null), positionals: [...args] } as ReturnType<typeof parseArgs<TConfig>>;
  }
  let parsed: ReturnType<typeof parseArgs<TConfig & { tokens: true }>>;
  try {
    parsed = parseArgs<TConfig & { tokens: true }>({ ...config, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  // parseArgs keeps the last of an option given twice: say so instead, unless the option takes a list.
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option' || config.options?.[token.name]?.multiple === true) continue;
    if (seen.has(token.name)) throw new UsageError(`option '--${token.name}' is given more than once`);
    seen.add(token.name);
  }
  if (config.tokens === true) return parsed as ReturnType<typeof parseArgs<TConfig>>;
  const { tokens: _tokens, ...result } = parsed;
  return result as ReturnType<typeof parseArgs<TConfig>>;
}

// parseArgs' messages are long and capitalised ("Unknown option '--x'. To specify…"); keep the part that matters.
function describeParseError(error: unknown): string {
  const message = errorMessage(error);
  const quoted = /'([^']*)'/.exec(message)?.[1];
  switch (errorCode(error)) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${quoted ?? message}'`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument '${quoted ?? message}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = quoted?.replace(/ <value>$/, '');
      // "ambiguous": the next word starts with "-" (`--timeout -5`), so parseArgs took it for an option.
      if (/ambiguous/.test(message))
        return `option '${option}' needs a value (a value that starts with "-" is written ${option}=<value>)`;
      if (/argument missing/.test(message)) return `option '${option}' needs a value`;
      if (/does not take an argument/.test(message)) return `option '${option}' does not take a value`;
      return message.replace(/\.$/, '');
    }
    default:
      return message.replace(/\.$/, '');
  }
}

/**
 * Reads `--profile`: `general`, `connector`, or `undefined` when not given.
 *
 * @example
 * ```ts
 * import { readProfile } from './args.js';
 *
 * readProfile('connector'); // 'connector'
 * readProfile('strict'); // throws UsageError: unknown profile 'strict' (use general or connector)
 * ```
 */
export function readProfile(value: string | undefined): Profile | undefined {
  if (value === undefined) return undefined;
  const profile = PROFILES.find((known) => known === value);
  if (profile === undefined) throw new UsageError(`unknown profile '${value}' (use ${PROFILES.join(' or ')})`);
  return profile;
}

/** The `validate` report formats. */
export const FORMATS = ['text', 'json', 'github', 'markdown'] as const;

/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/**
 * Reads `--format`: `text` (the default), `json`, `github` or `markdown`.
 *
 * @example
 * ```ts
 * import { readFormat } from './args.js';
 *
 * readFormat(undefined); // 'text'
 * ```
 */
export function readFormat(value: string | undefined): Format {
  if (value === undefined) return 'text';
  const format = FORMATS.find((known) => known === value);
  if (format === undefined)
    throw new UsageError(`unknown format '${value}' (use ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)})`);
  return format;
}

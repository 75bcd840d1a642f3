/**
 * `lp-app-manifest code`: a manifest's JSON as a TypeScript module that builds
 * it with `ManifestBuilder` (the library's `manifestToCode`, which the web page
 * uses too, so both write the same code).
 */
import { resolve } from 'node:path';
import { manifestToCode } from '../text/index.js';
import { readProfile } from './args.js';
import { checkDocument } from './check-document.js';
import { defineCommand } from './command.js';
import { decodeJsonText, readBytes, readStream } from './files.js';
import { EXIT, UsageError } from './io.js';
import { parseJsonText } from './json-text.js';
import { profileNote } from './profile.js';
import { omittedCounts } from './file-issues.js';
import { formatIssueLine, formatOmittedLine, plural, profileName, shownFileName } from './report.js';

/** The file name that means standard input, as `validate` reads it. */
const STDIN = '-';

/** `lp-app-manifest code [--profile P] <file>` */
export const codeCommand = defineCommand({
  name: 'code',
  summary: 'print a TypeScript module that builds the manifest',
  usage: '[options] <file> > manifest.ts',
  description: `Reads a manifest file (JSON; - reads standard input) and prints a TypeScript
module that builds the same manifest with ManifestBuilder, one builder method
per field. Every webhook header value is read from the environment,
env('NAME'), with the name pull gives it (LP_<EVENT>_<HEADER>), and every
\${{ NAME }} placeholder becomes env('NAME'): no header value is printed. The
module's header comment lists the variables it reads; its default export is a
ManifestBuilder, so "lp-app-manifest build manifest.ts" builds it.

The manifest must be valid, placeholders standing for values that would pass
(as "validate --allow-unresolved" checks it); otherwise its issues are
printed as validate prints them, and no code.`,
  options: {
    profile: {
      type: 'string',
      value: '<name>',
      help: 'general or connector; without it, a "$schema" naming\ngeneral.schema.json or connector.schema.json selects it,\nelse general. The module starts from that profile\'s builder',
    },
  },
  positionals: true,
  epilogue: `The module goes to stdout; issues, warnings and notes to stderr, as
"FILE:LINE:COLUMN: PATH: MESSAGE [code]".

Exit status: 0 printed, 1 the file is invalid or cannot be read, 2 for a
usage error.`,
  async run({ values, positionals }, io) {
    const option = readProfile(values.profile);
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('no file given');
    if (extra[0] !== undefined) throw new UsageError(`unexpected argument '${extra[0]}' (code takes one file)`);
    const bytes = file === STDIN ? await readStream(io.stdin) : await readBytes(resolve(io.cwd, file));
    const text = bytes.ok ? decodeJsonText(bytes.value) : bytes;
    if (!text.ok) {
      io.stderr(`${formatIssueLine(file, { issue: text.issue, position: undefined }, { fileLevel: true })}\n`);
      return EXIT.failure;
    }
    const parsed = parseJsonText(text.value);
    if (!parsed.ok) {
      io.stderr(`${formatIssueLine(file, { issue: parsed.issue, position: parsed.position }, { fileLevel: true })}\n`);
      return EXIT.failure;
    }
    // Checked as validate --allow-unresolved checks it: a placeholder stands for a value that would pass (it becomes env()).
    const checked = checkDocument(parsed.document, option, { env: {}, allowUnresolved: true });
    const lines = [...checked.issues, ...checked.warnings]
      .filter((located) => located.issue.code !== 'unresolved_placeholder')
      .map((located) => formatIssueLine(file, located));
    const note = profileNote(parsed.document.value, checked.choice);
    if (note !== undefined) lines.push(`${shownFileName(file)}: note: ${note}`);
    if (checked.omitted !== undefined) lines.push(formatOmittedLine(file, checked.omitted));
    const result =
      checked.issues.length === 0 ? manifestToCode(parsed.document.value, { profile: checked.choice.profile }) : undefined;
    if (result === undefined || !result.ok) {
      const count = checked.issues.length + omittedCounts(checked.omitted).errors;
      lines.push(
        `${shownFileName(file)}: invalid (${profileName(checked.choice.profile)}): ${plural(count, 'issue')}; no code written: a manifest must be valid to be turned into code`,
      );
      io.stderr(`${lines.join('\n')}\n`);
      return EXIT.failure;
    }
    if (lines.length > 0) io.stderr(`${lines.join('\n')}\n`);
    io.stdout(result.code);
    return EXIT.ok;
  },
});

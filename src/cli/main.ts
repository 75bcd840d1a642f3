/**
 * The `lp-app-manifest` executable: wires the program to the process. (Its
 * `#!/usr/bin/env node` line is rollup's banner: Rollup keeps a shebang from
 * the source too, and two would be a syntax error.)
 *
 * @packageDocumentation
 */
import { errorCode } from './io.js';
import { runProgram } from './program.js';

// `lp-app-manifest schema | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (errorCode(error) === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// exitCode, not process.exit(): a large report piped to another program is flushed in full first.
process.exitCode = await runProgram(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  cwd: process.cwd(),
});

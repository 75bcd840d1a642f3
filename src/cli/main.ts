/**
 * The `lp-app-manifest` executable: wires the program to the process. (Its
 * `#!/usr/bin/env node` line is rollup's banner: Rollup keeps a shebang from
 * the source too, and two would be a syntax error.)
 *
 * Output is written with `fs.writeSync` rather than `process.stdout`: Node
 * writes to files and pipes synchronously on Linux and macOS anyway, and not
 * touching `process.stdout`/`process.stdin` spares every run the start-up of
 * Node's stream machinery (a few milliseconds of a cold start that is
 * measured). Standard input is opened only for the file name `-`.
 *
 * @packageDocumentation
 */
import { errorCode, errorMessage } from './io.js';
import { fs } from './node-fs.js';
import { runProgram } from './program.js';

/** File descriptors whose reader has gone (`lp-app-manifest schema | head`): the rest of the output is dropped, quietly. */
const closed = new Set<number>();

/** A short sleep for a descriptor that is full (EAGAIN), without an event loop turn: the write stays synchronous. */
const pause = (): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);

/** Writes all of `text` to a descriptor, as `process.stdout.write` would, synchronously. */
function write(fd: number, text: string): void {
  if (closed.has(fd)) return;
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(fs.writeSync(fd, bytes));
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EAGAIN') pause();
      else if (code === 'EPIPE') {
        // The reader closed the pipe early: not an error worth a message, as with any Unix filter.
        closed.add(fd);
        return;
      } else throw error;
    }
  }
}

/**
 * The last resort for an error nothing awaited (a promise left rejected, a throw in a timer): one line
 * and exit 1, never Node's stack trace. (A user's module never runs in this process: `build` runs it in
 * a process of its own.)
 */
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    write(2, `lp-app-manifest: unexpected error: ${errorMessage(error)}\n`);
    process.exit(1);
  });
}

// exitCode, not process.exit(): whatever is pending (a child process, a timer) finishes first.
void runProgram(process.argv.slice(2), {
  stdout: (text) => write(1, text),
  stderr: (text) => write(2, text),
  get stdin() {
    return process.stdin;
  },
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});

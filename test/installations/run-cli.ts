import { execFile } from 'node:child_process';
import { CLI } from '../cli/helpers.js';

/** The outcome of one run of the CLI. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The test-only variable that shortens LivePerson's retry pauses (5, 10, 15 s)
 * to 5, 10 and 15 ms, so that a retry does not make the suite sleep.
 */
export const SHORT_PAUSES = { LP_APP_MANIFEST_TEST_RETRY_PAUSES_MS: '5,10,15' } as const;

/**
 * Runs `node dist/cli.js ARGS` as a child process, without blocking the event
 * loop (the fake LivePerson answers from this process). The environment holds
 * only PATH, {@link SHORT_PAUSES} and what the test gives: no LP_* variable
 * leaks in from outside.
 */
export function runCliAsync(args: readonly string[], env: Record<string, string>, cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd, env: { PATH: process.env['PATH'] ?? '', ...SHORT_PAUSES, ...env }, encoding: 'utf8', timeout: 15_000 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') reject(error);
        else resolve({ status: error === null ? 0 : (error.code as number), stdout, stderr });
      },
    );
  });
}

/** The io of an in-process run of the CLI's program: everything it prints, stdout and stderr, in `output()`. */
export function capturingIo(cwd: string) {
  let output = '';
  return {
    io: {
      stdout: (text: string) => void (output += text),
      stderr: (text: string) => void (output += text),
      stdin: (async function* () {})(),
      cwd,
    },
    output: () => output,
  };
}

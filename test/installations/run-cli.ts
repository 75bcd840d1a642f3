import { execFile } from 'node:child_process';
import { CLI } from '../cli/helpers.js';

/** The outcome of one run of the CLI. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node dist/cli.js ARGS` as a child process, without blocking the event
 * loop (the fake LivePerson answers from this process). The environment holds
 * only PATH and what the test gives: no LP_* variable leaks in from outside.
 */
export function runCliAsync(args: readonly string[], env: Record<string, string>, cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd, env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8', timeout: 15_000 },
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

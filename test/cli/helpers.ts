import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

/** The built executable the tests run, as a user's shell would: the package's bin. */
export const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));

/** The directory of the CLI fixtures; tests run the CLI there, so file names in output stay short. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The outcome of one run of the CLI. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}. */
export interface RunOptions {
  readonly cwd?: string;
  /**
   * Run without root's power to read any file, so that a file the test made unreadable (mode 000)
   * is unreadable to the CLI: as root, as "nobody", running a copy of the built package that
   * every user may read (see {@link readableCopy}); as anyone else, as that user.
   */
  readonly unprivileged?: boolean;
  /** What the CLI reads on stdin. */
  readonly input?: string;
  /** Variables to set (or, as `undefined`, to unset) on top of the test runner's environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Runs `node dist/cli.cjs ARGS` in a child process. The environment is ours
 * minus NODE_OPTIONS, so the CLI never inherits a TypeScript loader from the
 * test runner: it runs exactly as it would for a user.
 */
export function runCli(args: readonly string[], options: RunOptions = {}): CliRun {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const asNobody = options.unprivileged === true && process.getuid?.() === 0;
  const { node, cli } = asNobody ? readableCopy() : { node: process.execPath, cli: CLI };
  const result = spawnSync(node, [cli, ...args], {
    cwd: options.cwd ?? FIXTURES,
    env,
    encoding: 'utf8',
    timeout: 20_000,
    maxBuffer: 16 * 1024 * 1024,
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The user and group id of "nobody". */
const NOBODY = 65534;

let copy: { readonly node: string; readonly cli: string } | undefined;

/**
 * The built package (dist/, package.json and its dependencies) copied, once per test run, into a
 * temporary directory that every user may read, and Node.js too when "nobody" may not run it:
 * the clone may sit where only its owner can enter (`mktemp -d`, `/root/…`), and so may Node
 * (nvm under `/root`). The copy is removed when the run ends.
 */
function readableCopy(): { readonly node: string; readonly cli: string } {
  if (copy !== undefined) return copy;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'lp-app-manifest-readable-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const name of Object.keys(dependencies)) {
    cpSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), { recursive: true, dereference: true });
  }
  const nodeRuns = spawnSync(process.execPath, ['-e', ''], { uid: NOBODY, gid: NOBODY }).status === 0;
  const node = nodeRuns ? process.execPath : join(dir, 'node');
  if (!nodeRuns) copyFileSync(process.execPath, node);
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    chmodSync(
      join(entry.parentPath, entry.name),
      entry.isDirectory() || join(entry.parentPath, entry.name) === node ? 0o755 : 0o644,
    );
  }
  copy = { node, cli: join(dir, 'dist', 'cli.cjs') };
  return copy;
}

/** Fails the suite early, with a clear message, when the CLI has not been built. */
export function requireBuiltCli(): void {
  before(() => {
    if (!existsSync(CLI)) {
      throw new Error(`${CLI} is missing: run "npm run build" first (npm test builds before running mocha)`);
    }
  });
}

/**
 * A fresh temporary directory for the suite, removed after it. Others may enter it, as they may a
 * project's folder: a file the test locks is then kept from an unprivileged run by its own mode.
 */
export function useTempDir(): () => string {
  let dir: string | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lp-app-manifest-cli-'));
    chmodSync(dir, 0o755);
  });
  after(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (dir === undefined) throw new Error('the temporary directory exists only inside the suite');
    return dir;
  };
}

/** Non-empty lines of an output. */
export const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A complete, valid grayscale PNG of the given size (all black). */
export function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale; compression, filter and interlace stay 0
  const scanlines = Buffer.alloc((width + 1) * height); // each row: filter byte 0, then pixels
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(scanlines)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

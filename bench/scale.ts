/**
 * Hostile files up to the CLI's size limit (issue 18 §6): each shape is
 * written at a few sizes, and `lp-app-manifest validate` runs once per file,
 * in a process of its own, as a user would run it. For each: its time over
 * that of a process that only reads and parses the file (`JSON.parse`), its
 * peak RSS (and that of the parse alone, the floor for shapes where parsing
 * is most of it), the lines it printed and its exit code.
 *
 * `BENCH_SCALE_BEFORE=/path/to/checkout` (a built checkout of an earlier
 * commit) runs that build's CLI on the same files, side by side;
 * `BENCH_SCALE_MB=10,40` sets the sizes, `BENCH_SCALE_SHAPES=keys,http` picks the shapes whose
 * names contain one of these words. Run alone: `tsx bench/scale.ts`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Row } from './measure.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
const HOOK = 'ms.MessagingEventNotification.ContentEvent';

/** A shape: the JSON text before the repeated part, one item of it (by index), and the text after. */
interface Shape {
  readonly name: string;
  readonly head: string;
  readonly item: (i: number) => string;
  readonly separator: string;
  readonly tail: string;
}

const SHAPES: readonly Shape[] = [
  { name: 'unknown keys', head: '{"client_name":"x"', item: (i) => `,"k${i}":0`, separator: '', tail: '}' },
  {
    name: 'http:// redirect URIs',
    head: '{"client_name":"x","redirect_uris":[',
    item: (i) => `"http://a.example/${i}"`,
    separator: ',',
    tail: ']}',
  },
  {
    name: 'headers, one name',
    head: `{"client_name":"x","capabilities":{"webhooks":{"${HOOK}":{"endpoint":"https://a.example","headers":[`,
    item: () => '{"header_name":"X-Same","header_value":"v"}',
    separator: ',',
    tail: ']}}}}',
  },
  {
    name: 'deep nesting (500 levels, repeated)',
    head: '{"client_name":"x","deep":[',
    item: () => `${'['.repeat(500)}${']'.repeat(500)}`,
    separator: ',',
    tail: ']}',
  },
  {
    name: 'event-like keys',
    head: '{"client_name":"x","capabilities":{"webhooks":{',
    item: (i) => `"${HOOK}${i}":{"endpoint":"http://a"}`,
    separator: ',',
    tail: '}}}',
  },
  {
    name: 'placeholders, unset',
    head: '{"client_name":"x","redirect_uris":[',
    item: (i) => `"https://\${{ HOST_${i % 1000} }}/cb"`,
    separator: ',',
    tail: ']}',
  },
  {
    name: 'one long string',
    head: '{"client_name":"',
    item: () => 'a.'.repeat(50),
    separator: '',
    tail: '"}',
  },
  {
    name: 'repeated keys',
    head: '{"client_name":"x"',
    item: () => ',"description":"d"',
    separator: '',
    tail: '}',
  },
];

/** Writes a shape of about `bytes` bytes to `file`, in chunks. */
function writeShape(shape: Shape, bytes: number, file: string): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, shape.head);
    let written = shape.head.length;
    let chunk = '';
    for (let i = 0; written + chunk.length < bytes; i++) {
      chunk += (i === 0 ? '' : shape.separator) + shape.item(i);
      if (chunk.length > MB) {
        written += chunk.length;
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk + shape.tail);
  } finally {
    closeSync(fd);
  }
}

interface Run {
  readonly seconds: number;
  readonly maxRssMiB: number;
  readonly lines: number;
  readonly exit: number | null;
}

const TIME = '/usr/bin/time';

/**
 * Runs `node args…` once, counting the lines it prints (never keeping them); its peak RSS from
 * /usr/bin/time when there is one, else from a wrapper that reads the child's resource usage.
 */
function runNode(args: readonly string[]): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'lp-scale-time-'));
  const report = join(dir, 'time');
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const argv = useTime
    ? ['-f', '%M', '-o', report, process.execPath, ...args]
    : [
        '-e',
        `const r = require('node:child_process').spawnSync(process.execPath, ${JSON.stringify(args)}, { stdio: 'inherit' });
         require('node:fs').writeFileSync(${JSON.stringify(report)}, String(require('node:process').resourceUsage().maxRSS));
         process.exitCode = r.status ?? 1;`,
      ];
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    const count = (chunk: Buffer): void => {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
    };
    child.stdout.on('data', count);
    child.stderr.on('data', count);
    child.on('error', reject);
    child.on('close', (exit) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // /usr/bin/time gives KiB; so does resourceUsage().maxRSS (of the wrapper's children, here the one child).
      const kib = Number(readFileSync(report, 'utf8').trim().split('\n').at(-1));
      rmSync(dir, { recursive: true, force: true });
      resolve({ seconds, maxRssMiB: kib / 1024, lines, exit });
    });
  });
}

const parseOnly = (file: string): string[] => [
  '-e',
  `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`,
];

const mib = (value: number): string => `${Math.round(value).toLocaleString('en-US')} MiB`;

/** The rows of the table: one per shape and size, with the `before` build's figures beside this one's when given. */
export async function benchScale(
  sizesMb: readonly number[] = (process.env['BENCH_SCALE_MB'] ?? '10,40').split(',').map(Number),
  before: string | undefined = process.env['BENCH_SCALE_BEFORE'],
): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lp-scale-'));
  const rows: Row[] = [];
  const builds = [
    ...(before === undefined ? [] : [['before', join(before, 'dist/cli.cjs')] as const]),
    ['after', join(REPO, 'dist/cli.cjs')] as const,
  ];
  try {
    const picked = process.env['BENCH_SCALE_SHAPES']?.split(',');
    for (const shape of SHAPES.filter(({ name }) => picked === undefined || picked.some((word) => name.includes(word)))) {
      for (const size of sizesMb) {
        const file = join(dir, 'manifest.json');
        writeShape(shape, size * MB, file);
        const parse = await runNode(parseOnly(file));
        const figures: string[] = [];
        let met = true;
        for (const [name, cli] of builds) {
          process.stderr.write(`  ${shape.name}, ${size} MB, ${name}…\n`);
          const run = await runNode([cli, 'validate', file]);
          const ratio = run.seconds / parse.seconds;
          figures.push(
            `${name}: ${ratio.toFixed(1)}×, ${mib(run.maxRssMiB)}, ${run.lines.toLocaleString('en-US')} lines, exit ${run.exit}`,
          );
          if (name === 'after') {
            const rssBound = size <= 40 ? Math.max(1024, 1.5 * parse.maxRssMiB) : Number.POSITIVE_INFINITY;
            met = run.exit === 1 && ratio <= 8 && run.maxRssMiB <= rssBound;
          }
        }
        const row = {
          group: 'hostile files (validate, one process each)',
          measure: `${shape.name}, ${size} MB (parse alone: ${parse.seconds.toFixed(2)} s, ${mib(parse.maxRssMiB)})`,
          result: figures.join('; '),
          target: 'exit 1, ≤ 8× parse, RSS ≤ 1 GiB at 40 MB (or 1.5× parse)',
          met,
        };
        rows.push(row);
        process.stderr.write(`  ${row.measure}: ${row.result}\n`);
        rmSync(file, { force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await benchScale()) console.log(`${row.measure}: ${row.result}${row.met ? '' : ' (target not met)'}`);
}

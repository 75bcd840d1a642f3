/**
 * The requests `plan` and `apply` make, counted on the side of a local fake of
 * LivePerson's APIs (test/fake-liveperson): the built CLI runs as a child
 * process against it over HTTP on 127.0.0.1. Targets from the deploy issue:
 * after any login, `plan --app` makes at most 2 requests (Domain API, the
 * installation; the logout that ends a login's session is left out, as the
 * login is), `plan` without `--app` at most 3 (plus the list), and an
 * `apply` that updates one more (the PUT). `audit` of an account reads the
 * list once and each installation once: the Domain API, 1 list, 1 GET each.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeLivePerson, type FakeLivePerson } from '../test/fake-liveperson/server.js';
import type { Row } from './measure.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function run(args: readonly string[], env: Record<string, string>, cwd: string): Promise<number> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd, env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 },
      (error) => {
        resolve(error === null ? 0 : typeof error.code === 'number' ? error.code : -1);
      },
    );
  });
}

/** The requests of one command, the session's login and logout left out, as `csds+get` and their count. */
async function measure(
  fake: FakeLivePerson,
  args: readonly string[],
  auth: 'bearer' | 'user',
  cwd: string,
): Promise<{ count: number; routes: string; status: number }> {
  fake.resetLog();
  const status = await run(args, fake.env(auth), cwd);
  const routes = fake.requests.map((request) => request.route).filter((route) => route !== 'login' && route !== 'logout');
  return { count: routes.length, routes: routes.join(' + '), status };
}

/** Rows: each command's requests against the fake, with the issue's targets. */
export async function benchDeployRequests(): Promise<Row[]> {
  const group = 'deploy requests (fake LivePerson)';
  const dir = mkdtempSync(join(tmpdir(), 'lp-app-manifest-bench-'));
  const fake = await startFakeLivePerson();
  try {
    const manifest = { client_name: 'Bench bot', description: 'old', enabled: true };
    const { id } = fake.seed(manifest, { lp_extra: 1 });
    const file = join(dir, 'manifest.json');
    writeFileSync(file, JSON.stringify({ ...manifest, description: 'new' }));
    const account = ['--account', fake.account];
    const cases = [
      { measure: 'plan --app (bearer)', args: ['plan', file, ...account, '--app', id], auth: 'bearer' as const, max: 2 },
      { measure: 'plan --app (user login)', args: ['plan', file, ...account, '--app', id], auth: 'user' as const, max: 2 },
      { measure: 'plan, found by client_name', args: ['plan', file, ...account], auth: 'bearer' as const, max: 3 },
      {
        measure: 'apply --app --yes (update)',
        args: ['apply', file, ...account, '--app', id, '--yes'],
        auth: 'bearer' as const,
        max: 3,
      },
      {
        measure: 'apply --yes (update, found by name)',
        args: ['apply', file, ...account, '--yes'],
        auth: 'bearer' as const,
        max: 4,
        reset: true,
      },
    ];
    const rows: Row[] = [];
    for (const item of cases) {
      if (item.reset === true) writeFileSync(file, JSON.stringify({ ...manifest, description: 'newer' }));
      const { count, routes, status } = await measure(fake, item.args, item.auth, dir);
      rows.push({
        group,
        measure: item.measure,
        result: `${count} (${routes || 'none'})${status === 0 ? '' : `, exit ${status}`}`,
        target: `≤ ${item.max} after login`,
        met: status === 0 && count <= item.max,
      });
    }
    // audit: 20 installations in all (the one above and 19 more).
    for (let i = 0; i < 19; i++) fake.seed({ client_name: `Bench bot ${i + 2}`, enabled: true });
    const installations = fake.installations.size;
    const audit = await measure(fake, ['audit', ...account], 'bearer', dir);
    const byRoute = (route: string): number => audit.routes.split(' + ').filter((each) => each === route).length;
    rows.push({
      group,
      measure: `audit --account (${installations} installations)`,
      result: `${audit.count} (csds ${byRoute('csds')}, list ${byRoute('list')}, get ${byRoute('get')})${audit.status === 0 ? '' : `, exit ${audit.status}`}`,
      target: `≤ ${installations + 2} after login`,
      met: audit.status === 0 && audit.count <= installations + 2,
    });
    return rows;
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { startFakeLivePerson } from '../fake-liveperson/server.js';
import { requireBuiltCli, useTempDir } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ACTION = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const SCRIPT = join(ROOT, 'action', 'run.sh');

/** The input names action.yml declares (the keys indented two spaces under `inputs:`). */
function declaredInputs(): string[] {
  const block = ACTION.slice(ACTION.indexOf('\ninputs:\n'), ACTION.indexOf('\noutputs:\n'));
  return [...block.matchAll(/^ {2}([a-z-]+):$/gm)].map((match) => match[1]!);
}

interface StepRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly summary: string;
  readonly output: string;
}

/**
 * GitHub Actions' composite step, run here as the runner runs it: `action/run.sh` under bash, with
 * each input as the `INPUT_*` variable action.yml maps it to, and the step-summary and output files.
 */
describe('the GitHub Action (action.yml, action/run.sh)', () => {
  requireBuiltCli();
  const tmp = useTempDir();
  let project = '';

  before(() => {
    // A project with the package installed as npm installs it: the package folder and its bin link.
    project = join(tmp(), 'project');
    mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(ROOT, join(project, 'node_modules', 'lp-app-manifest'), 'dir');
    symlinkSync('../lp-app-manifest/dist/cli.cjs', join(project, 'node_modules', '.bin', 'lp-app-manifest'));
    mkdirSync(join(project, 'manifests', 'staging'), { recursive: true });
    writeFileSync(join(project, 'manifests', 'good.json'), JSON.stringify({ client_name: 'Acme' }));
  });

  /** The step, spawned without blocking this process (where a fake LivePerson answers): its status and output. */
  const stepAsync = (env: NodeJS.ProcessEnv): Promise<{ status: number | null; out: string }> =>
    new Promise((resolve) => {
      const child = spawn('bash', [SCRIPT], { cwd: project, env });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (out += chunk));
      child.on('close', (status) => resolve({ status, out }));
    });

  function step(inputs: Readonly<Record<string, string>>, cwd = project): StepRun {
    const summaryFile = join(tmp(), `summary-${Math.random().toString(36).slice(2)}.md`);
    const outputFile = join(tmp(), `output-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(summaryFile, '');
    writeFileSync(outputFile, '');
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
    const run = spawnSync('bash', [SCRIPT], { cwd, env, encoding: 'utf8', timeout: 30_000 });
    return {
      status: run.status,
      stdout: run.stdout + run.stderr,
      summary: readFileSync(summaryFile, 'utf8'),
      output: readFileSync(outputFile, 'utf8'),
    };
  }

  it('maps every input it declares to the INPUT_ variable the script reads, and no other', () => {
    const inputs = declaredInputs();
    expect(inputs).to.include.members(['command', 'files', 'profile', 'strict', 'dotenv']);
    const script = readFileSync(SCRIPT, 'utf8');
    for (const name of inputs) {
      const variable = `INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
      expect(ACTION, name).to.include(`${variable}: \${{ inputs.${name} }}`);
      expect(script, variable).to.include(variable);
    }
    const mapped = [...ACTION.matchAll(/^ {8}(INPUT_[A-Z_]+):/gm)].map((match) => match[1]);
    expect(mapped).to.have.length(inputs.length);
  });

  it("docs/cli.md's workflow gives the action only inputs it declares, and every required one", () => {
    const docs = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
    const workflow = /```yaml\n([\s\S]*?)```/.exec(docs.slice(docs.indexOf('### In GitHub Actions')))?.[1] ?? '';
    const step = workflow.slice(workflow.indexOf('uses: ./node_modules/lp-app-manifest'));
    const given = [...step.matchAll(/^ {10}([a-z-]+):/gm)].map((match) => match[1]!);
    expect(given).to.include('files');
    expect(declaredInputs()).to.include.members(given);
  });

  it('passes a folder of valid manifests: exit 0, the exit-code output, a summary table', () => {
    const run = step({ files: 'manifests' });
    expect(run.status, run.stdout).to.equal(0);
    expect(run.output).to.equal('exit-code=0\n');
    expect(run.summary).to.include('| manifests/good.json | general | ✅ valid | 0 | 0 |');
  });

  it('fails on an invalid file with an annotation on its line and the issue in the summary', () => {
    writeFileSync(join(project, 'manifests', 'staging', 'bad.json'), '{\n  "client_name": ""\n}\n');
    const run = step({ files: 'manifests', profile: 'general' });
    expect(run.status).to.equal(1);
    expect(run.output).to.equal('exit-code=1\n');
    expect(run.stdout).to.include(
      '::error file=manifests/staging/bad.json,line=2,col=3,title=blank::client_name: must not be blank',
    );
    expect(run.summary).to.include('<details><summary>manifests/staging/bad.json: 1 issue</summary>');
    expect(run.summary).to.include('| 2:3 | error | client\\_name: must not be blank \\[blank\\] |');
  });

  it('strict: a warning fails the step; allow-unresolved and dotenv reach the CLI', () => {
    const dir = join(project, 'templated');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({ client_name: '${{ APP_NAME }}', description: 'Acme connector for ${{ REGION }}' }),
    );
    writeFileSync(join(project, '.env.staging'), 'APP_NAME=Acme\n');
    const unresolved = step({ files: 'templated', dotenv: '.env.staging' });
    expect(unresolved.status, unresolved.stdout).to.equal(1);
    expect(unresolved.stdout).to.include('unresolved_placeholder');
    const allowed = step({ files: 'templated', dotenv: '.env.staging', 'allow-unresolved': 'true' });
    expect(allowed.status, allowed.stdout).to.equal(0);
    expect(allowed.stdout).to.match(/^::warning .*REGION/m);
    // A pull-request gate without the secrets: strict fails on any warning but the placeholders allowed to stay unset.
    const strict = step({ files: 'templated', dotenv: '.env.staging', 'allow-unresolved': 'true', strict: 'true' });
    expect(strict.status, strict.stdout).to.equal(0);
    expect(strict.stdout).to.match(/^::warning .*REGION/m);
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        client_name: '${{ APP_NAME }}',
        description: 'Acme connector for ${{ REGION }}',
        logo_uri: 'https://cdn.example.org./logo.png',
      }),
    );
    const failing = step({ files: 'templated', dotenv: '.env.staging', 'allow-unresolved': 'true', strict: 'true' });
    expect(failing.status).to.equal(1);
    expect(failing.stdout).to.match(/^::error .*title=trailing_dot_host/m);
  });

  it('annotates at most 10 errors and says how many more are in the log', () => {
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`unknown_${i}`, i]));
    writeFileSync(join(project, 'many.json'), JSON.stringify({ client_name: 'Acme', ...many }, null, 2));
    const run = step({ files: 'many.json' });
    expect(run.status).to.equal(1);
    expect(run.stdout.match(/^::error /gm)).to.have.length(10);
    expect(run.stdout.match(/^not annotated: many\.json:\d+:\d+: unknown_\d+: unknown key/gm)).to.have.length(15);
    expect(run.stdout).to.match(
      /^::notice title=more issues than GitHub annotates::15 errors not annotated \(GitHub shows at most 10 annotations of each kind per step\)/m,
    );
  });

  it('a wrong input, or no installed package, is one error annotation and exit 2', () => {
    const wrong = step({ files: 'manifests', strict: 'yes' });
    expect(wrong.status).to.equal(2);
    expect(wrong.stdout).to.equal('::error title=lp-app-manifest action::input strict must be true or false, not "yes"\n');
    expect(wrong.output).to.equal('exit-code=2\n');
    expect(step({ files: '' }).stdout).to.include('input files is empty');
    expect(step({ files: 'manifests', command: 'apply' }).stdout).to.include('input command must be validate or plan');
    const bare = join(tmp(), 'bare');
    mkdirSync(bare, { recursive: true });
    const missing = step({ files: 'manifest.json' }, bare);
    expect(missing.status).to.equal(2);
    expect(missing.stdout).to.include('lp-app-manifest is not installed in');
    expect(missing.stdout).to.include('run npm ci');
  });

  it('plan: the plan as Markdown in the log and the summary, against a fake LivePerson; no secret shown', async () => {
    const fake = await startFakeLivePerson();
    try {
      const installed = { client_name: 'Acme bot', description: 'old text', enabled: true };
      fake.seed(installed);
      writeFileSync(join(project, 'plan.json'), JSON.stringify({ ...installed, description: 'new text' }));
      const summaryFile = join(tmp(), 'plan-summary.md');
      const outputFile = join(tmp(), 'plan-output.txt');
      writeFileSync(summaryFile, '');
      writeFileSync(outputFile, '');
      const env = {
        PATH: process.env['PATH'] ?? '',
        ...fake.env('user'),
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_OUTPUT: outputFile,
        INPUT_COMMAND: 'plan',
        INPUT_FILES: 'plan.json',
        INPUT_ACCOUNT: fake.account,
      };
      const run = await stepAsync(env);
      expect(run.status, run.out).to.equal(0);
      expect(readFileSync(outputFile, 'utf8')).to.equal('exit-code=0\n');
      const summary = readFileSync(summaryFile, 'utf8');
      expect(summary).to.include('```diff\n! description: "old text" → "new text"\n```');
      expect(run.out).to.include(summary.trim().split('\n')[0]!);
      for (const secret of Object.values(fake.credentials).filter((value) => value !== fake.credentials.username))
        expect(run.out + summary).not.to.include(secret);
    } finally {
      await fake.close();
    }
  });

  it('a usage error of the CLI (a wrong profile, a doubled option) is one error annotation, exit 2', () => {
    for (const inputs of [
      { files: 'manifests', profile: 'Connector' },
      { files: 'manifests', strict: 'true', args: '--strict' },
    ]) {
      const run = step(inputs);
      expect(run.status).to.equal(2);
      expect(run.output).to.equal('exit-code=2\n');
      expect(run.stdout.match(/^::error /gm)).to.have.length(1);
      expect(run.stdout).to.include(
        '::error title=lp-app-manifest action::lp-app-manifest validate refused its options (exit 2)',
      );
    }
    const plan = step({ command: 'plan', files: 'plan.json', account: '12345678', 'allow-unresolved': 'true' });
    expect(plan.status).to.equal(2);
    expect(plan.stdout).to.include('input allow-unresolved applies to validate');
  });

  it('plan: a failed plan is an error annotation, and its lines are in the summary', async () => {
    const fake = await startFakeLivePerson();
    try {
      writeFileSync(join(project, 'plan.json'), JSON.stringify({ client_name: 'Acme bot', description: 'A bot' }));
      const summaryFile = join(tmp(), 'failed-summary.md');
      writeFileSync(summaryFile, '');
      const env = {
        PATH: process.env['PATH'] ?? '',
        ...fake.env('bearer'),
        LP_BEARER_TOKEN: 'not-the-bearer',
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_OUTPUT: join(tmp(), 'failed-output.txt'),
        INPUT_COMMAND: 'plan',
        INPUT_FILES: 'plan.json',
        INPUT_ACCOUNT: fake.account,
      };
      const run = await stepAsync(env);
      expect(run.status, run.out).to.equal(1);
      expect(run.out).to.match(/^::error title=lp-app-manifest plan::the plan failed \(exit 1\): lp-app-manifest: .*401/m);
      const summary = readFileSync(summaryFile, 'utf8');
      expect(summary).to.match(
        /^\*\*lp-app-manifest plan failed\*\* \(exit 1\):\n\n<pre>\nlp-app-manifest: .*401.*\n<\/pre>\n$/m,
      );
      expect(run.out + summary).not.to.include('not-the-bearer');
    } finally {
      await fake.close();
    }
  });
});

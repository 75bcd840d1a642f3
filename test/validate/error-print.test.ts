/**
 * How a ManifestValidationError looks where a user sees it without catching
 * it: logged, or left uncaught by a script. Node prints its readable message,
 * not the `issues` array behind it (which stays on the error as data).
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { inspect } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ManifestBuilder, ManifestValidationError } from '../../src/index.js';

const builtPackage = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

function thrown(): ManifestValidationError {
  try {
    ManifestBuilder.general().clientName(' ').description('x'.repeat(300)).build();
  } catch (error) {
    if (error instanceof ManifestValidationError) return error;
  }
  throw new Error('expected a ManifestValidationError');
}

describe('ManifestValidationError, printed', () => {
  it('inspects as its name and readable message only', () => {
    const error = thrown();
    expect(inspect(error)).to.equal(`ManifestValidationError: ${error.message}`);
    expect(inspect(error)).to.not.match(/issues:|segments|\[Array|\{ code/);
    expect(error.issues.map((issue) => issue.code)).to.deep.equal(['blank', 'too_long']);
  });

  it('in strict mode, marks warnings apart from errors and counts each', () => {
    let caught: unknown;
    try {
      ManifestBuilder.connector()
        .clientName(' ')
        .webhook('ms.MessagingEventNotification.ContentEvent', 'https://localhost/lp')
        .build({ strict: true });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(ManifestValidationError);
    const lines = (caught as ManifestValidationError).message.split('\n');
    expect(lines[0]).to.equal('Invalid manifest (1 issue, 1 warning):');
    expect(lines[1]).to.match(/^ {2}✖ client_name: .* \[blank\]$/);
    expect(lines[2]).to.match(
      /^ {2}⚠ capabilities\.webhooks\["ms\.MessagingEventNotification\.ContentEvent"\]\.endpoint: .* \[unreachable_endpoint_host\]$/,
    );
  });

  it('left uncaught in a script, Node prints the message and not the issues array', () => {
    const script = `import { ManifestBuilder } from ${JSON.stringify(builtPackage)};
ManifestBuilder.general().clientName(' ').build();`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.include('ManifestValidationError: Invalid manifest (1 issue):');
    expect(run.stderr).to.include('✖ client_name: must not be blank [blank]');
    expect(run.stderr).to.not.match(/issues:|segments:|warnings:/);
  });
});

import { expect } from 'chai';
import { join } from 'node:path';
import ts from 'typescript';

// What an editor shows a user of the published types (dist/, so `npm run build` first), through
// TypeScript's language service: the completions the builder's parameters offer, and the text of
// the compile errors that say what to write (test-d/ proves that they are errors; this, what they say).

const REPO = join(import.meta.dirname, '..');
const FILE = join(REPO, 'test', 'editor-sample.ts'); // served from memory, never written

function service(text: string): ts.LanguageService {
  const options: ts.CompilerOptions = {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
    skipLibCheck: true,
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [FILE],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const content = name === FILE ? text : ts.sys.readFile(name);
      return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
    },
    getCurrentDirectory: () => REPO,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
    fileExists: (name) => name === FILE || ts.sys.fileExists(name),
    readFile: (name) => (name === FILE ? text : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

const HEADER = [
  "import { ManifestBuilder, type AnyManifestBuilder, type WebhookEvent } from '../dist/index.js';",
  "const named = ManifestBuilder.connector().clientName('Acme');",
  'declare const event: WebhookEvent;',
  'declare const production: boolean;',
  '',
].join('\n');

/** The completions at the `|` in `line` (after the header). */
function completionsAt(line: string): string[] {
  const text = HEADER + line.replace('|', '');
  const found = service(text).getCompletionsAtPosition(FILE, HEADER.length + line.indexOf('|'), {});
  return (found?.entries ?? []).map((entry) => entry.name);
}

/** Each compile error of `lines` (after the header), as `line: TSxxxx: message` with the whole chain. */
function errorsOf(lines: string): string[] {
  const text = HEADER + lines;
  const program = service(text).getProgram()!;
  const file = program.getSourceFile(FILE)!;
  return [...program.getSemanticDiagnostics(file), ...program.getSyntacticDiagnostics(file)].map((diagnostic) => {
    const line = file.getLineAndCharacterOfPosition(diagnostic.start!).line - HEADER.split('\n').length + 2;
    return `${line}: TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

const EVENTS = [
  'ms.MessagingEventNotification.ContentEvent',
  'ms.MessagingEventNotification.RichContentEvent',
  'ms.MessagingEventNotification.AcceptStatusEvent',
  'ms.MessagingEventNotification.ChatStateEvent',
  'cqm.ExConversationChangeNotification',
];
const MAX_RETRIES_MESSAGE =
  'maxRetries must be 0, 1, 2, 3, 4 or 5 (a number in a variable needs \\"as const\\" or the type WebhookOptions)';
const ALLOWED = EVENTS.map((event) => `\\"${event}\\"`).join(', ');

describe('the builder in an editor (published types, language service)', function () {
  this.timeout(60_000);

  it("completes webhook()'s and withoutWebhook()'s event with the five events", () => {
    expect(completionsAt("named.webhook('|'")).to.have.members(EVENTS);
    expect(completionsAt("named.withoutWebhook('|')")).to.have.members(EVENTS);
  });

  it("completes webhook()'s options with maxRetries and headers, before and after one is written", () => {
    expect(completionsAt("named.webhook(event, 'https://hooks.acme.com/lp', { | });")).to.include.members([
      'maxRetries',
      'headers',
    ]);
    expect(completionsAt("named.webhook(event, 'https://hooks.acme.com/lp', { maxRetries: 3, | });")).to.include('headers');
  });

  it('names the event a wrong name most likely means, LivePerson’s misspelling its own fix, and lists the events otherwise', () => {
    const errors = errorsOf(
      [
        "named.webhook('ContentEvent', 'https://hooks.acme.com/lp');",
        "named.webhook('ms.messagingeventnotification.contentevent', 'https://hooks.acme.com/lp');",
        "named.webhook('ms.MessagingEventNotification.ContentEvnt', 'https://hooks.acme.com/lp');",
        "named.webhook('ms.MessagingEventNotification.ExConversationChangeNotification', 'https://hooks.acme.com/lp');",
        "named.withoutWebhook('exconversationchangenotification');",
      ].join('\n'),
    );
    expect(errors).to.have.length(5);
    const didYouMean = (event: string) => `not a webhook event; did you mean \\"${event}\\"?`;
    expect(errors[0])
      .to.match(/^1: TS2345: /)
      .and.include(didYouMean('ms.MessagingEventNotification.ContentEvent'));
    expect(errors[1])
      .to.match(/^2: TS2345: /)
      .and.include(didYouMean('ms.MessagingEventNotification.ContentEvent'));
    expect(errors[2])
      .to.match(/^3: TS2345: /)
      .and.include(`not a webhook event (allowed: ${ALLOWED})`);
    expect(errors[3])
      .to.match(/^4: TS2345: /)
      .and.include(`(LivePerson's table misspells it); use \\"cqm.ExConversationChangeNotification\\"`);
    expect(errors[4])
      .to.match(/^5: TS2345: /)
      .and.include(didYouMean('cqm.ExConversationChangeNotification'));
    // Only LivePerson's own misspelling is told to use cqm.ExConversationChangeNotification.
    expect(errors.filter((error) => error.includes('use \\"cqm.'))).to.have.length(1);
  });

  it('says the range of maxRetries, and names the option a misspelled key means', () => {
    const errors = errorsOf(
      [
        "named.webhook(event, 'https://hooks.acme.com/lp', { maxRetries: 7 });",
        "named.webhook(event, 'https://hooks.acme.com/lp', { maxRetry: 3 });",
        "named.webhook(event, 'https://hooks.acme.com/lp', { max_retries: 3 });",
        "named.webhook(event, 'https://hooks.acme.com/lp', { header: { 'X-Acme': 'a' } });",
        "named.webhook(event, 'https://hooks.acme.com/lp', { timeout: 3 });",
      ].join('\n'),
    );
    expect(errors).to.deep.equal([
      `1: TS2322: Type '7' is not assignable to type 'MaxRetries | ManifestTypeError<"${MAX_RETRIES_MESSAGE}"> | undefined'.`,
      `2: TS2322: Type 'number' is not assignable to type 'ManifestTypeError<"unknown option \\"maxRetry\\" of webhook(event, endpoint, options); did you mean \\"maxRetries\\"?">'.`,
      `3: TS2322: Type 'number' is not assignable to type 'ManifestTypeError<"unknown option \\"max_retries\\" of webhook(event, endpoint, options); did you mean \\"maxRetries\\"?">'.`,
      `4: TS2353: Object literal may only specify known properties, and ''X-Acme'' does not exist in type 'ManifestTypeError<"unknown option \\"header\\" of webhook(event, endpoint, options); did you mean \\"headers\\"?">'.`,
      `5: TS2322: Type 'number' is not assignable to type 'ManifestTypeError<"unknown option \\"timeout\\" of webhook(event, endpoint, options)">'.`,
    ]);
  });

  it('says how to keep a maxRetries that a variable widened to number, and takes it kept', () => {
    const errors = errorsOf(
      [
        'const literal = { maxRetries: 3 };',
        "named.webhook(event, 'https://hooks.acme.com/lp', literal);",
        'const chosen = { maxRetries: production ? 5 : 2 };',
        "named.webhook(event, 'https://hooks.acme.com/lp', chosen);",
        'function retries(): { maxRetries?: number } { return { maxRetries: 3 }; }',
        "named.webhook(event, 'https://hooks.acme.com/lp', retries());",
        'const kept = { maxRetries: 3 } as const;',
        "named.webhook(event, 'https://hooks.acme.com/lp', kept);",
        "const typed: import('../dist/index.js').WebhookOptions = { maxRetries: production ? 5 : 2 };",
        "named.webhook(event, 'https://hooks.acme.com/lp', typed);",
      ].join('\n'),
    );
    expect(errors).to.have.length(3);
    for (const [index, line] of [2, 4, 6].entries()) {
      const chain = errors[index]!.split('\n');
      expect(chain[0]).to.match(new RegExp(`^${line}: TS2345: `));
      expect(chain.at(-1)?.trim()).to.equal(
        `Type 'number' is not assignable to type 'MaxRetries | ManifestTypeError<"${MAX_RETRIES_MESSAGE}"> | undefined'.`,
      );
    }
  });

  it('builds a builder set in branches, typed AnyManifestBuilder, and says why where a path skips clientName', () => {
    const errors = errorsOf(
      [
        "let builder: AnyManifestBuilder<'connector'> = ManifestBuilder.connector();",
        "if (production) builder = builder.clientName('Acme');",
        "else builder = builder.clientName('Acme (staging)');",
        'builder.build();',
        "let draft: AnyManifestBuilder<'connector'> = ManifestBuilder.connector();",
        "if (production) draft = draft.clientName('Acme');",
        'draft.build();',
      ].join('\n'),
    );
    expect(errors).to.have.length(1);
    expect(errors[0])
      .to.match(/^7: TS2349: /)
      .and.include('build() needs clientName(...) first');
  });
});

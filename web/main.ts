/**
 * The web page: a manifest's JSON in a CodeMirror 6 editor, checked as the CLI checks it
 * (checkManifestText of lp-app-manifest/text: the same code, bundled), each issue underlined at its
 * place, listed, and repaired on request (the repairs `lp-app-manifest fix` makes); the TypeScript
 * that builds it (manifestToCode, as `lp-app-manifest code` prints it). Nothing leaves the tab: the
 * page makes no request but for its own files, and stores nothing.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { EditorState, StateEffect } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import type { Profile } from '../src/index.js';
import { starter } from '../src/cli/starter.js';
import { schemaProfile } from '../src/rules/profiles.js';
import {
  type CheckedManifestText,
  checkManifestText,
  fixManifestText,
  manifestToCode,
  type TextIssue,
} from '../src/text/index.js';

/** What `init --profile connector` writes in a project's folder: the profile's schema, where npm installs the package. */
const STARTER_SCHEMA = './node_modules/lp-app-manifest/schema/connector.schema.json';

/** LivePerson's documented connector template, filled as `lp-app-manifest init --profile connector` writes it. */
const starterText = (): string => `${JSON.stringify({ $schema: STARTER_SCHEMA, ...starter('connector', undefined) }, null, 2)}\n`;

/** How long after the last keystroke the text is checked (@codemirror/lint waits 750 ms by default; a check takes a few). */
const LINT_DELAY_MS = 10;

const byId = <TElement extends HTMLElement>(id: string): TElement => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element as TElement;
};

const profileSelect = byId<HTMLSelectElement>('profile');
const profileUsed = byId<HTMLElement>('profile-used');
const allowUnresolved = byId<HTMLInputElement>('allow-unresolved');
const issueList = byId<HTMLOListElement>('issues');
const issueSummary = byId<HTMLElement>('issue-summary');
const repairAll = byId<HTMLButtonElement>('repair-all');
const insertStarter = byId<HTMLButtonElement>('insert-starter');
const tsView = byId<HTMLTextAreaElement>('typescript');
const tsNote = byId<HTMLElement>('typescript-note');
const copyTs = byId<HTMLButtonElement>('copy-ts');
const downloadTs = byId<HTMLButtonElement>('download-ts');
const status = byId<HTMLElement>('status');

/** The profile the switch asks for; `undefined`: the text's "$schema", else general (as the CLI without --profile). */
const chosenProfile = (): Profile | undefined =>
  profileSelect.value === 'general' || profileSelect.value === 'connector' ? profileSelect.value : undefined;

/** The options of the check: the profile chosen, and whether unset placeholders are warnings (the page has no environment). */
const checkOptions = () => {
  const profile = chosenProfile();
  return { ...(profile === undefined ? {} : { profile }), allowUnresolved: allowUnresolved.checked };
};

/** The TypeScript module of the last valid check, for copy and download. */
let typescript: string | undefined;
/** How many times the page has shown a check (the list's `data-checks`: tests and the bench wait on it). */
let checks = 0;

const say = (text: string): void => {
  status.textContent = text;
};

/** `line:column`, as the CLI prints them. */
const where = (issue: TextIssue): string => `${issue.start.line}:${issue.start.column}`;

/** The issue's line of the list and of its hover: path, message, code (the CLI's words). */
const describe = (issue: TextIssue): string => `${issue.path === '' ? '(root)' : issue.path}: ${issue.message} [${issue.code}]`;

/** Selects an issue's span in the editor and moves the focus there. */
function jumpTo(issue: TextIssue): void {
  const length = view.state.doc.length;
  const anchor = Math.min(issue.from, length);
  const head = Math.min(Math.max(issue.to, anchor), length);
  view.dispatch({ selection: { anchor, head }, scrollIntoView: true });
  view.focus();
}

/** Applies exactly an issue's repair (its edits, all against the text that was checked): what `fix` writes. */
function applyRepair(issue: TextIssue): void {
  // The text may have changed since the list was drawn: check it again and find the same issue.
  const current = checkManifestText(view.state.doc.toString(), checkOptions());
  const again = [...current.issues, ...current.warnings].find(
    (other) => other.code === issue.code && other.path === issue.path && other.repair !== undefined,
  );
  if (again?.repair === undefined) {
    say('That issue is no longer there.');
    return;
  }
  const changes = [...again.repair.edits]
    .sort((a, b) => a.offset - b.offset)
    .map((edit) => ({ from: edit.offset, to: edit.offset + edit.length, insert: edit.content }));
  view.dispatch({ changes, userEvent: 'input.repair' });
  say(`Repaired: ${again.repair.title}`);
  view.focus();
}

function issueItem(issue: TextIssue): HTMLLIElement {
  const item = document.createElement('li');
  item.className = issue.severity;
  const jump = document.createElement('button');
  jump.type = 'button';
  jump.className = 'jump';
  jump.dataset['code'] = issue.code;
  jump.dataset['line'] = String(issue.start.line);
  jump.dataset['column'] = String(issue.start.column);
  jump.dataset['from'] = String(issue.from);
  jump.dataset['to'] = String(issue.to);
  const severity = document.createElement('span');
  severity.className = 'severity';
  severity.textContent = issue.severity;
  const position = document.createElement('span');
  position.className = 'where';
  position.textContent = where(issue);
  const message = document.createElement('span');
  message.className = 'message';
  message.textContent = describe(issue);
  jump.append(severity, ' ', position, ' ', message);
  jump.addEventListener('click', () => jumpTo(issue));
  item.append(jump);
  if (issue.repair !== undefined) {
    const repair = document.createElement('button');
    repair.type = 'button';
    repair.className = 'repair';
    repair.textContent = `Repair: ${issue.repair.title}`;
    repair.addEventListener('click', () => applyRepair(issue));
    item.append(' ', repair);
  }
  return item;
}

/** A pasted text without its byte order mark, which is not part of the JSON (RFC 8259 §8.1), as the command line reads a file. */
const withoutBom = (text: string): string => (text.startsWith('\ufeff') ? text.slice(1) : text);

/** Why the check used its profile, as validate decides it: the switch, else the text's "$schema", else the default. */
function profileReason(text: string): string {
  if (chosenProfile() !== undefined) return 'chosen above';
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(text));
  } catch {
    return 'the default: the text is not JSON';
  }
  return schemaProfile(value) === undefined ? 'the default: no "$schema" names a profile' : 'its "$schema" names it';
}

/** Shows a check: the list, the profile, the TypeScript. */
function show(check: CheckedManifestText, text: string): void {
  const all = [...check.issues, ...check.warnings];
  issueList.replaceChildren(...all.map(issueItem));
  const errors = check.issues.length;
  const warnings = check.warnings.length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  issueSummary.textContent = `${check.ok ? 'Valid' : 'Invalid'}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  issueSummary.className = check.ok ? 'valid' : 'invalid';
  profileUsed.textContent = `Checked as ${check.profile} (${profileReason(text)})`;
  repairAll.disabled = !all.some((issue) => issue.repair !== undefined);
  insertStarter.hidden = text.trim() !== '';
  showTypescript(check, text);
  checks += 1;
  issueList.dataset['checks'] = String(checks);
}

function showTypescript(check: CheckedManifestText, text: string): void {
  typescript = undefined;
  if (!check.ok) {
    tsView.value = '';
    tsView.hidden = true;
    tsNote.textContent = `The TypeScript is shown once the manifest has no error (${check.issues.length} left above).`;
  } else {
    const code = manifestToCode(JSON.parse(withoutBom(text)), { profile: check.profile });
    if (code.ok) {
      typescript = code.code;
      tsView.value = code.code;
      tsView.rows = Math.min(40, code.code.split('\n').length + 1);
      tsView.hidden = false;
      tsNote.textContent =
        code.variables.length === 0
          ? 'Builds the same manifest with ManifestBuilder.'
          : `Builds the same manifest with ManifestBuilder; set ${code.variables.join(', ')} in the environment to run it.`;
    } else {
      tsView.value = '';
      tsView.hidden = true;
      tsNote.textContent = `No TypeScript: ${code.issues.map((issue) => issue.message).join('; ') || 'not available in this build'}.`;
    }
  }
  copyTs.disabled = typescript === undefined;
  downloadTs.disabled = typescript === undefined;
}

/** The editor's look (inside its shadow root, where page.css does not reach). */
const EDITOR_THEME = EditorView.theme({
  '&': {
    border: '1px solid #555',
    borderRadius: '4px',
    height: '70vh',
    minHeight: '300px',
    fontSize: '14px',
    background: '#fff',
  },
  '&.cm-focused': { outline: '3px solid #1a5fb4', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
  '.cm-gutters': { background: '#f4f4f4', color: '#555', borderRight: '1px solid #ccc' },
  '.cm-tooltip-lint': { maxWidth: '40em' },
});

/** Says that the check's options changed (the profile, placeholders): the text is checked again. */
const optionsChanged = StateEffect.define<null>();

const lint = linter(
  (editor): Diagnostic[] => {
    const text = editor.state.doc.toString();
    const check = checkManifestText(text, checkOptions());
    show(check, text);
    const length = editor.state.doc.length;
    return [...check.issues, ...check.warnings].map((issue) => {
      const from = Math.min(issue.from, length);
      const diagnostic: Diagnostic = {
        from,
        to: Math.min(Math.max(issue.to, from), length),
        severity: issue.severity,
        message: describe(issue),
      };
      const repair = issue.repair;
      return repair === undefined
        ? diagnostic
        : { ...diagnostic, actions: [{ name: `Repair: ${repair.title}`, apply: () => applyRepair(issue) }] };
    });
  },
  {
    delay: LINT_DELAY_MS,
    needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((effect) => effect.is(optionsChanged))),
  },
);

// The editor lives in a shadow root: there style-mod gives CodeMirror's styles to the browser as a
// constructed style sheet (adoptedStyleSheets), which the page's policy (style-src 'self', no
// 'unsafe-inline') allows; in the document itself it would write a <style> element, which the policy blocks.
const shadow = byId('editor').attachShadow({ mode: 'open' });
const view = new EditorView({
  root: shadow,
  parent: shadow,
  state: EditorState.create({
    doc: starterText(),
    extensions: [
      lineNumbers(),
      history(),
      highlightActiveLine(),
      bracketMatching(),
      syntaxHighlighting(defaultHighlightStyle),
      // Tab is not bound (no indentWithTab): it moves the focus out of the editor, as on any other field.
      keymap.of([...defaultKeymap, ...historyKeymap]),
      json(),
      lint,
      lintGutter(),
      EDITOR_THEME,
      EditorView.contentAttributes.of({ 'aria-label': 'Manifest JSON', 'aria-describedby': 'editor-help' }),
    ],
  }),
});

const recheck = () => view.dispatch({ effects: optionsChanged.of(null) });
profileSelect.addEventListener('change', recheck);
allowUnresolved.addEventListener('change', recheck);

repairAll.addEventListener('click', () => {
  const before = view.state.doc.toString();
  const fixed = fixManifestText(before, checkOptions());
  if (fixed.text === before) {
    say('Nothing to repair.');
    return;
  }
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: fixed.text }, userEvent: 'input.repair' });
  say(`${fixed.applied.length} ${fixed.applied.length === 1 ? 'repair' : 'repairs'} applied.`);
});

insertStarter.addEventListener('click', () => {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: starterText() } });
  view.focus();
});

/** Copies a text to the clipboard (the Clipboard API; where a file:// page lacks it, a selection and the copy command). */
async function copy(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('aria-hidden', 'true');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  say(`${what} copied.`);
}

/** Saves a text as a file: a blob URL made here, never a request. */
function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  say(`${name} saved.`);
}

byId('copy-json').addEventListener('click', () => void copy(view.state.doc.toString(), 'The JSON'));
byId('download-json').addEventListener('click', () => download(view.state.doc.toString(), 'manifest.json', 'application/json'));
copyTs.addEventListener('click', () => typescript !== undefined && void copy(typescript, 'The TypeScript'));
downloadTs.addEventListener('click', () => typescript !== undefined && download(typescript, 'manifest.ts', 'text/typescript'));

/**
 * The repairs of the issues that have exactly one correct one, each an edit of the JSON text
 * (jsonc-parser's `Edit`, applied with its `applyEdits`). A repair never changes what a manifest
 * means: no scheme changed, no number clamped, no URL rewritten, no header value or `client_secret`
 * touched; where a repair would collide with what is there (a key renamed to one that exists, an
 * item that is already in its list) or could be one of several, there is none.
 */
import { applyEdits, modify, type FormattingOptions, type Node } from 'jsonc-parser';
import { validateTemplate, type Profile, type ValidationIssue } from '../index.js';
import { repairCandidate } from '../internal.js';
import { nodeAt } from '../rules/places.js';
import { hiddenPart, isSecretPlace } from '../rules/secrets.js';
import type { CheckManifestTextOptions, Repair, TextEdit } from './check.js';
import type { TextLevelIssue } from './issues.js';
import { positionsOf, type TextPosition } from './parse.js';
import { deepestNode, findNodeAtOffset, keyNodeOf, type Tree } from './place.js';

/** What a repair is made from: the text, its tree and value, the profile, and where the issue is. */
export interface RepairContext {
  /** The text as given. */
  readonly text: string;
  /** The text without its byte order mark. */
  readonly body: string;
  /** 1 when the text starts with a byte order mark: offsets in `body` are one less than in `text`. */
  readonly bom: number;
  readonly tree: Tree;
  readonly value: unknown;
  readonly profile: Profile;
  /** The offset in `body` `validate` places the issue at. */
  readonly at: number;
  readonly options: CheckManifestTextOptions;
  /** How many more times this check may validate a candidate repair (see {@link passesAt}). */
  readonly budget: { trials: number };
  /** The members of the objects looked into, by name and with their positions, for this check. */
  readonly members: Map<Node, { readonly copies: Map<string, Node[]>; readonly positions: Map<Node, TextPosition> }>;
  /** The names renames would write in the objects looked into, each with how many members it would be written for. */
  readonly targets: Map<Node, ReadonlyMap<string, number>>;
}

/**
 * How many candidate repairs one check validates (a list of one string, a number written as a string),
 * and on how much text in all: a file with thousands of such issues gets the first repairs in this
 * check and the rest in `fixManifestText`'s later rounds, and a check never costs more than a few validations.
 */
export const trialBudget = (body: string): { trials: number } => ({
  trials: Math.min(20, Math.floor(4_000_000 / Math.max(body.length, 1))),
});

type AnyIssue = ValidationIssue | TextLevelIssue;

/** The repair of an issue, where it has exactly one. */
export function repairOf(issue: AnyIssue, context: RepairContext): Repair | undefined {
  const repair = makeRepair(issue, context);
  if (repair === undefined) return undefined;
  // Offsets of the text as given.
  const edits = context.bom === 0 ? repair.edits : repair.edits.map((edit) => ({ ...edit, offset: edit.offset + context.bom }));
  return Object.freeze({ title: repair.title, edits: Object.freeze(edits.map((edit) => Object.freeze(edit))) });
}

function makeRepair(issue: AnyIssue, context: RepairContext): Repair | undefined {
  switch (issue.code) {
    case 'invalid_json':
      return trailingComma(issue.params.reason, context);
    case 'duplicate_key':
    case 'duplicate_key_not_shown':
      return repeatedKey(issue, context);
    case 'server_assigned_key':
      return removeMember(
        issue.segments,
        issue.params.secret
          ? `remove "${issue.params.key}": LivePerson assigns it when the app is installed, and a secret does not belong in a manifest file`
          : `remove "${issue.params.key}": LivePerson assigns it when the app is installed`,
        context,
      );
    case 'misspelled_webhook_event':
      return renameKey(issue.segments, issue.params.suggestion, context);
    case 'unknown_key': {
      const candidates = keysAt(issue.segments.slice(0, -1));
      return issue.params.suggestion === undefined || repairCandidate(issue.params.key, candidates) !== issue.params.suggestion
        ? undefined
        : renameKey(issue.segments, issue.params.suggestion, context, candidates);
    }
    case 'invalid_enum_value':
      return enumValue(issue as ValidationIssue<'invalid_enum_value'>, context);
    case 'invalid_type':
      return wrongType(issue as ValidationIssue<'invalid_type'>, context);
    case 'schema_profile_mismatch':
      return undefined; // fixManifestText writes the "$schema" it is given (the caller knows where the schema is)
    default:
      return undefined;
  }
}

const edit = (offset: number, length: number, content: string): TextEdit => ({ offset, length, content });

const end = (node: Node): number => node.offset + node.length;

/** The keys a did-you-mean at an object chooses from, read from the rules tree (the validator's candidates). */
function keysAt(segments: readonly (string | number)[]): readonly string[] {
  const node = nodeAt(segments);
  if (node === undefined) return [];
  if (node.type === 'object') return Object.keys(node.fields);
  if (node.type === 'events') return [...node.events, ...Object.keys(node.also)];
  return [];
}

/** The trailing comma before a `}` or `]` removed. */
function trailingComma(reason: string, { body, at }: RepairContext): Repair | undefined {
  if (reason !== 'trailing_comma_object' && reason !== 'trailing_comma_array') return undefined;
  let comma = at - 1;
  while (comma >= 0 && /[ \t\r\n]/.test(body[comma]!)) comma--;
  if (body[comma] !== ',') return undefined;
  return {
    title: `remove the trailing comma before "${reason === 'trailing_comma_object' ? '}' : ']'}"`,
    edits: [edit(comma, 1, '')],
  };
}

/**
 * The edit that removes a member from its object, with the comma that joined it: after the member
 * before it (the comma and white space before it go), else up to the member after it, else all of
 * the object's inside. The rest of the text, its indentation and line ends, stays as it is.
 */
function removalOf(property: Node): TextEdit | undefined {
  const object = property.parent;
  const members = object?.children;
  if (object === undefined || members === undefined) return undefined;
  const index = members.indexOf(property);
  if (index > 0) return edit(end(members[index - 1]!), end(property) - end(members[index - 1]!), '');
  if (members.length > 1) return edit(property.offset, members[1]!.offset - property.offset, '');
  return edit(object.offset + 1, object.length - 2, '');
}

/**
 * A repeated name: one repair, at the issue of its last copy (the one `JSON.parse` keeps, which
 * stays), removes every earlier copy; the issues of the copies between have none. One repair for
 * all, placed in one text, so that its title names the lines as the file has them.
 */
function repeatedKey(
  issue: TextLevelIssue<'duplicate_key' | 'duplicate_key_not_shown'>,
  context: RepairContext,
): Repair | undefined {
  if (context.tree === undefined) return undefined;
  // Nothing inside a secret place (a header value written as an object) is touched.
  if (issue.code === 'duplicate_key_not_shown' && issue.params.start === undefined) return undefined;
  const again = findNodeAtOffset(context.tree, context.at);
  const object = again?.parent?.parent;
  if (again === undefined || object?.type !== 'object' || again.parent?.children?.[0] !== again) return undefined;
  const { copies, positions } = membersOf(object, context);
  const same = copies.get(String(again.value)) ?? [];
  if (same.length < 2 || same.at(-1) !== again.parent) return undefined;
  const dropped = same.slice(0, -1);
  const edits = removalsOf(object, new Set(dropped));
  if (edits === undefined) return undefined;
  const lines = dropped.map((property) => positions.get(property)!.line);
  const shown = lines.slice(0, 5).join(', ');
  const where =
    lines.length === 1 ? `line ${shown}` : lines.length <= 5 ? `lines ${shown}` : `lines ${shown} and ${lines.length - 5} more`;
  const name = issue.code === 'duplicate_key' ? `"${issue.params.key}"` : 'the repeated key';
  const copiesWord = dropped.length === 1 ? 'the earlier copy' : `the ${dropped.length} earlier copies`;
  return {
    title: `remove ${copiesWord} of ${name} (${where}), keeping the last (line ${positions.get(same.at(-1)!)!.line}), the one a JSON reader keeps`,
    edits,
  };
}

/**
 * The edits that remove the members `dropped` of `object`, each with the comma before it (or, for
 * the first member, the comma after): ranges that never overlap, however many are consecutive.
 */
function removalsOf(object: Node, dropped: ReadonlySet<Node>): TextEdit[] | undefined {
  const members = object.children ?? [];
  const edits: TextEdit[] = [];
  for (let i = 0; i < members.length; i++) {
    if (!dropped.has(members[i]!)) continue;
    if (i > 0) {
      edits.push(edit(end(members[i - 1]!), end(members[i]!) - end(members[i - 1]!), ''));
      continue;
    }
    // The first member: up to the first one kept, with the members between.
    let kept = 1;
    while (kept < members.length && dropped.has(members[kept]!)) kept++;
    if (kept === members.length) return undefined;
    edits.push(edit(members[0]!.offset, members[kept]!.offset - members[0]!.offset, ''));
    i = kept - 1;
  }
  return edits;
}

/** An object's members by name, each with its position: found once per object and check (a hostile object repeats a name by the thousand). */
function membersOf(
  object: Node,
  context: RepairContext,
): { readonly copies: Map<string, Node[]>; readonly positions: Map<Node, TextPosition> } {
  const known = context.members.get(object);
  if (known !== undefined) return known;
  const properties = object.children ?? [];
  const copies = new Map<string, Node[]>();
  for (const property of properties) {
    const name = String(property.children?.[0]?.value);
    const list = copies.get(name);
    if (list === undefined) copies.set(name, [property]);
    else list.push(property);
  }
  const found = positionsOf(
    context.body,
    properties.map((property) => property.offset),
  );
  const members = { copies, positions: new Map(properties.map((property, i) => [property, found[i]!])) };
  context.members.set(object, members);
  return members;
}

/** The member at `segments` (its last copy, the one `JSON.parse` keeps) removed. */
function removeMember(segments: readonly (string | number)[], title: string, { tree }: RepairContext): Repair | undefined {
  const { node, depth } = deepestNode(tree, segments);
  if (node === undefined || depth < segments.length || keyNodeOf(node) === undefined) return undefined;
  const removal = removalOf(node.parent!);
  return removal === undefined ? undefined : { title, edits: [removal] };
}

/**
 * The name of the member at `segments` written as `to`, unless its object has a member of that name
 * already, or (`candidates`: the names a did-you-mean chooses from) another member would be renamed
 * `to` too: two keys written for one name (`contentevent` and `Contentevent`) are two webhooks, and
 * which one is meant only the author knows.
 */
function renameKey(
  segments: readonly (string | number)[],
  to: string,
  context: RepairContext,
  candidates?: readonly string[],
): Repair | undefined {
  const { node, depth } = deepestNode(context.tree, segments);
  const key = node === undefined ? undefined : keyNodeOf(node);
  if (key === undefined || depth < segments.length) return undefined;
  const object = key.parent!.parent!;
  if (object.children?.some((property) => property.children?.[0]?.value === to)) return undefined;
  if (candidates !== undefined && (renameTargets(object, candidates, context).get(to) ?? 0) > 1) return undefined;
  return {
    title: `rename "${String(segments.at(-1))}" to "${to}"`,
    edits: [edit(key.offset, key.length, JSON.stringify(to))],
  };
}

/** How many of an object's members a repair would rename to each name: found once per object and check. */
function renameTargets(object: Node, candidates: readonly string[], context: RepairContext): ReadonlyMap<string, number> {
  const known = context.targets.get(object);
  if (known !== undefined) return known;
  const targets = new Map<string, number>();
  const names = new Set(candidates);
  for (const property of object.children ?? []) {
    const name = property.children?.[0]?.value;
    if (typeof name !== 'string' || names.has(name)) continue;
    const target = repairCandidate(name, candidates);
    if (target !== undefined) targets.set(target, (targets.get(target) ?? 0) + 1);
  }
  context.targets.set(object, targets);
  return targets;
}

/** A list item that is not an allowed value, written as the one allowed value it is closest to, unless the list has it already. */
function enumValue(issue: ValidationIssue<'invalid_enum_value'>, { tree }: RepairContext): Repair | undefined {
  const { value, suggestion, allowed } = issue.params;
  if (suggestion === undefined || repairCandidate(value, allowed) !== suggestion) return undefined;
  const { node, depth } = deepestNode(tree, issue.segments);
  if (node === undefined || depth < issue.segments.length || node.type !== 'string') return undefined;
  if (node.parent?.children?.some((item) => item.value === suggestion)) return undefined;
  return { title: `write "${suggestion}" for "${value}"`, edits: [edit(node.offset, node.length, JSON.stringify(suggestion))] };
}

/** The repairs of a value of the wrong type whose meaning is plain: a list of the one string, a boolean or whole number written as a string, headers written as an object. */
function wrongType(issue: ValidationIssue<'invalid_type'>, context: RepairContext): Repair | undefined {
  const { segments } = issue;
  const { expected, received } = issue.params;
  const { node, depth } = deepestNode(context.tree, segments);
  if (node === undefined || depth < segments.length || isSecretPlace(segments) || hiddenPart(segments) !== undefined)
    return undefined;
  const written: unknown = node.value;
  if (received === 'string' && typeof written === 'string') {
    if (expected === 'boolean' && (written === 'true' || written === 'false'))
      return {
        title: `write ${written} (a boolean), not the string "${written}"`,
        edits: [edit(node.offset, node.length, written)],
      };
    if ((expected === 'integer' || expected === 'positive_integer') && /^-?(0|[1-9][0-9]{0,15})$/.test(written)) {
      const number = Number(written);
      // Never a number the rule does not allow (no clamping): it stays an issue.
      if (!Number.isSafeInteger(number) || !passesAt(context, segments, number)) return undefined;
      return {
        title: `write ${written} (a number), not the string "${written}"`,
        edits: [edit(node.offset, node.length, written)],
      };
    }
    if (expected === 'array' && passesAt(context, segments, [written])) {
      const rule = nodeAt(segments);
      const shown = rule?.type === 'enum-list' && (rule.values as readonly string[]).includes(written) ? ` ["${written}"]` : '';
      return {
        title: `write a list of the one value${shown}, not a string`,
        edits: [edit(node.offset, node.length, `[${context.body.slice(node.offset, end(node))}]`)],
      };
    }
    return undefined;
  }
  if (expected === 'array' && received === 'object' && node.type === 'object') return headersAsList(segments, node, context);
  return undefined;
}

/**
 * Headers written as an object, `{ "X-Key": "v" }`, written as the list the rules want,
 * `[{ "header_name": "X-Key", "header_value": "v" }]`, in the object's order. Which list that is,
 * and its two fields, are read from the tree: a list whose items have a name field (`uniqueName`)
 * and one other field. Every value must be a string; no name or value is quoted in the title.
 */
function headersAsList(segments: readonly (string | number)[], node: Node, context: RepairContext): Repair | undefined {
  const rule = nodeAt(segments);
  if (rule?.type !== 'list' || rule.uniqueName === undefined || rule.items.type !== 'object') return undefined;
  const fields = Object.keys(rule.items.fields);
  const nameField = rule.uniqueName;
  const valueField = fields.find((field) => field !== nameField);
  if (fields.length !== 2 || valueField === undefined) return undefined;
  const members = node.children ?? [];
  const names = new Set<string>();
  const list: Record<string, string>[] = [];
  for (const property of members) {
    const [key, value] = property.children ?? [];
    if (typeof key?.value !== 'string' || value?.type !== 'string' || names.has(key.value)) return undefined;
    names.add(key.value);
    list.push({ [nameField]: key.value, [valueField]: value.value as string });
  }
  const count = list.length === 1 ? '1 header' : `${list.length} headers`;
  return {
    title: `write the ${count} as a list of { "${nameField}", "${valueField}" } objects, in order`,
    edits: [edit(node.offset, node.length, replacementText(context.body, node, list))],
  };
}

/**
 * Whether the manifest with `replacement` at `segments` has no error there or below: the
 * replacement is a value the rules take (a list of an allowed value, a number in range).
 */
function passesAt(context: RepairContext, segments: readonly (string | number)[], replacement: unknown): boolean {
  if (context.budget.trials <= 0) return false;
  context.budget.trials--;
  const copy = JSON.parse(context.body) as unknown;
  let parent: unknown = copy;
  for (const segment of segments.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[segment];
  Object.defineProperty(parent, segments.at(-1)!, { value: replacement, enumerable: true, writable: true, configurable: true });
  const result = validateTemplate(copy, {
    profile: context.profile,
    env: context.options.env ?? {},
    allowUnresolved: context.options.allowUnresolved,
    allowKeys: context.options.allowKeys,
  });
  const under = (issue: ValidationIssue): boolean => segments.every((segment, i) => issue.segments[i] === segment);
  return result.ok || !result.issues.some(under);
}

/**
 * The text of `value` to put where `node` is, laid out as the text around it: on one line where the
 * node is written on one (`{ "a": 1 }` in a one-line file), else as jsonc-parser's `modify` writes it
 * with the file's indentation and line end, each line after the first indented as the node's line
 * is. Made from the node's own text, not the whole file's, so that a file with thousands of such
 * repairs does not parse the whole file for each.
 */
function replacementText(body: string, node: Node, value: readonly Record<string, string>[]): string {
  const own = body.slice(node.offset, end(node));
  if (!/[\r\n]/.test(own)) {
    const item = (entry: Record<string, string>): string =>
      `{ ${Object.entries(entry)
        .map(([key, text]) => `${JSON.stringify(key)}: ${JSON.stringify(text)}`)
        .join(', ')} }`;
    return `[${value.map(item).join(', ')}]`;
  }
  const formatting = formattingOf(body);
  const written = applyEdits(own, modify(own, [], value, { formattingOptions: formatting }));
  const lineStart = Math.max(body.lastIndexOf('\n', node.offset - 1) + 1, 0);
  const indent = /^[ \t]*/.exec(body.slice(lineStart, node.offset))![0];
  return written.split(formatting.eol!).join(`${formatting.eol!}${indent}`);
}

/**
 * How the text is laid out, for what jsonc-parser's `modify` writes: its line end (CRLF stays CRLF),
 * and its indentation (a tab, or the fewest spaces a line is indented by; 2 if no line is).
 */
export function formattingOf(text: string): FormattingOptions {
  // Asked once per repair that writes a value: the last text's answer is kept (a file may need thousands).
  if (text !== lastFormatting.text) lastFormatting = { text, options: readFormatting(text) };
  return lastFormatting.options;
}

let lastFormatting: { readonly text: string | undefined; readonly options: FormattingOptions } = {
  text: undefined,
  options: { insertSpaces: true, tabSize: 2 },
};

function readFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indents = text.match(/^[ \t]+(?=\S)/gm) ?? [];
  if (indents[0]?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  const spaces = indents.map((indent) => indent.length).filter((length) => length > 0);
  return {
    insertSpaces: true,
    tabSize: spaces.length === 0 ? 2 : spaces.reduce((least, length) => Math.min(least, length)),
    eol,
  };
}

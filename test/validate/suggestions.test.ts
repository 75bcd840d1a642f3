/**
 * The "did you mean" suggestion (`closest`): computed in the band of the
 * distance table near its diagonal, it must pick exactly what the plain rule
 * picks: the candidate, normalized (lower case, no white space, `_`, `.`,
 * `-`), at the smallest Levenshtein distance, if that is at most a third of
 * the candidate's length (and at least 2), the first such on a tie; else the
 * one candidate whose last dotted part is the input's, in any case.
 */
import { expect } from 'chai';
import { validateManifest } from '../../src/index.js';
import { closest } from '../../src/validation/checks.js';
import { TOP_LEVEL_FIELDS, WEBHOOK_EVENTS } from '../../src/rules/tables.js';
import { prng } from '../helpers/prng.js';

/** Levenshtein distance over the whole table: the oracle. */
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

const normalize = (key: string): string => key.toLowerCase().replace(/[\s_.-]/g, '');

function oracle(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > 200) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const limit = Math.max(2, Math.floor(candidate.length / 3));
    const d = levenshtein(normalize(input), normalize(candidate));
    if (d <= limit && d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (best !== undefined) return best;
  // Else the one candidate with the input's last dotted part, in any case.
  const tail = (name: string): string => name.split('.').at(-1)!.toLowerCase();
  const same = candidates.filter((candidate) => tail(candidate) === tail(input));
  return same.length === 1 ? same[0] : undefined;
}

describe('closest (the "did you mean" suggestion)', () => {
  const lists: readonly (readonly string[])[] = [
    Object.keys(TOP_LEVEL_FIELDS),
    WEBHOOK_EVENTS,
    ['msg.consumer', 'livedeflect'],
    ['a', 'ab', 'abc'],
    ['x'.repeat(150), `${'x'.repeat(149)}y`],
  ];
  const SEED = 0x5eed_0e11;

  it(`picks what the plain Levenshtein rule picks, on typos and random keys (seed ${SEED})`, () => {
    const random = prng(SEED);
    const alphabet = 'abcdeilmnorstuvxyz._- AÉ';
    let suggested = 0;
    for (let run = 0; run < 20_000; run++) {
      const list = lists[run % lists.length]!;
      let key = random() < 0.6 ? list[Math.floor(random() * list.length)]! : '';
      for (let edits = Math.floor(random() * 7); edits > 0; edits--) {
        const at = Math.floor(random() * (key.length + 1));
        const character = alphabet[Math.floor(random() * alphabet.length)]!;
        const kind = random();
        key =
          kind < 0.34
            ? key.slice(0, at) + character + key.slice(at)
            : kind < 0.67
              ? key.slice(0, at) + key.slice(at + 1)
              : key.slice(0, at) + character + key.slice(at + 1);
      }
      const expected = oracle(key, list);
      if (closest(key, list) !== expected)
        expect.fail(`${JSON.stringify(key)} in ${JSON.stringify(list)}: expected ${String(expected)}`);
      if (expected !== undefined) suggested++;
    }
    // Both kinds are exercised: keys that get a suggestion and keys that do not.
    expect(suggested).to.be.within(2_000, 18_000);
  });

  it('names the event a key means when it is written without its prefix or in another case, as the compile error does', () => {
    expect(closest('ContentEvent', WEBHOOK_EVENTS)).to.equal('ms.MessagingEventNotification.ContentEvent');
    expect(closest('ExConversationChangeNotification', WEBHOOK_EVENTS)).to.equal('cqm.ExConversationChangeNotification');
    expect(closest('acme.chatstateevent', WEBHOOK_EVENTS)).to.equal('ms.MessagingEventNotification.ChatStateEvent');
    expect(closest('Event', WEBHOOK_EVENTS)).to.equal(undefined);
    const result = validateManifest({
      client_name: 'Acme',
      capabilities: { webhooks: { ContentEvent: { endpoint: 'https://hooks.example.com/lp' } } },
    });
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).to.deep.include(
      'unknown key "ContentEvent"; did you mean "ms.MessagingEventNotification.ContentEvent"?',
    );
  });
});

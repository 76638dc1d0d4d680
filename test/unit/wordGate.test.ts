/**
 * The word triggers' gate (server/src/core/rules/engine.ts, `wordGate`): a block whose words hold none
 * of the word-trigger patterns' first words is not searched for them. It must never hide a match.
 */
import * as assert from 'node:assert/strict';
import { compileRules } from '../../server/src/core/rules/data';
import { createRuleEngine, wordGate } from '../../server/src/core/rules/engine';
import { anchorWord } from '../../server/src/core/rules/prefilter';
import { splitSentences } from '../../server/src/core/prose/sentences';
import { tokenizeInto, TokenBuffer } from '../../server/src/core/terms/matcher';
import { readLabeled } from '../../scripts/evaluate';
import { testGlossary } from '../helpers/glossary';

const words = (text: string) => tokenizeInto(text, new TokenBuffer());
const passes = (gate: NonNullable<ReturnType<typeof wordGate>>, text: string) => gate(words(text), text);

describe('word gate', () => {
  it('reads a word every match holds as a word of its own, the last one when there are several', () => {
    assert.deepEqual(anchorWord(/(?:\binternal[- ]slas?\b)/i), ['sla', 'slas']);
    assert.deepEqual(anchorWord(/\bService\s+transition\b/i), ['transition']);
    assert.deepEqual(anchorWord(/\bservice transition(?:s|al)/i), ['service'], 'a word that may run on is not taken');
    assert.equal(anchorWord(/\bservice transition|\bx/i), undefined, 'an alternation at the top');
    assert.equal(anchorWord(/servicetransition/i), undefined, 'no boundary before it');
    assert.equal(anchorWord(/\bservice[a-z]/i), undefined, 'a letter may follow');
    assert.equal(anchorWord(/\bservice transition/iu), undefined);
  });

  it('passes a block with the first word, or with a word it cannot read (outside ASCII, joined), and no other', () => {
    const gate = wordGate([/\binternal[- ]slas?\b/i, /\bservice transition\b/i])!;
    assert.ok(gate);
    assert.equal(passes(gate, 'The INTERNAL-SLA was signed.'), true);
    assert.equal(passes(gate, 'Service Transition ends.'), true);
    assert.equal(passes(gate, 'The étransition team'), true, 'a word outside ASCII holding the word');
    assert.equal(passes(gate, "R&transition plan"), true, 'a joined word holding the word');
    assert.equal(passes(gate, "The café's R&D plan"), false, 'words outside ASCII or joined, without the word');
    assert.equal(passes(gate, 'The transition’s plan'), true, 'a possessive keeps the key');
    assert.equal(passes(gate, 'Our service desk answers calls.'), false);
    assert.equal(passes(gate, 'The OLA between the teams covers the month end.'), false);
    assert.equal(passes(gate, 'Internally, slashes are reviewed'), false);
  });

  it('never hides a finding: judging with the words or without them finds the same', () => {
    const glossary = testGlossary();
    const engine = createRuleEngine(glossary);
    const tricky = [
      'Draft an internal SLA between the two teams.',
      'Draft an INTERNAL-SLA between the two teams.',
      'Draft an R&internal SLA between the two teams.',
      "Draft the team's internal SLA now.",
      'Draft an éinternal SLA between the two teams.',
      'Draft an x_internal SLA between the two teams.',
      'The technical management function runs the SAN.',
      'During service transition the release is tested.',
      'The Service Operation stage keeps the lights on.',
    ];
    const rules = compileRules(glossary);
    const texts = [...tricky, ...readLabeled().map((i) => i.text), ...rules.flatMap((r) => [...r.examples.bad.map((b) => b.text), ...r.examples.good])];
    let found = 0;
    for (const text of texts) {
      const sentences = splitSentences(text);
      const terms = glossary.matcher.find(text);
      const ctx = { text, sentences, terms, glossary };
      const a = engine.judge({ ...ctx, words: words(text) }).map((f) => `${f.code}@${f.start}`);
      const b = engine.judge(ctx).map((f) => `${f.code}@${f.start}`);
      assert.deepEqual(a, b, text);
      found += a.filter((f) => /sla-internal|technical-management|service-transition|service-operation|application-management/.test(f)).length;
    }
    assert.ok(found >= 10, `the texts exercise the word triggers (${found} findings)`);
  });
});

/**
 * Long patterns cut into pieces (server/src/core/rules/split.ts): where a pattern is cut, and the promise
 * the engine relies on: run as its pieces, a pattern gives exactly the match it gives whole.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileRules } from '../../server/src/core/rules/data';
import { splitTable } from '../../server/src/core/rules/engine';
import { cutPattern, execCut, pieceSources, splitAlternation } from '../../server/src/core/rules/split';
import { readLabeled } from '../../scripts/evaluate';
import { testGlossary } from '../helpers/glossary';

/** What `exec` gave, comparable: position, every group, named groups. */
const shape = (m: RegExpExecArray | null) => (m ? { index: m.index, groups: [...m], named: { ...m.groups } } : null);

describe('split: where a pattern is cut', () => {
  it('cuts at the first alternation after a prefix that cannot backtrack, through groups of one alternative', () => {
    const re = /((?<cue>\b(?:lost badge|new starter|mailbox access|quota increase)))/i;
    const split = splitAlternation(re, 0)!;
    assert.ok(split.exact, 'nothing follows the alternation but its groups');
    assert.deepEqual(pieceSources(re.source, split), [
      '((?<cue>\\b(?:lost badge)))',
      '((?<cue>\\b(?:new starter)))',
      '((?<cue>\\b(?:mailbox access)))',
      '((?<cue>\\b(?:quota increase)))',
    ]);
  });

  it('makes gates (the prefix and one alternative) when more follows the alternation', () => {
    const re = /\b(?:lost badge|new starter|mailbox access|quota increase)s? [^.]{0,40}logged as an incident/i;
    const split = splitAlternation(re, 0)!;
    assert.equal(split.exact, false);
    assert.deepEqual(pieceSources(re.source, split), ['\\b(?:lost badge)', '\\b(?:new starter)', '\\b(?:mailbox access)', '\\b(?:quota increase)']);
  });

  it('does not cut what it cannot cut soundly', () => {
    const none = (re: RegExp) => assert.equal(splitAlternation(re, 0), null, re.source);
    none(/\b(?:(a)|b|c|d)/i); // a capturing group inside the alternation would renumber
    none(/\bx?(?:a|b|c|d)/i); // a prefix that can match in two ways
    none(/\b(?:a|b|c|d)/gi); // state between runs
    none(/\b(?:a|b|c|d)/iu);
    none(/\b(?:a|b|c)/i); // too few alternatives to gain
    none(/(?:a|b|c|d)+/i); // a repeated alternation
    assert.equal(splitAlternation(/\b(?:aaaa|bbbb|cccc|dddd)/i), null, 'short patterns are run whole');
  });
});

describe('split: the pieces give the match the pattern gives', () => {
  it('keeps the earliest alternative when several match at the leftmost position', () => {
    const re = /\b(?<cue>(?:log|logged|logged as|x))/i;
    const cut = cutPattern(re, splitAlternation(re, 0)!);
    for (const s of ['They logged as usual.', 'x logged', 'nothing here', 'LOGGED AS']) assert.deepEqual(shape(execCut(cut, s)), shape(re.exec(s)), s);
  });

  it('runs a gated pattern whole once a gate matches, whichever gate it was', () => {
    const re = /\b(?:badge|laptop|quota|access) (?:request|order)ed\b/i;
    const cut = cutPattern(re, splitAlternation(re, 0)!);
    assert.ok(cut.whole);
    for (const s of ['The laptop ordered and the badge requested.', 'badge lost; quota requested', 'badge', '']) {
      assert.deepEqual(shape(execCut(cut, s)), shape(re.exec(s)), s);
    }
  });

  it('on every cut rule pattern, over the labeled sentences and the rules examples', function () {
    this.timeout(120_000);
    const glossary = testGlossary();
    const rules = compileRules(glossary);
    const table = splitTable(rules);
    const patterns = new Map<string, RegExp>();
    for (const r of rules) {
      for (const c of [...r.any, ...r.all, ...r.exceptions]) {
        for (const re of [c.re, c.unless]) if (re && table[`${re.flags}/${re.source}`]) patterns.set(`${re.flags}/${re.source}`, re);
      }
    }
    assert.ok(patterns.size >= 20, `the rules have long patterns to cut (${patterns.size})`);
    const corpus = path.join(__dirname, '..', '..', '..', 'shared', 'corpus');
    const prose = fs.existsSync(corpus)
      ? fs.readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).slice(0, 40).flatMap((f) => fs.readFileSync(path.join(corpus, f), 'utf8').split(/(?<=[.!?])\s+|\n+/))
      : [];
    const texts = [...readLabeled().map((i) => i.text), ...rules.flatMap((r) => [...r.examples.bad.map((b) => b.text), ...r.examples.good]), ...prose];
    let matched = 0;
    let gatedMatched = 0;
    for (const [key, re] of patterns) {
      const cut = cutPattern(re, table[key]!);
      for (const t of texts) {
        const whole = re.exec(t);
        assert.deepEqual(shape(execCut(cut, t)), shape(whole), `${re.source.slice(0, 60)}… on "${t}"`);
        if (whole) {
          matched++;
          if (cut.whole) gatedMatched++;
        }
      }
    }
    assert.ok(matched > 300 && gatedMatched > 50, `the texts exercise the cut patterns (${matched} matches, ${gatedMatched} through gates)`);
  });
});

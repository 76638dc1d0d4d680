/**
 * The rules' literal prefilters (server/src/core/rules/prefilter.ts): what they derive from a pattern,
 * the multi-literal matcher against a naive search, and the promise that matters: with or without
 * prefilters, the engine finds exactly the same things.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Glossary } from '../../server/src/core/glossary/glossary';
import { LanguageService } from '../../server/src/core/languageService';
import { compileRules } from '../../server/src/core/rules/data';
import { createEngineFromRules, prefilterTable } from '../../server/src/core/rules/engine';
import { LiteralIndex, requiredLiterals } from '../../server/src/core/rules/prefilter';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { readLabeled } from '../../scripts/evaluate';
import { random } from '../../bench/src/stats';
import { testGlossary } from '../helpers/glossary';

describe('prefilter: literals a pattern needs', () => {
  const lits = (src: string, flags = 'i', triggers: string[] = []) => requiredLiterals(new RegExp(src, flags), triggers);

  it('takes a vocabulary list as one set, keeping the shortest literal of each family', () => {
    const sets = lits('\\b(?:log(?:s|ged)? in|signs? on|clicks?)\\b')!;
    assert.equal(sets.length, 1);
    assert.deepEqual([...sets[0]!].sort(), ['click', 'log in', 'logged in', 'logs in', 'sign on', 'signs on']);
  });

  it('requires one literal from each part of a sequence, most selective first', () => {
    const sets = lits('(?:raised|logged) (?:an? )?incidents? (?:[\\w-]{1,20} ){0,3}(?:for|to request) (?:a new laptop|access)')!;
    assert.ok(sets.length >= 2 && sets.length <= 3);
    assert.ok(sets.some((s) => s.includes('raised') && s.includes('logged')));
    assert.ok(sets.some((s) => s.every((l) => /for |request/.test(l))), 'the tail after the gap is its own requirement');
  });

  it('chooses words other than the triggers when it can', () => {
    const sets = lits('(?:raised|logged) (?:an? )?incidents?', 'i', ['incident', 'incidents'])!;
    assert.ok(sets[0]!.every((l) => /raised|logged/.test(l)), sets[0]!.join('|'));
    assert.ok(!sets.some((s) => s.every((l) => 'incidents'.includes(l))), 'a set of trigger words alone is never kept first');
  });

  it('gives up, rather than guess, on optional parts, classes, character sets and the u flag', () => {
    assert.equal(lits('(?:customers?)?\\w+'), null);
    assert.equal(lits('[^a]{3,}'), null);
    assert.equal(lits('.{2,}'), null);
    assert.equal(lits('users', 'iu'), null);
    assert.equal(lits('a|bc'), null, 'a one-letter literal filters nothing');
  });

  it('takes literals from positive lookarounds (their text is in the subject), never from negative ones', () => {
    assert.deepEqual(lits('(?<=customer )portal(?! team)'), [['customer '], ['portal']]);
    assert.deepEqual(lits('^(?=[\\s\\S]{0,400}?\\bbudget\\b)(?=[\\s\\S]{0,400}?\\b(?:signs|approves)\\b)'), [['budget'], ['signs', 'approves']]);
    assert.deepEqual(lits('(?!customer )portal'), [['portal']]);
  });

  it('is sound: whenever a pattern matches a subject, each set has a literal inside that subject', () => {
    const patterns = [
      '(?:the |our )?(?:service desk|help ?desk) (?:logs?|raises?) (?:an? )?incidents?',
      'warrant(?:y|ies)\\s*[:=]\\s*(?:the |our )?features',
      'p[0-2]|sev(?:erity)?[- ]?[0-4]',
      '(?:a|an|the) [\\w-]{1,20} (?:report|dashboard)s?',
      '^(?=[\\s\\S]{0,80}?\\b(?:listed|named) as\\b)(?=[\\s\\S]{0,80}?\\b(?:funds|pays for)\\b)',
      '(?<=\\b(?:our|the) )customers?(?! portal)',
    ];
    const texts = ['Our help desk raises an incident for it.', 'The Service Desk logs incidents daily', 'WARRANTY: the features', 'a P1 and a sev-2', 'The weekly report and a cost dashboard', 'She funds it and is listed as customer.', 'Named as owner, he pays for the tool.', 'Our customers, the customer portal'];
    for (const src of patterns) {
      const re = new RegExp(src, 'gi');
      const sets = requiredLiterals(new RegExp(src, 'i'));
      let matched = 0;
      for (const t of texts) {
        const subject = t.toLowerCase();
        for (const m of t.matchAll(re)) {
          matched++;
          for (const set of sets ?? []) assert.ok(set.some((l) => subject.includes(l)), `/${src}/ matched "${m[0]}" in "${t}" without any of ${set.join('|')}`);
        }
        // A subject with none of a set's literals never matches.
        if (sets?.some((set) => !set.some((l) => subject.includes(l)))) assert.equal(re.test(t), false, `/${src}/ on "${t}"`);
        re.lastIndex = 0;
      }
      assert.ok(matched > 0, `/${src}/ matched some text`);
    }
  });
});

describe('prefilter: the multi-literal index', () => {
  it('finds each set where a naive search does, with the last start and first end, folding ASCII case only', () => {
    const sets = [['he', 'she', 'his', 'hers'], ['incident', 'incidents'], ['cab', 'abc'], ['zzz'], ['k']];
    const index = new LiteralIndex();
    const ids = sets.map((s) => index.add(s));
    const rnd = random(7);
    // Upper case folds to lower case, as the rules' `i` flag does; the Kelvin sign and dotted I do not fold to ASCII there.
    const alphabet = 'abchers indtzkHERSCAB\u212a\u0130';
    const fold = (t: string) => t.replace(/[A-Z]/g, (c) => c.toLowerCase());
    let reused = index.hits();
    for (let round = 0; round < 400; round++) {
      let text = '';
      const len = Math.floor(rnd() * 40);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      if (round % 7 === 0) text += ' Incidents';
      // A window of the text, as the engine scans one sentence of a block.
      const start = Math.floor(rnd() * (text.length / 3));
      const end = text.length - Math.floor(rnd() * (text.length / 3));
      const hits = round % 2 ? index.scan(text, start, end) : (reused = index.scan(text, start, end, reused));
      const window = fold(text.slice(start, end));
      sets.forEach((set, k) => {
        let lastStart = -1;
        let firstEnd = -1;
        for (const lit of set) {
          for (let at = window.indexOf(lit); at >= 0; at = window.indexOf(lit, at + 1)) {
            lastStart = Math.max(lastStart, at);
            firstEnd = firstEnd < 0 ? at + lit.length : Math.min(firstEnd, at + lit.length);
          }
        }
        assert.equal(hits.lastStartOf(ids[k]!), lastStart, `set ${k} in "${text}" [${start}, ${end})`);
        assert.equal(hits.firstEndOf(ids[k]!), firstEnd, `set ${k} in "${text}" [${start}, ${end})`);
        assert.equal(hits.within(ids[k]!, 0, end - start), lastStart >= 0, `set ${k} in "${text}" [${start}, ${end})`);
      });
    }
  });

  it('agrees with a naive search when the automaton outgrows a 16-bit table (over 32,768 states)', () => {
    const rnd = random(11);
    const word = (n: number) => Array.from({ length: n }, () => 'abcdefgh'[Math.floor(rnd() * 8)]).join('');
    // 10,000 literals of 7 to 9 letters over 8 letters: about 45,000 distinct prefixes, so states.
    const sets = Array.from({ length: 2500 }, () => Array.from({ length: 4 }, () => word(7 + Math.floor(rnd() * 3))));
    const index = new LiteralIndex();
    const ids = sets.map((set) => index.add(set));
    let hits = index.hits();
    for (let round = 0; round < 40; round++) {
      const text = word(3000);
      hits = index.scan(text, 0, text.length, hits);
      sets.forEach((set, k) => {
        let lastStart = -1;
        for (const lit of set) lastStart = Math.max(lastStart, text.lastIndexOf(lit));
        assert.equal(hits.lastStartOf(ids[k]!), lastStart, `set ${k}, round ${round}`);
      });
    }
    const states = (index as unknown as { built: { stateLit: Int32Array } }).built.stateLit.length;
    assert.ok(states > 32768, `the test needs a large automaton, got ${states} states`);
  });

  it('refuses literals that are not lower-case ASCII', () => {
    assert.throws(() => new LiteralIndex().add(['Cab']), /not lower-case ASCII/);
  });
});

describe('prefilter: the engine finds the same with and without it (and without cutting long patterns)', () => {
  it('on every labeled sentence and every rule example', () => {
    const glossary: Glossary = testGlossary();
    const rules = compileRules(glossary);
    const table = prefilterTable(rules, glossary);
    assert.ok(Object.values(table).filter(Boolean).length > Object.keys(table).length * 0.8, 'most patterns have a prefilter');
    const none = Object.fromEntries(Object.keys(table).map((k) => [k, null]));
    const withFilters = new LanguageService({ glossary, engine: createEngineFromRules(rules, table) });
    // Without prefilters, and with no pattern cut into pieces (split.ts): every pattern runs whole.
    const without = new LanguageService({ glossary, engine: createEngineFromRules(rules, none, {}) });
    const texts = [...readLabeled().map((i) => i.text), ...rules.flatMap((r) => [...r.examples.bad.map((b) => b.text), ...r.examples.good])];
    const settings = { ...DEFAULT_SETTINGS, documentScope: 'itsm' as const };
    let findings = 0;
    texts.forEach((text, i) => {
      const doc = TextDocument.create(`same://${i}.md`, 'markdown', 1, text);
      const a = withFilters.diagnostics(doc, settings).map((d) => `${d.code}@${d.range.start.character}`);
      const b = without.diagnostics(doc, settings).map((d) => `${d.code}@${d.range.start.character}`);
      assert.deepEqual(a, b, text);
      findings += a.length;
    });
    assert.ok(findings > 500, `the texts exercise the rules (${findings} findings)`);
  });
});

/**
 * Named vocabularies of the rules files: `{{name}}` in a pattern stands for a pattern declared once under
 * `vocabulary`, expanded when the sources are read; every misuse of the feature is a located problem.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GLOSSARY_DIR, readGlossarySources } from '../../scripts/glossarySources';
import { Glossary } from '../../server/src/core/glossary/glossary';
import { formatProblem } from '../../server/src/core/glossary/types';
import { LanguageService } from '../../server/src/core/languageService';
import { compileRules } from '../../server/src/core/rules/data';
import { createRuleEngine } from '../../server/src/core/rules/engine';
import { expandVocabularies } from '../../server/src/core/rules/vocabulary';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';

const rule = (extra: object) => ({ code: 'itil.test.vocab', family: 'roles', trigger: { terms: ['user'] }, ...extra });

describe('rules: named vocabularies', () => {
  it('expands a reference in every pattern field as a non-capturing group, and leaves the rest alone', () => {
    const { rules, problems } = expandVocabularies([
      {
        file: 'a.json',
        vocabulary: { funds: 'funds|pays for' },
        rules: [
          rule({
            trigger: { terms: ['user'], words: 'x{{funds}}' },
            context: { any: [{ after: '{{funds}} the', unless: 'never {{funds}}' }], all: [{ passage: 'budget|{{funds}}' }] },
            exceptions: [{ sentence: '{{funds}}' }],
            ungateIf: '{{funds}}',
            defines: '{{funds}}',
            message: 'keeps {{funds}} in prose',
            examples: { bad: [{ text: 'The user {{funds}} it.' }], good: [] },
          }),
        ],
      },
    ]);
    assert.deepEqual(problems, []);
    type Cue = Record<string, string>;
    const r = rules[0] as { file: string; trigger: Cue; context: { any: Cue[]; all: Cue[] }; exceptions: Cue[]; ungateIf: string; defines: string; message: string; examples: { bad: Cue[] } };
    assert.equal(r.file, 'a.json');
    assert.equal(r.trigger.words, 'x(?:funds|pays for)');
    assert.equal(r.context.any[0]!.after, '(?:funds|pays for) the');
    assert.equal(r.context.any[0]!.unless, 'never (?:funds|pays for)');
    assert.equal(r.context.all[0]!.passage, 'budget|(?:funds|pays for)');
    assert.equal(r.exceptions[0]!.sentence, '(?:funds|pays for)');
    assert.equal(r.ungateIf, '(?:funds|pays for)');
    assert.equal(r.defines, '(?:funds|pays for)');
    // Only patterns are expanded: messages and examples are prose.
    assert.equal(r.message, 'keeps {{funds}} in prose');
    assert.equal(r.examples.bad[0]!.text, 'The user {{funds}} it.');
  });

  it('shares a vocabulary across files and locates every misuse', () => {
    const { problems } = expandVocabularies([
      { file: 'a.json', vocabulary: { funds: 'funds', Bad: 'x', nested: 'a {{funds}}' }, rules: [] },
      { file: 'b.json', vocabulary: { funds: 'pays' }, rules: [rule({ context: { any: [{ clause: '{{funds}} and {{nowhere}}' }] } })] },
    ]);
    const text = problems.map(formatProblem).join('\n');
    assert.match(text, /a\.json: field 'vocabulary\.Bad': a vocabulary name is/);
    assert.match(text, /a\.json: field 'vocabulary\.nested': a vocabulary cannot refer to another \('\{\{funds\}\}'\)/);
    assert.match(text, /b\.json: field 'vocabulary\.funds': duplicate vocabulary 'funds' \(also in a\.json\)/);
    assert.match(text, /b\.json: entry 'itil\.test\.vocab', field 'context\.any\[0\]\.clause': '\{\{nowhere\}\}' names no vocabulary/);
    assert.equal(problems.length, 4, text);
  });

  it('a rule written with a vocabulary judges as the same rule written out', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itil-vocab-'));
    try {
      fs.cpSync(GLOSSARY_DIR, dir, { recursive: true });
      // Sentences no built-in rule reads, so the test rule's finding is not displaced by another's.
      const good = 'The user photographed the tulip beds.';
      const bad = 'The user planted the tulip bulbs in the beds.';
      fs.writeFileSync(
        path.join(dir, 'rules', 'zz-vocab.json'),
        JSON.stringify({
          vocabulary: { testGardening: 'plant(?:s|ed)? the (?:tulip )?bulbs|water(?:s|ed)? the (?:tulip )?beds' },
          rules: [{ ...rule({ context: { any: [{ after: '{{testGardening}}', gap: 2 }] } }), message: 'test', suggest: [{ term: 'sponsor' }], examples: { bad: [{ text: bad }], good: [good] } }],
        }),
      );
      const { compiled, problems } = readGlossarySources(dir);
      assert.deepEqual(problems.map(formatProblem), []);
      const glossary = new Glossary(compiled);
      assert.ok(compileRules(glossary).some((r) => r.code === 'itil.test.vocab'));
      const service = new LanguageService({ glossary, engine: createRuleEngine(glossary) });
      const fired = (text: string) =>
        service.diagnostics(TextDocument.create(`untitled:${text.length}.md`, 'markdown', 1, text), { ...DEFAULT_SETTINGS, documentScope: 'itsm' }).filter((d) => d.code === 'itil.test.vocab').length;
      assert.equal(fired(bad), 1);
      assert.equal(fired('The user watered the tulip beds.'), 1);
      assert.equal(fired(good), 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a reference that reaches the compiler unexpanded is a located error, not a literal match', () => {
    const problems: Parameters<typeof compileRules>[1] = [];
    const glossary = new Glossary({ ...readGlossarySources().compiled, prefilters: undefined, rules: [rule({ context: { any: [{ clause: '{{funds}}' }] }, message: 'm', suggest: [{ term: 'sponsor' }], examples: { bad: [{ text: 'x' }], good: [] } })] });
    compileRules(glossary, problems);
    assert.match(problems.map(formatProblem).join('\n'), /field 'context\.any\[0\]\.clause': '\{\{funds\}\}' refers to a vocabulary/);
  });
});

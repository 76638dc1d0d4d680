import { strict as assert } from 'node:assert';
import { buildProseModel } from '../../server/src/core/prose/proseModel';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitSentences, splitClauses, MAX_SENTENCE, type Span } from '../../server/src/core/prose/sentences';
import { isWordGap } from '../../server/src/core/terms/matcher';

/** The prose words of a Markdown document, in order. */
function proseWords(md: string, language: 'markdown' | 'plaintext' = 'markdown'): string[] {
  const m = buildProseModel(md, language);
  for (const b of m.blocks) assert.equal(b.text.length, md.slice(b.start, b.start + b.text.length).length);
  return m.blocks.flatMap((b) => b.text.split(/[^A-Za-z0-9]+/).filter(Boolean));
}

describe('prose model: what is prose', () => {
  const cases: [string, string, string[]][] = [
    ['plain paragraph', 'The customer agrees targets.', ['The', 'customer', 'agrees', 'targets']],
    ['fenced code', 'Before\n\n```md\nhidden words\n```\n\nAfter', ['Before', 'After']],
    ['tilde fence with longer closing', '~~~\nhidden\n~~~~\nshown', ['shown']],
    ['unclosed fence runs to the end', 'shown\n\n```\nhidden\nstill hidden', ['shown']],
    ['fence inside a list item', '- item\n  ```\n  hidden\n  ```\n- next', ['item', 'next']],
    ['indented code after a blank line', 'Para\n\n    hidden code\n\nAfter', ['Para', 'After']],
    ['indented list continuation is prose', '- one\n\n    continued text', ['one', 'continued', 'text']],
    ['inline code', 'Use `hidden` here', ['Use', 'here']],
    ['double-backtick code with a backtick inside', 'A ``hid ` den`` B', ['A', 'B']],
    ['front matter', '---\ntitle: hidden\n---\nBody', ['Body']],
    ['link destination masked, text kept', 'See [the guide](https://x.org/hidden) now', ['See', 'the', 'guide', 'now']],
    ['link with title', 'See [guide](/a/hidden "hidden title") now', ['See', 'guide', 'now']],
    ['reference link label', 'See [guide][hidden] now', ['See', 'guide', 'now']],
    ['reference definition', 'Text\n\n[hidden]: https://x.org/hidden', ['Text']],
    ['autolink', 'Mail <https://x.org/hidden> now', ['Mail', 'now']],
    ['bare URL', 'Go to https://x.org/hidden/path now', ['Go', 'to', 'now']],
    ['HTML comment', 'A <!-- hidden words --> B', ['A', 'B']],
    ['multi-line HTML comment block', '<!--\nhidden\n-->\nShown', ['Shown']],
    ['HTML tags masked, content kept', '<details><summary>Shown</summary>', ['Shown']],
    ['raw pre block', '<pre>\nhidden\n</pre>\nShown', ['Shown']],
    ['heading markers', '## Shown heading ##', ['Shown', 'heading']],
    ['table cells are prose, delimiter row is not', '| A | B |\n|---|---|\n| c | d |', ['A', 'B', 'c', 'd']],
    ['liquid and ERB tags', 'A {% hidden %} B <%= hidden %> C', ['A', 'B', 'C']],
    ['plain text masks only URLs', 'Use `this` and https://x.org/hidden', ['Use', 'this', 'and']],
  ];
  for (const [name, md, words] of cases) {
    it(name, () => assert.deepEqual(proseWords(md, name.startsWith('plain text') ? 'plaintext' : 'markdown'), words));
  }

  it('keeps offsets: masked text has the same length and line structure (CRLF)', () => {
    const md = 'Line one `code`\r\nline two\r\n\r\n```\r\nx\r\n```\r\nAfter';
    const m = buildProseModel(md, 'markdown');
    assert.equal(m.blocks.length, 2);
    assert.equal(m.blocks[0]!.text, 'Line one       \r\nline two');
    assert.equal(m.blocks[1]!.line, 6);
    assert.equal(md.slice(m.blocks[1]!.start, m.blocks[1]!.start + 5), 'After');
  });

  it('reads inline directives with their lines', () => {
    const m = buildProseModel('<!-- itil-disable itil.role -->\nText\n<!-- itil-disable-next-line -->\nMore <!-- itil-enable -->', 'markdown');
    assert.deepEqual(m.directives.map((d) => [d.kind, d.args, d.line]), [
      ['disable', ['itil.role'], 0],
      ['disable-next-line', [], 2],
      ['enable', [], 3],
    ]);
  });

  it('is linear: a 1 MB single line and 100,000 backticks finish', () => {
    const long = 'word '.repeat(200_000);
    assert.equal(buildProseModel(long, 'markdown').blocks.length, 1);
    const ticks = '`a '.repeat(100_000);
    assert.ok(buildProseModel(ticks, 'markdown').blocks.length >= 1);
  });
});

describe('sentences', () => {
  it('splits at sentence ends but not after abbreviations', () => {
    const t = 'The user logs in, e.g. daily. The customer agrees targets! Is it right? Yes';
    assert.deepEqual(splitSentences(t).map((s) => t.slice(s.start, s.end)), ['The user logs in, e.g. daily.', 'The customer agrees targets!', 'Is it right?', 'Yes']);
  });
  it('keeps a question and its labelled answer together, and only those', () => {
    const t = 'Q: Who agrees the service levels? A: The customer. Who pays? The sponsor. Why? Answer: budget.';
    assert.deepEqual(splitSentences(t).map((s) => t.slice(s.start, s.end)), ['Q: Who agrees the service levels? A: The customer.', 'Who pays?', 'The sponsor.', 'Why? Answer: budget.']);
  });
  it('keeps a question and an answer clause after a semicolon or question mark together', () => {
    const t = 'Question 4 asks which role approves the budget; the correct answer is the customer. Who signs? The answer: the sponsor. Plans vary; the team decides.';
    assert.deepEqual(splitSentences(t).map((s) => t.slice(s.start, s.end)), [
      'Question 4 asks which role approves the budget; the correct answer is the customer.',
      'Who signs? The answer: the sponsor.',
      'Plans vary;',
      'the team decides.',
    ]);
  });
  it('bounds run-on text without punctuation', () => {
    const t = 'word '.repeat(10_000);
    const spans = splitSentences(t);
    assert.ok(spans.length >= 40);
    for (const s of spans) assert.ok(s.end - s.start <= MAX_SENTENCE);
  });
});

describe('clauses', () => {
  /** The specification splitClauses implements by hand: this regular expression over the sentence. */
  const CLAUSE_BREAK = /(?<!\d)[,:]|[,:](?!\d)|[;()[\]{}–—]|\s-\s|\b(?:but|whereas|while|although|though|however|yet)\b/gi;
  function oracle(text: string, start: number, end: number): Span[] {
    const s = text.slice(start, end);
    const out: Span[] = [];
    let last = 0;
    CLAUSE_BREAK.lastIndex = 0;
    for (let m; (m = CLAUSE_BREAK.exec(s)); ) {
      out.push({ start: start + last, end: start + m.index });
      last = m.index + m[0].length;
    }
    out.push({ start: start + last, end });
    return out;
  }
  it('cuts at punctuation and contrasting words, not inside numbers or words', () => {
    const t = 'We pay 5,000 users at 10:15, but not Butler; (however) the team - yet - WHILE whilst';
    const cut = splitClauses(t, 0, t.length).map((c) => t.slice(c.start, c.end));
    assert.deepEqual(cut, ['We pay 5,000 users at 10:15', ' ', ' not Butler', ' ', '', '', ' the team', '', '', '', ' whilst']);
  });
  it('agrees with its regular expression on edge cases and on every sentence of the corpus', () => {
    const texts = ['1,2', ',1', '1,', ':', 'a - b', ' - ', '\u00a0-\u2003x', 'but', 'a_but', 'ébut', 'BUT2', 'tHoUgH', 'x—y–z', '[a]{b}', 'although though'];
    const corpus = path.join(__dirname, '..', '..', '..', 'shared', 'corpus');
    if (fs.existsSync(corpus)) {
      for (const f of fs.readdirSync(corpus).filter((n) => n.endsWith('.md')).slice(0, 60)) texts.push(fs.readFileSync(path.join(corpus, f), 'utf8'));
    }
    let sentences = 0;
    for (const t of texts) {
      for (const s of splitSentences(t)) {
        sentences++;
        assert.deepEqual(splitClauses(t, s.start, s.end).map(({ start, end }) => ({ start, end })), oracle(t, s.start, s.end), JSON.stringify(t.slice(s.start, s.end)));
      }
    }
    assert.ok(sentences > 15);
  });
});

describe('the gap between the words of a term', () => {
  /** The specification isWordGap implements by hand. */
  const WORD_GAP = /^(?:[ \t*_~\-/]|\r?\n[ \t>]*)*$/;
  it('agrees with its regular expression on every short string over its alphabet and a few others', () => {
    const alphabet = [' ', '\t', '*', '_', '~', '-', '/', '\n', '\r', '>', 'x', '.'];
    let checked = 0;
    const walk = (s: string) => {
      if (s.length <= 12) {
        assert.equal(isWordGap(s, 0, s.length), WORD_GAP.test(s), JSON.stringify(s));
        checked++;
      }
      if (s.length < 5) for (const c of alphabet) walk(s + c);
    };
    walk('');
    assert.ok(checked > 200_000);
    // Longer than MAX_GAP characters is never a gap, whatever it holds.
    assert.equal(isWordGap(' '.repeat(13), 0, 13), false);
  });
});

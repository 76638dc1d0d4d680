import { strict as assert } from 'node:assert';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { TermMatcher } from '../../server/src/core/terms/matcher';
import { docWithCursor, testGlossary, testService } from '../helpers/glossary';

const service = testService();

/** The entry id hovered at `$$`, or null. */
function hoverId(text: string, languageId = 'markdown'): string | null {
  const { doc, position } = docWithCursor(text, languageId);
  const h = service.hover(doc, position, DEFAULT_SETTINGS);
  if (!h) return null;
  const id = service.termAt(doc, position, DEFAULT_SETTINGS);
  assert.ok(id, 'hover without a term');
  return id;
}

describe('hover: finds the term wherever a writer puts it', () => {
  const cases: [string, string | null][] = [
    ['Every $$SLA is reviewed yearly.', 'service-level-agreement'],
    ['Our SL$$As are reviewed yearly.', 'service-level-agreement'],
    ['the service level agree$$ment is signed', 'service-level-agreement'],
    ['the service-level agree$$ment is signed', 'service-level-agreement'],
    ['The Service Level Agree$$ment is signed', 'service-level-agreement'],
    ['the service level agree$$ments are signed', 'service-level-agreement'],
    ['the ser$$vice level agreement is signed', 'service-level-agreement'],
    ['the cus$$tomer\'s requirements', 'customer'],
    ['all cus$$tomers\' requirements', 'customer'],
    ['an inter$$nal customer pays by cross-charge', 'internal-customer'],
    ['an internal cus$$tomer pays by cross-charge', 'internal-customer'],
    ['The **Change Advisory Bo$$ard** met.', 'change-advisory-board'],
    ['The Change Advisory\nBo$$ard met.', 'change-advisory-board'],
    ['The C$$AB approved it.', 'change-advisory-board'],
    ['Each C$$I in the CMDB has an owner.', 'configuration-item'],
    ['request fulfil$$ment', 'request-fulfilment'],
    ['request fulfill$$ment', 'request-fulfilment'],
    ['the service cata$$log lists offerings', 'service-catalogue'],
    ['the service catal$$ogue lists offerings', 'service-catalogue'],
    ['organizational change manage$$ment helps people adopt it', 'organizational-change-management'],
    ['continual improve$$ment', 'continual-improvement'],
    ['a known er$$ror has a workaround', 'known-error'],
    ['Our SL$$O is 99.9%.', 'service-level-objective'],
    ['Open a post-incident re$$view.', 'post-incident-review'],
    ['the ri$$sk of data loss', 'risk'],
    ['Raise an R$$FC for the upgrade.', 'request-for-change'],
    ['Hold a PI$$R after the outage.', 'post-incident-review'],
    ['Hold a PI$$R after the change was implemented.', 'post-implementation-review'],
    ['The help d$$esk answers calls.', 'service-desk'],
    ['a major inci$$dent was declared', 'major-incident'],
    ['the on-c$$all engineer', 'on-call'],
    ['Our normal service opera$$tion resumed.', null],
    ['per ITIL Service Opera$$tion', 'service-operation'],
    ['utili$$ty and warranty', 'utility'],
    // Plurals and possessives as the matcher reads them from word hashes: -ies, -sses, curly apostrophe, capitals.
    ['both change authori$$ties approved it', 'change-authority'],
    ['third parti$$es supply the links', 'third-party'],
    ['all our proces$$ses are documented', 'process'],
    ['the capabili$$ties of the team', 'capability'],
    ['the cus$$tomer’s requirements', 'customer'],
    ['the CUSTO$$MERS agreed it', 'customer'],
    ['the proce$$ss is documented', 'process'],
    ['a customerss$$ visit', null],
    // Silent: code, URLs, front matter, non-terms, ambiguous abbreviations without support.
    ['Run `SL$$A` now', null],
    ['```\nthe SL$$A\n```', null],
    ['See https://example.com/SL$$A/x', null],
    ['---\ntitle: SL$$A\n---\nBody', null],
    ['[link](https://x.org/customer$$s)', null],
    ['The bana$$na is ripe.', null],
    ['The C$$I pipeline failed on main.', null],
    ['This follows R$$FC 2119.', null],
    ['first proposed in R$$FC 87', null],
    ['the user acc$$ount was locked', null],
    ['Talk to Customer Suc$$cess.', null],
    // Plain text documents work too.
  ];
  for (const [text, want] of cases) {
    it(`${JSON.stringify(text)} -> ${want}`, () => assert.equal(hoverId(text), want));
  }
  it('plain text documents', () => assert.equal(hoverId('Every SL$$A is reviewed.', 'plaintext'), 'service-level-agreement'));
});

describe('hover: content', () => {
  it('names the term, its category, definition, source; a deprecated one names its replacement', () => {
    const { doc, position } = docWithCursor('The Change Advisory Bo$$ard met.');
    const h = service.hover(doc, position, DEFAULT_SETTINGS);
    const md = (h!.contents as { value: string }).value;
    assert.match(md, /\*\*change advisory board\*\*/i);
    assert.match(md, /deprecated/);
    assert.match(md, /ITIL 4:\*\* use change authority/);
    assert.match(md, /\*Source:\*/);
    assert.deepEqual(h!.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 25 } });
  });
  it('links related terms with command links only when asked', () => {
    const linked = testService(true);
    const { doc, position } = docWithCursor('the inci$$dent');
    const md = (linked.hover(doc, position, DEFAULT_SETTINGS)!.contents as { value: string }).value;
    assert.match(md, /\(command:itil\.showEntry\?/);
    const plain = (service.hover(doc, position, DEFAULT_SETTINGS)!.contents as { value: string }).value;
    assert.doesNotMatch(plain, /command:/);
  });
});

describe('hover: bad input gives an empty answer', () => {
  it('position past the end, negative, empty document, 1 MB line', () => {
    const { doc } = docWithCursor('short');
    assert.equal(service.hover(doc, { line: 5, character: 0 }, DEFAULT_SETTINGS), null);
    assert.equal(service.hover(doc, { line: 0, character: 999 }, DEFAULT_SETTINGS), null);
    assert.equal(service.hover(doc, { line: -1, character: 0 }, DEFAULT_SETTINGS), null);
    assert.equal(service.hover(docWithCursor('').doc, { line: 0, character: 0 }, DEFAULT_SETTINGS), null);
    const big = docWithCursor('x'.repeat(1_000_000) + ' SLA$$');
    assert.equal(service.termAt(big.doc, big.position, DEFAULT_SETTINGS), 'service-level-agreement');
  });
  it('binary text is not analysed and says so once', () => {
    const { doc, position } = docWithCursor('SLA\u0000\u0001\u0002 $$SLA');
    assert.equal(service.hover(doc, position, DEFAULT_SETTINGS), null);
    const d = service.diagnostics(doc, DEFAULT_SETTINGS);
    assert.deepEqual(d.map((x) => x.code), ['itil.input.binary']);
  });
});

describe('term matching: the string walk agrees with the hash walk', () => {
  it('finds the same terms when every word is looked up by its lower-cased text', () => {
    // The string walk serves words outside ASCII and a hash shared by two trie words; force it for all.
    const byHash = new TermMatcher(testGlossary().entries);
    const byString = new TermMatcher(testGlossary().entries);
    (byString as unknown as { collided: boolean }).collided = true;
    const texts = [
      "Customers' SLAs and both change authorities' processes; the capabilities of third parties.",
      'The Change Advisory\nBoard approved the CAB’s RFCs for all service-level agreements.',
      'Incidents, problems and service requests reach the service desk; known errors have workarounds.',
      'Our café’s users and customers agree service level targets with the supplier.',
    ];
    for (const t of texts) {
      const a = byHash.find(t).map((o) => `${o.start}-${o.end} ${o.entryId} ${o.plural}`);
      const b = byString.find(t).map((o) => `${o.start}-${o.end} ${o.entryId} ${o.plural}`);
      assert.ok(a.length >= 3, t);
      assert.deepEqual(b, a, t);
    }
  });
});

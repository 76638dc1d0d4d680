/**
 * Round 22a behaviours of the agreements rules. Silent: sentences that already say what the agreement
 * really is ("so-called SLA", "calls it an SLA ... an underpinning contract"), SLA breaches, misses and
 * reports where a supplier is only named as their cause, several agreement kinds named together each
 * rightly (OLAs and the supplier contracts beneath them), and SLAs we offer to customers by any name
 * (shipping lines, retailers who sell our gift cards). Found: SLAs with a company named with a legal
 * suffix that fixes or repairs for us, OLAs held by a courier, and SLAs between two teams or between a
 * department and "our own IT operations".
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 22a', () => {
  it('keeps sentences that already name the agreement rightly silent', () => {
    for (const s of [
      'The printer vendor calls its contract an SLA, but for us it is an underpinning contract.',
      'Their so-called SLA is, in ITIL terms, our underpinning contract with them.',
    ]) assert.deepEqual(hits(s), [], s);
  });

  it('keeps SLA breaches caused by a supplier silent', () => {
    for (const s of [
      'How many SLA breaches last month were caused by the courier?',
      'Which SLA misses in March trace back to the hosting vendor?',
    ]) assert.deepEqual(hits(s), [], s);
  });

  it('keeps several agreement kinds named together silent', () => {
    assert.deepEqual(hits('We checked that the OLAs and the supplier contracts beneath them could support the targets agreed with the wards.'), []);
  });

  it('keeps the SLAs we offer our customers silent, whatever they are called', () => {
    for (const s of [
      'The SLA the port offers shipping lines guarantees berth confirmation within an hour.',
      'Our SLA with the retailers who sell our gift cards covers redemption uptime.',
    ]) assert.deepEqual(hits(s), [], s);
  });

  it('finds agreements made with the wrong party', () => {
    assert.deepEqual(hits('Our SLA with Dunmore Cables Ltd guarantees a four-hour fix on any fibre fault.'), ['itil.agreement.sla-supplier SLA']);
    assert.deepEqual(hits('The courier who moves our backup tapes works to an OLA with us: same-day pickup before noon.'), ['itil.agreement.ola-supplier OLA']);
    assert.deepEqual(hits('Service levels between the network team and the desktop team are written into an SLA reviewed each spring.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('The SLA between our finance department and our own IT operations covers the month-end batch.'), ['itil.agreement.sla-internal SLA']);
  });

  it('keeps agreements with the right party silent', () => {
    for (const s of [
      'Our SLA with the hospital trust promises 99.9% availability.',
      'The OLA between the service desk and the database team sets a two-hour response.',
      'The underpinning contract with Dunmore Cables covers fibre repairs.',
      'Breaches of the SLA are reported to the customer monthly.',
    ]) assert.deepEqual(hits(s), [], s);
  });
});

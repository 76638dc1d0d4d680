/**
 * Round 12 behaviours of the rule data: definition cards with swapped terms, misuse shown by what people
 * and things do (after a colon, in a relative or participle clause), and the false positives this writer
 * exposed (ITIL 4 technical management practices, utility- compounds, suppliers' own SLAs, a CAB as change
 * authority).
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 12', () => {
  it('reads definition cards whose terms are swapped', () => {
    assert.deepEqual(hits('Flashcard — Sponsor: the person who uses the service day to day.'), ['itil.role.sponsor-user Sponsor']);
    assert.deepEqual(hits('Customer: a third party that provides goods or services to the organization.'), ['itil.role.customer-supplier Customer']);
    assert.deepEqual(hits('Flashcard — Incident: the cause, or potential cause, of one or more problems.'), [
      'itil.work.incident-problem Incident',
      'itil.work.problem-incident problems',
    ]);
    assert.deepEqual(hits('Incident: a request from a user for information or a standard change.'), ['itil.work.incident-request Incident']);
    assert.deepEqual(hits('Flashcard — Sponsor: the person who authorises the budget for a service.'), []);
    assert.deepEqual(hits('Supplier: a third party that provides goods or services to the organization.'), []);
  });

  it('judges roles by what people do after a colon or in a relative clause', () => {
    assert.deepEqual(hits('Ward nurses are our busiest customers: they open the charting app dozens of times per shift.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('The customer whose tablet it is can no longer open the rota app.'), ['itil.role.customer-user customer']);
    assert.deepEqual(hits('Funding for the new scanners was approved by a user in the estates team.'), ['itil.role.user-sponsor user']);
    assert.deepEqual(hits('Our customers include Northgate Freight, who provide the haulage service we rely on.'), ['itil.role.customer-supplier customers']);
    assert.deepEqual(hits('Our most numerous customers are small councils, who sign one-year agreements with us.'), []);
  });

  it('covers work items described by what happens to them', () => {
    assert.deepEqual(hits('Printer toner orders are recorded as P5 incidents.'), ['itil.work.incident-request incidents']);
    assert.deepEqual(hits('Outages of the booking system are logged as P1 incidents.'), []);
    assert.deepEqual(hits('Problem management brought the tills back within two hours of the outage.'), ['itil.work.problem-management-restore Problem management']);
    assert.deepEqual(hits('The problem management team found the cause of the outages within two weeks.'), []);
  });

  it('reads ITIL 4 technical management practices and counts of management functions', () => {
    assert.deepEqual(hits('Deployment management is one of the technical management practices in ITIL 4.'), []);
    assert.deepEqual(hits('ITIL 4 describes 34 management functions, grouped into general, service and technical management.'), ['itil.v3.function functions']);
  });

  it('keeps quiet on hyphenated utility compounds, suppliers\' own SLAs and a CAB serving as change authority', () => {
    assert.deepEqual(hits('Utility-scale solar farms need grid connection agreements and security reviews.'), []);
    assert.deepEqual(hits("Microsoft's SLA for the cloud mailboxes promises 99.9 per cent availability."), []);
    assert.deepEqual(hits('A CAB can act as the change authority for major changes.'), []);
    assert.deepEqual(hits('The CAB approves changes every Tuesday afternoon.'), ['itil.v3.change-advisory-board CAB']);
  });
});

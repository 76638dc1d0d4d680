/**
 * Round 25a behaviours of the roles rules: record lines whose role is a field value and whose act is
 * another field ("Role: user; Responsibility: approves the budget"), roles given by a document while the
 * sentence shows another role, requirements or service levels agreed by "suppliers" who are the
 * customers, and day-to-day use described for a sponsor or a customer.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 25a', () => {
  it('reads roles given as record fields', () => {
    assert.deepEqual(hits('Owner: Finance Director; Role: user; Responsibility: approves the yearly licence budget.'), ['itil.role.user-sponsor user']);
    assert.deepEqual(hits('Name: night clerks; Role: customer; Activity: enter about 300 orders per shift.').map((h) => h.split(' ')[0]), ['itil.role.customer-user']);
    assert.deepEqual(hits('Counterparty: Northline Hosting; Role: customer; Provides: the rack space we run on.').map((h) => h.split(' ')[0]), ['itil.role.customer-supplier']);
  });

  it('reads roles given by a document against the act', () => {
    assert.deepEqual(hits("Claims handlers, described in the portal's service catalogue as its customers, key in about 400 forms a week.").map((h) => h.split(' ')[0]), ['itil.role.customer-user']);
    assert.deepEqual(hits('Brightcloud Ltd, listed as a customer of the booking engine, in fact hosts it for us and invoices us monthly.').map((h) => h.split(' ')[0]), ['itil.role.customer-supplier']);
  });

  it('reads requirements and service levels set by users or by suppliers who are customers', () => {
    assert.deepEqual(hits('The requirements for the new intake screen were drafted and signed by the end users in one afternoon.').map((h) => h.split(' ')[0]), ['itil.role.user-customer']);
    assert.deepEqual(hits("At the spring workshop the trust's suppliers, the nine member schools, agreed the service level targets.").map((h) => h.split(' ')[0]), ['itil.role.supplier-customer']);
  });

  it('reads use described for a sponsor or a customer', () => {
    assert.deepEqual(hits('Customer access to the homework portal was lost for two hours, leaving pupils unable to open their work.').map((h) => h.split(' ')[0]), ['itil.role.customer-user']);
    assert.deepEqual(hits('The editorial sponsor lays out the page herself most nights and reports glitches to the desk.').map((h) => h.split(' ')[0]), ['itil.role.sponsor-user']);
  });

  it('keeps the roles used rightly silent', () => {
    for (const s of [
      'Role: customer; Responsibility: agrees the service levels.',
      'Owner: Finance Director; Role: sponsor; Responsibility: approves the budget.',
      'Customers can log in to see their orders.',
      'Our suppliers agreed delivery targets with procurement.',
      'Customer access to billing records is restricted to the finance team.',
    ]) assert.deepEqual(hits(s), [], s);
  });
});

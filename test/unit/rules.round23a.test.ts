/**
 * Round 23a behaviours of the roles rules: staff groups of our own organisation called customers of a
 * tool that freezes, lags or will not sync; users given the customer's acts (deciding what goes live);
 * the one who approved the money named user in the answer to a question, or supplier while it holds the
 * purse strings, approves the capex or pays the licence bill; and sponsors counted by the hundred or given
 * quotas, which is how users are described.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 23a', () => {
  it('reads staff groups called customers of a tool they struggle with', () => {
    assert.deepEqual(hits('Half the customers on the maintenance crews still cannot get the mobile app to sync.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('The night-shift dispatchers are the main customers of the rostering app and spend most of their shift looking at it.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('Warehouse pickers, the heaviest customers of the handheld scanners, keep reporting that the screens freeze.'), ['itil.role.customer-user customers']);
  });

  it("reads users given the customer's acts", () => {
    assert.deepEqual(hits('The users on the steering group signed off the new response targets.'), ['itil.role.user-customer users']);
    assert.deepEqual(hits('Treat the head of logistics as the user of the tracking service for approval purposes: she set its requirements and owns its targets.'), ['itil.role.user-customer user']);
    assert.deepEqual(hits('The user of the payroll service, the finance director, decides which changes go live each quarter.'), ['itil.role.user-customer user']);
  });

  it('reads the one who pays called user or supplier', () => {
    assert.deepEqual(hits('Who signed off the extra $30k for the scanners? Dev did, as the main user of the fleet system.'), ['itil.role.user-sponsor user']);
    assert.deepEqual(hits("The dean's office is in effect our supplier for the new cluster: it holds the purse strings and approved the capital spend."), ['itil.role.supplier-sponsor supplier']);
    assert.deepEqual(hits('Finance, acting as our supplier, pays the licence bill.'), ['itil.role.supplier-sponsor supplier']);
  });

  it('reads sponsors counted and given quotas as users', () => {
    assert.deepEqual(hits("Every sponsor of the lab's booking system, some 900 students and staff, gets a default quota of ten bookings a week."), ['itil.role.sponsor-user sponsor']);
    assert.deepEqual(hits('Sponsors log in to the portal to check their jobs.'), ['itil.role.sponsor-user Sponsors']);
  });

  it('keeps the roles used rightly silent', () => {
    for (const s of [
      'Our customers buy season passes online and log in to see them.',
      'The sponsor approved the capital spend; the users were trained in May.',
      'Customer Success Managers own renewals.',
      'The dispatchers use the rostering app all shift; the operations director is its customer.',
      'Our supplier holds the stock and bills us monthly.',
      'The user signed in and the session froze.',
      'Finance approved the budget as sponsor.',
    ]) assert.deepEqual(hits(s), [], s);
  });
});

/**
 * Round 11 behaviours of the rule data: a quiz answer judged with its question, external company names
 * (capitalised) against internal functions written with capitals, and ITIL 4 migration history.
 */
import * as assert from 'node:assert/strict';
import { ruleHits } from '../helpers/glossary';

const codes = (text: string): string[] => ruleHits(text, false);

describe('rules: round 11', () => {
  it('judges a one-word quiz answer by the question it answers', () => {
    assert.deepEqual(codes('Q: Which role agrees the service levels with the provider? A: The user.'), ['itil.role.user-customer']);
    assert.deepEqual(codes('Q: Who signs off the budget for the service? Answer: the customer.'), ['itil.role.customer-sponsor']);
    assert.deepEqual(codes('Q: Who opens the app every day? A: The sponsor.'), ['itil.role.sponsor-user']);
    assert.deepEqual(codes('Q: Which role agrees the service levels with the provider? A: The customer.'), []);
    assert.deepEqual(codes('Q: Who uses the service? A: The customer\'s staff.'), []);
  });

  it('treats a capitalised company as external, and capitalised internal functions as internal', () => {
    assert.deepEqual(codes('An OLA with Fenwick Cable Systems sets a four-hour fix time.'), ['itil.agreement.ola-supplier']);
    assert.deepEqual(codes('Have the OLAs with Adyen and Postmark been renewed?'), ['itil.agreement.ola-supplier']);
    for (const team of ['the Service Desk', 'IT Operations', 'Facilities', 'Finance', 'the Network Team', 'Second Line', 'Desktop Support', 'HR', 'SecOps']) {
      assert.deepEqual(codes(`The OLA with ${team} sets a four-hour fix time.`), [], team);
    }
  });

  it('reads "before the move to ITIL 4" as history', () => {
    assert.deepEqual(codes('Before the move to ITIL 4 the CAB met every Tuesday.'), []);
    assert.deepEqual(codes('Until we adopted ITIL 4, the CAB approved every change.'), []);
    assert.deepEqual(codes('The CAB meets every Tuesday.'), ['itil.v3.change-advisory-board']);
  });
});

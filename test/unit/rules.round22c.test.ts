/**
 * Round 22c behaviours of the roles rules. Precision first: a customer-sense act (agreeing service levels,
 * signing the SLA, defining requirements, saying what the customer wants) said of the same people outweighs
 * a use or budget word, and an act inside a "who/that/which" clause attached to another noun after the
 * role word's own verb belongs to that noun. Then recall: use that is denied ("has never logged in") is no
 * use, depending on our team and saying what a thing must do is a customer's part, buying from an
 * organization makes it a supplier, and a question weighing customer against supplier for one that
 * provides us something is answered.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 22c', () => {
  it('lets a customer-sense act of the same people outweigh a use or budget word', () => {
    for (const s of [
      'Employers in the scheme are customers of our file-upload service and agree its cut-off times in the annual SLA.',
      "The clinics, which agree the booking system's service levels each year, are its customers even though their staff also log in to it.",
      'The customer who approved the £2m budget wants the users trained.',
      'The customer, who signed the SLA, also uses the portal daily.',
    ]) {
      assert.deepEqual(hits(s), [], s);
    }
  });

  it('does not let that act outweigh when it belongs to another role word (the users agreed, the customers log in)', () => {
    // Both words are swapped there: the users agreed the SLA (customers), the customers log in (users).
    assert.deepEqual(hits('The users agreed the SLA in March, and since then the customers in the call centre log in every shift.'), ['itil.role.user-customer users', 'itil.role.customer-user customers']);
    assert.deepEqual(hits('End users define the requirements; customers open the app each morning to check the queue.'), ['itil.role.user-customer End users', 'itil.role.customer-user customers']);
    assert.deepEqual(hits('The customer who approved the £2m budget said that requirements would follow.'), ['itil.role.customer-sponsor customer']);
  });

  it('keeps acts in a relative clause attached to another noun away from the role word', () => {
    for (const s of [
      'The customer thanked the engineers who log in to the servers every night.',
      'The user complained to the manager who approved the budget.',
      'The sponsor met the staff who use the portal all day.',
      'Users raised the issue with the director who signed the SLA last year.',
      'The customer sent the contractor that supplies our laptops a list of faults.',
      'Our users praised the team that defined what the portal must do.',
    ]) {
      assert.deepEqual(hits(s), [], s);
    }
  });

  it('finds the misuses of the round', () => {
    assert.deepEqual(
      hits("Ms Adeyemi, as finance director of the trust, is the system's user: she approves its licence budget every year and has never logged in."),
      ['itil.role.user-sponsor user'],
    );
    assert.deepEqual(
      hits('Our supplier, the north branch office, depends on our IT team for its kiosks and sets out what those kiosks must do each year.'),
      ['itil.role.supplier-customer supplier'],
    );
    assert.deepEqual(hits('Acme buys its scheduling software from Vantix, which makes Vantix one of our most important customers.'), ['itil.role.customer-supplier customers']);
    assert.deepEqual(
      hits('Is the lab that sends us test data every quarter a customer, or should it sit under supplier management?'),
      ['itil.role.customer-supplier customer'],
    );
  });

  it('keeps the plain sentences silent', () => {
    for (const s of [
      'Users log in every morning.',
      'Our customers buy tickets online.',
      'The user account was locked.',
      'We buy laptops from our supplier.',
      'The sponsor approved the budget and the users were trained in May.',
      'Customers who log in to the portal can track their orders.',
      'Our customers visit the data centre that hosts our servers.',
    ]) {
      assert.deepEqual(hits(s), [], s);
    }
  });
});

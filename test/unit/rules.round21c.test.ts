/**
 * Round 21c behaviours of the roles rules: what the people named by a role word do, said away from the
 * word (a relative clause, "because/since", a colon, a dash, an appositive, a semicolon, the answer to a
 * question), read by the act's class: day-to-day use (user), saying what a service must do, signing off
 * or answering for targets and outcomes (customer), costs that come out of someone's budget (sponsor),
 * tickets raised with an organization and goods it delivers (supplier). The same acts beside the right
 * role word, several roles at once, negations and consumers of a public service stay silent.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 21c', () => {
  it('reads day-to-day use said away from the role word', () => {
    assert.deepEqual(hits('Lab technicians are the customers who run analyses on the cluster many times a day.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('Several customers in the payroll office were locked out of the HR system on Monday after a certificate expired.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('The dispatchers are the system\'s customers; they open it throughout the shift.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('Q: Which customers noticed the slowdown first? A: The cashiers, who scan goods on the tills all day.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('Q: Who was locked out after the password policy changed? A: Every customer in accounts payable.'), ['itil.role.customer-user customer']);
    assert.deepEqual(hits('The sponsors at the depot scan parcels with the handhelds throughout the shift.'), ['itil.role.sponsor-user sponsors']);
  });

  it('reads requirements, targets and outcomes said away from the role word', () => {
    assert.deepEqual(hits('The School of Law is our biggest supplier: it defines what the case system must do and agrees the service levels with us.'), ['itil.role.supplier-customer supplier']);
    assert.deepEqual(hits('The regional directors are the users here: they decide what the dashboard must show and sign off the availability targets.'), ['itil.role.user-customer users']);
    assert.deepEqual(hits('Finance, as the user of the ledger service, will be held accountable for the benefits it delivers.'), ['itil.role.user-customer user']);
    assert.deepEqual(hits('Requirements: written by the user, the head of claims, in January.'), ['itil.role.user-customer user']);
    assert.deepEqual(hits('Our sponsors are the clinic leads: they set the availability targets and answer for the outcomes.'), ['itil.role.sponsor-customer sponsors']);
  });

  it('reads budgets and supply said away from the role word', () => {
    assert.deepEqual(hits("The head of finance is named as the system's user because its licences come out of her cost centre."), ['itil.role.user-sponsor user']);
    assert.deepEqual(hits('Why is Priya the user of record? Because the licences are charged to her cost centre.'), ['itil.role.user-sponsor user']);
    assert.deepEqual(hits('The dean is recorded as the supplier because the licence fees come out of her budget.'), ['itil.role.supplier-sponsor supplier']);
    assert.deepEqual(hits("We raised a ticket with our customer, Microsoft, after the tenant's mail flow stopped for an hour."), ['itil.role.customer-supplier customer']);
    assert.deepEqual(hits('Brightwire is the sponsor of the project in the sense that it delivers the switches to our depots.'), ['itil.role.sponsor-supplier sponsor']);
  });

  it('keeps the same acts beside the right role silent', () => {
    for (const s of [
      'The customer, the head of operations, signed off the service level targets.',
      'She is both a user of the app and the customer who agreed its targets.',
      'The sponsor approved the budget; the users were trained in May.',
      'Nurses are the users who open the drug chart dozens of times per shift.',
      'The users complained because the licences come out of the IT budget.',
      'Budget owners, not users, sign off the spend.',
      'The supplier defines what its delivery notes must contain.',
      'We define what the tracker must do and the supplier builds it.',
      'The supplier agrees the service levels with us in the underpinning contract.',
      'We raised a ticket with our supplier after the link went down.',
      'Customers that deploy several times a day need fast rollbacks.',
      'Customers who bought the annual pass can log in from home.',
      "The sponsor's team, who log in to the tracker every morning, liked the new layout.",
      'Why is Priya the sponsor? Because the licences are charged to her cost centre.',
    ]) {
      assert.deepEqual(hits(s), [], s);
    }
  });
});

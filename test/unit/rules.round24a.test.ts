/**
 * Round 24a behaviours of the roles rules: staff who use a tool day to day called its customers (use
 * stated as frequency, watching or training, designations by "as its customers" and by boards and
 * panels); companies that sell or supply to us called customers or users (goods and capacity provided
 * for us, invoices we pay, "so they are our customer", a label then "; they supply ..."); the one who
 * sets out requirements called sponsor in a conclusion; the approver of the budget called user after a
 * passive ("approved by the trustees, who are the users").
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 24a', () => {
  it('reads staff who use a tool called its customers', () => {
    assert.deepEqual(hits('Dispatchers open the routing screen thirty times a shift, and as its main customers they will see the new layout first.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('Nurses and porters are the customers of the bed board and all of them need refresher training before winter.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('The night operators, as customers of the alarm panel, watch it all night and log a ticket when a light goes amber.'), ['itil.role.customer-user customers']);
  });

  it('reads companies that supply us called customers or users', () => {
    assert.deepEqual(hits('Brightline Cables sells us the fibre, so on this contract they are our customer and their invoices go to accounts payable.'), ['itil.role.customer-supplier customer']);
    assert.deepEqual(hits('List the CDN and the hosting vendor as users in the stakeholder map, since both deliver capacity to the platform.'), ['itil.role.user-supplier users']);
    assert.deepEqual(hits('Treat Acme Logistics as a customer in the catalogue; they provide the vans and drivers for our rounds.'), ['itil.role.customer-supplier customer']);
  });

  it('reads the one who defines requirements called sponsor', () => {
    assert.deepEqual(hits('Ms Grant chairs the steering group, sets out what the booking system must do and agrees its service levels with us, so she is our sponsor.'), ['itil.role.sponsor-customer sponsor']);
  });

  it('reads the budget approver called user', () => {
    assert.deepEqual(hits('Funding for the portal rebuild was approved by the trustees, who are the users on this project.'), ['itil.role.user-sponsor users']);
    assert.ok(hits('In the RACI the clerks are the users and the finance director, who holds the budget, is listed as a user too.').includes('itil.role.user-sponsor user'));
  });

  it('keeps the roles used rightly silent', () => {
    for (const s of [
      'Our customers buy tickets online and log in to see them.',
      'Dispatchers use the routing screen all shift; the operations director is its customer.',
      'We buy fibre from Brightline, our supplier.',
      'The sponsor approved the budget and agrees nothing else.',
      'Customer Success watches the dashboards.',
      'The trustees approved the funding; the users are the clerks.',
      'In the RACI the clerks are the users and the finance director, who holds the budget, signs off.',
      'Customers watch the status page during an outage and expect updates every thirty minutes.',
      'We sell fibre to Brightline, so they are our customer.',
      'Ms Grant approved the budget for the booking system, so she is our sponsor.',
    ]) {
      assert.deepEqual(hits(s), [], s);
    }
  });
});

/**
 * Round 19 behaviours of the rule data: the basic meanings of each family in plain sentences. Routine
 * request items (PIN and MFA resets, replacement kit, toner) logged as incidents, known errors and
 * "why it keeps failing" attributed to incident work, outages called problems, warranty words called
 * utility and features called warranty, deliverables called outcomes, SLAs with suppliers or between two
 * internal teams, v3 lifecycle stages written in lower case and used as stages, and "Internal SLA"
 * narrowed to the abbreviation.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 19', () => {
  it('reads routine request items logged as incidents', () => {
    assert.deepEqual(hits('Log an incident if you need your PIN reset.'), ['itil.work.incident-request incident']);
    assert.deepEqual(hits('Printer toner requests are logged as incidents by the front desk.'), ['itil.work.incident-request incidents']);
    assert.deepEqual(hits('An incident was raised when the PIN pad failed at the checkout.'), []);
    assert.deepEqual(hits('Log an incident if the new laptop does not boot.'), []);
  });

  it('reads problem work given to incident management and outages called problems', () => {
    assert.deepEqual(hits('Known errors are documented and maintained by incident management.'), ['itil.work.incident-management-root-cause incident management']);
    assert.deepEqual(hits('The incident team investigates why the controller keeps failing.'), ['itil.work.incident-problem incident']);
    assert.deepEqual(hits('The problem was opened when the website went down and restored by 09:40.'), ['itil.work.problem-incident problem']);
    assert.deepEqual(hits('Known errors are documented by problem management.'), []);
  });

  it('reads warranty words called utility, deliverables called outcomes', () => {
    assert.deepEqual(hits('Capacity is a utility feature of the service.'), ['itil.value.utility-warranty utility']);
    assert.deepEqual(hits('The outcomes of the workshop were a RACI matrix and a process map.'), ['itil.outcome.output-called-outcome outcomes']);
    assert.deepEqual(hits("The workshop's outcome: everyone agreed to move the release."), []);
  });

  it('reads SLAs with suppliers and between teams, and narrows "Internal SLA"', () => {
    assert.deepEqual(hits('We need an SLA from our payment provider before Black Friday.'), ['itil.agreement.sla-supplier SLA']);
    assert.deepEqual(hits('The radiology team and the infrastructure team are bound by an SLA.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('An internal SLA governs how fast the database team answers the application team.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('The SLA we give our customers promises a four-hour response.'), []);
  });

  it('reads v3 lifecycle stages written in lower case when used as stages', () => {
    assert.deepEqual(hits('During service transition, the portal will be load-tested.'), ['itil.v3.service-transition service transition']);
    assert.deepEqual(hits('Restore normal service operation as quickly as possible.'), []);
  });
});

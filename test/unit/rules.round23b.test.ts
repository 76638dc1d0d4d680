/**
 * Round 23b behaviours of the rule data (agreements and work items): SLAs agreed between teams of one
 * organisation said in new frames ("X team and Y team have at last agreed an SLA", "the SLA that X team
 * agreed with Y team", "the SLA between the control room and IT infrastructure"); OLAs with outside firms,
 * companies and colos ("an OLA out of the archive firm"); incident records updated with the root cause and
 * the permanent fix; problem management restoring service inside the SLA or by failing over or rebooting.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 23b', () => {
  it('reads SLAs between teams of the same organisation', () => {
    assert.deepEqual(hits('The payments team and the platform team have at last agreed an SLA for monthly restore tests.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('The internal SLA with the database team promises a reply to access requests within a day.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits("The lab's SLA with the university's central networking team covers the campus uplink."), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('The SLA between the control room and IT infrastructure sets a four-hour fix.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('The SLA that the payments team agreed with the platform team covers restore tests.'), ['itil.agreement.sla-internal SLA']);
  });

  it('reads OLAs with outside companies', () => {
    assert.deepEqual(hits('Can we get an OLA out of the off-site archive firm before the audit?'), ['itil.agreement.ola-supplier OLA']);
    assert.deepEqual(hits('The OLA with our colocation provider lapses in June.'), ['itil.agreement.ola-supplier OLA']);
    assert.deepEqual(hits('The OLA with our colo lapses in June.'), ['itil.agreement.ola-supplier OLA']);
    assert.deepEqual(hits('We finally got an OLA from the shredding company.'), ['itil.agreement.ola-supplier OLA']);
  });

  it('reads problem work given to incidents and restoration given to problem management', () => {
    assert.deepEqual(hits("The incident record for last week's email bounces should hold the root cause and the permanent fix once we know them."), ['itil.work.incident-problem incident']);
    assert.deepEqual(hits('Update the incident with the root cause and the permanent fix.'), ['itil.work.incident-problem incident']);
    assert.deepEqual(hits('Problem management got the service back inside the SLA by failing over to the standby.'), ['itil.work.problem-management-restore Problem management']);
    assert.deepEqual(hits('Problem management restored access within two hours by rebooting the gateway.'), ['itil.work.problem-management-restore Problem management']);
  });

  it('keeps correct use silent', () => {
    for (const s of [
      'Our SLA with the hospital trusts we serve covers weekend cover.',
      'OLAs between the service desk and the network team back the customer SLA.',
      'The underpinning contract with the colocation provider supports our SLA.',
      "The SLA breach was caused by the archive firm's late delivery.",
      'Which SLAs did the platform team miss last quarter?',
      'Can we get an OLA out of the network team before the audit?',
      'The OLA with the records team sets firm targets for retrieval.',
      'Our OLA with the storage team depends on the colocation provider meeting its contract.',
      'The payments team and the platform team have finally agreed the SLA dashboard layout.',
      'The incident was resolved by failing over; problem management then found the root cause.',
      'Link the incident to a problem record that holds the root cause.',
      'Problem management restored confidence in the release process.',
      'The incident record notes the workaround used.',
      'Update the incident with the workaround the engineer used.',
    ]) assert.deepEqual(hits(s), [], s);
  });
});

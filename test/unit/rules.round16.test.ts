/**
 * Round 16 behaviours of the rule data: a role designation ("appears in the catalogue as", "referred to as",
 * "described as mere users") read together with evidence of another role (funding, supplying, hands-on use,
 * setting requirements), customers of a device or app, sponsors who set requirements, request titles logged
 * as incidents, outages called problems, cause-finding kept under an incident, and warranty sentences about
 * resilience that name a feature of the app.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 16', () => {
  it('reads a widened designation together with evidence of another role', () => {
    assert.deepEqual(hits('The shipyard owners approved the £90k for the crane sensors and are therefore recorded as the customer of the project.'), ['itil.role.customer-sponsor customer']);
    assert.deepEqual(hits('Brannock, which ships us spare antenna parts, appears in the parts catalogue as a customer.'), ['itil.role.customer-supplier customer']);
    assert.deepEqual(hits('The radio station that buys our weather bulletins is referred to as our customer throughout this plan.'), []);
    assert.deepEqual(hits('The scheduling team, who define what the berth planner must do and negotiate its targets, are described as mere users.'), ['itil.role.user-customer users']);
    assert.deepEqual(hits('Visitors who book a night tour on the website are listed as sponsors of the observatory.'), ['itil.role.sponsor-user sponsors']);
    assert.deepEqual(hits('The regional council, which funds the gate system, is listed as its sponsor.'), []);
  });

  it('calls people who use a device or app its users', () => {
    assert.deepEqual(hits('Pickers, as customers of the handheld scanners, said the screens freeze in the chiller.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('The wineries, as customers of our bottling service, agreed the turnaround targets with us.'), []);
  });

  it('names requests service requests, outages incidents, and cause-finding problems', () => {
    assert.deepEqual(hits('Access to the shared tide-table folder for the new deckhand: incident assigned to second line.'), ['itil.work.incident-request incident']);
    assert.deepEqual(hits('The major problem on Monday took the arrival screens offline for ten minutes.'), ['itil.work.problem-incident problem']);
    assert.deepEqual(hits('INC-2207 stays open as an incident until we understand why the dome motors stall.'), ['itil.work.incident-problem incident']);
    assert.deepEqual(hits('The incident will be closed once the transmitter is back on air.'), []);
  });

  it('does not read resilience work as utility', () => {
    assert.deepEqual(hits('Adding a standby database will improve the warranty of the booking app.'), []);
  });
});

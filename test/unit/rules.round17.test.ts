/**
 * Round 17 behaviours of the rule data: deliverables named as outcomes (a version of an app), stakeholder
 * results under an "Output:" label, features called warranty (gaps listed as missing abilities, "being
 * able to"), SLAs with named vendors that bind them to repairs, SLAs between an IT team and an estates or
 * facilities team, and role designations such as "acts as" or "counts as".
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 17', () => {
  it('tells deliverables from stakeholder results', () => {
    assert.deepEqual(hits('The main outcome of the rehearsal week was release 1.2 of the seating planner.'), ['itil.outcome.output-called-outcome outcome']);
    assert.deepEqual(hits('Output: gardeners can log a planting from the greenhouse tablet.'), ['itil.outcome.outcome-called-output Output']);
    assert.deepEqual(hits('The output of the rehearsal week was release 1.2 of the seating planner.'), []);
    assert.deepEqual(hits('Output: the routers can be rebooted remotely.'), []);
  });

  it('reads features and missing abilities called warranty as utility', () => {
    assert.deepEqual(hits('Warranty gaps noted: no seat maps and no gift vouchers.'), ['itil.value.warranty-utility Warranty']);
    assert.deepEqual(hits('Being able to renew two policies at once is the main warranty gain for brokers.'), ['itil.value.warranty-utility warranty']);
    assert.deepEqual(hits('Warranty gaps noted: no standby site and no tested recovery plan.'), []);
    assert.deepEqual(hits('The depot printers are under warranty for another year.'), []);
  });

  it('names vendor SLAs underpinning contracts and IT-to-estates SLAs OLAs', () => {
    assert.deepEqual(hits('Our SLA with Scania covers repair of broken ticket readers within a day.'), ['itil.agreement.sla-supplier SLA']);
    assert.deepEqual(hits('Mitie\'s SLA obliges them to clear a blocked drain within four hours.'), ['itil.agreement.sla-supplier SLA']);
    assert.deepEqual(hits('The SLA agreed between the ticketing systems team and the facilities department covers the kiosks.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('The SLA agreed between the theatre IT team and the touring companies it serves sets a one-hour response.'), []);
    assert.deepEqual(hits('Our SLA with the county council promises replacement of faulty tills within a day.'), []);
  });

  it('reads acts as / counts as designations with evidence of another role', () => {
    assert.deepEqual(hits('Fernbank Software, which licenses us the rota tool, acts as our customer.'), ['itil.role.customer-supplier customer']);
    assert.deepEqual(hits('The trustees, who fund the seed-bank database, count as users.'), ['itil.role.user-sponsor users']);
    assert.deepEqual(hits('The theatre patrons, who buy tickets on the website, count as customers.'), []);
  });
});

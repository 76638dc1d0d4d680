/**
 * Round 25b behaviours of the rule data (work items, agreements): ticket-ID and record frames
 * ("INC-1 (incident): ...", "Record type: incident", "Counterparty: X Ltd"); incidents kept open or worked
 * as known errors to find a cause; outages with a duration or an impact called problems; SLAs and OLAs with
 * outside providers in new frames; SLAs between departments said to be in the same organisation.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 25b', () => {
  it('reads the probes of each miss class', () => {
    assert.deepEqual(hits("INC-2210 (incident): a teacher asks for thirty pupil logins for September."), ["itil.work.incident-request incident"]);
    assert.deepEqual(hits("PRB-0417 (problem): booking site unavailable 09:10-10:25, closed once staff could book again."), ["itil.work.problem-incident problem"]);
    assert.deepEqual(hits("Task: find why the nightly upload keeps failing and remove the underlying cause; Record type: incident."), ["itil.work.incident-problem incident"]);
    assert.deepEqual(hits("A workaround is documented, but the incident stays open so the underlying cause of the repeated misreads can be found."), ["itil.work.incident-problem incident"]);
    assert.deepEqual(hits("The incident raised for the recurring crash is now being worked as a known error while the vendor analyses the dumps."), ["itil.work.incident-problem incident"]);
    assert.deepEqual(hits("Screens at four stations went blank for forty minutes, and the problem affected about 3,000 passengers."), ["itil.work.problem-incident problem"]);
    assert.deepEqual(hits("Major problem declared at 10:05: the ordering site returned errors to every visitor for almost an hour."), ["itil.work.problem-incident problem"]);
    assert.deepEqual(hits("Agreement: SLA; Counterparty: Claims Systems team (internal); Review: yearly."), ["itil.agreement.sla-internal SLA"]);
    assert.deepEqual(hits("Agreement: OLA; Counterparty: Northline Hosting Ltd."), ["itil.agreement.ola-supplier OLA"]);
    assert.deepEqual(hits("We have an SLA with Westnet for the station lines, so a fault should be fixed the next working day."), ["itil.agreement.sla-supplier SLA"]);
    assert.deepEqual(hits("Under our SLAs with the news agencies, feeds must be restored within 30 minutes."), ["itil.agreement.sla-supplier SLAs"]);
    assert.deepEqual(hits("Penalties under the OLA with the outsourced developer have never been used."), ["itil.agreement.ola-supplier OLA"]);
    assert.deepEqual(hits("The contract with its cloud provider is entered in the supplier register as an operational level agreement."), ["itil.agreement.ola-supplier operational level agreement"]);
    assert.deepEqual(hits("Service level agreements between Editorial Systems and Web Operations, both within the digital department, are reviewed quarterly."), ["itil.agreement.sla-internal Service level agreements"]);
  });

  it('keeps correct use silent', () => {
    for (const s of [
      "INC-2210 (incident): the booking site is down for everyone.",
      "PRB-0417 (problem): find why the upload keeps failing.",
      "The problem record links the six outages and their root cause.",
      "No problem at all, the logins are ready.",
      "Agreement: SLA; Counterparty: Harbour Council (customer).",
      "Agreement: UC; Counterparty: Northline Hosting Ltd.",
      "Our SLA with the member schools covers term time.",
      "The OLA between the desk and web operations backs the customer SLA.",
    ]) assert.deepEqual(hits(s), [], s);
  });
});

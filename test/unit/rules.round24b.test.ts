/**
 * Round 24b behaviours of the rule data (work items, agreements, v3 function names): routine things
 * obtained by asking someone to raise an incident; root-cause work kept inside an incident; outages logged
 * as problems and restored; routine requests worked as problems; SLAs with named companies that fix or
 * supply for us; a named company's OLA; SLAs for and between our own teams; v3 function names used as teams
 * that own hosts, apps and services; departments organised around the service lifecycle.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 24b', () => {
  it('reads the probes of each miss class', () => {
    assert.deepEqual(hits("Could someone raise an incident to get a new smart card for the weekend porter?"), ["itil.work.incident-request incident"]);
    assert.deepEqual(hits("We will dig for the root cause inside the incident and close it once we know why the pumps trip."), ["itil.work.incident-problem incident"]);
    assert.deepEqual(hits("Logged a problem for the booking site being down; nobody can pay."), ["itil.work.problem-incident problem"]);
    assert.deepEqual(hits("Each time the gateway drops off the network we open a new problem, bring the link back and close it."), ["itil.work.problem-incident problem"]);
    assert.deepEqual(hits("Why is a request for a new letter template being handled as a problem?"), ["itil.work.problem-request problem"]);
    assert.deepEqual(hits("Our SLA with Sabre for the fare feeds promises a one-hour fix on priority-one faults."), ["itil.agreement.sla-supplier SLA"]);
    assert.deepEqual(hits("Fastly's OLA does not cover origin outages."), ["itil.agreement.ola-supplier OLA"]);
    assert.deepEqual(hits("Draft an SLA for second-line support to pick up escalations within half an hour."), ["itil.agreement.sla-internal SLA"]);
    assert.deepEqual(hits("The platform team owes the playout team a reply within 15 minutes under the SLA the two of them agreed."), ["itil.agreement.sla-internal SLA"]);
    assert.deepEqual(hits("Technical management is responsible for the Linux hosts at all six sites."), ["itil.v3.technical-management Technical management"]);
    assert.deepEqual(hits("Application management will own the app's Java services after handover."), ["itil.v3.application-management Application management"]);
    assert.deepEqual(hits("We are reorganising the department around the service lifecycle this year."), ["itil.v3.service-lifecycle service lifecycle"]);
    assert.deepEqual(hits("We have an SLA with the storage team and an OLA with NetApp."), ["itil.agreement.sla-internal SLA", "itil.agreement.ola-supplier OLA"]);
  });

  it('keeps correct use silent', () => {
    for (const s of [
      "We opened a problem record to find why the gateway keeps dropping.",
      "No problem, I'll reset it.",
      "The incident was closed once service was restored; the root cause went to problem management.",
      "Our SLA with the hospitals we serve covers weekends.",
      "The OLA between the desk and the network team backs the customer SLA.",
      "Sabre's contract underpins our SLA.",
      "We bought an application management tool.",
      "We use application performance management for the checkout.",
      "He handles technical management of the contract.",
      "We track the lifecycle of a service's hardware.",
      "Draft an SLA for the finance team covering payroll reports.",
      "The SLA for the claims team promises customers a decision within five days.",
      "Our SLA for the service desk to answer customer calls within a minute is published on the portal.",
      "The network team's OLA does not cover supplier faults.",
      "Today's OLA review was cancelled.",
      "ITIL's OLA definition is narrower than ours.",
      "Our SLA with Aldi for their store tills promises a one-hour fix.",
      "The OLAs with the network team underpin our SLA with the finance department.",
      "The OLA with the network team underpins the SLA we give to the wards.",
      "We open a problem, gather the logs and look for the root cause.",
      "Each time the gateway drops we raise an incident, bring the link back and close it.",
      "Open a problem record, then get the vendor back on site to analyse the root cause.",
      "Should we log an incident for a broken laptop?",
      "Could someone raise an incident for the outage at the depot?",
      "Can you log an incident so the team can get the printer working again?",
      "We dig for the root cause under a problem record, not inside the incident.",
      "Close the incident once service is restored and open a problem to find out why it failed.",
      "Why is a request for help with the crash being handled as a problem?",
      "Technical management of the supplier contract is done by procurement.",
      "She moved into technical management and now runs the storage systems.",
      "Application performance management will own the alerting for the Java services.",
      "Organise the release notes around the service catalogue.",
      "We organise the hardware refresh around the lifecycle of each server.",
      "The team owns the service lifecycle from design to retirement.",
    ]) assert.deepEqual(hits(s), [], s);
  });
});

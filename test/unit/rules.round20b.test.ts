/**
 * Round 20b behaviours of the rule data: plain frames of the outputs/outcomes, utility/warranty and
 * agreements families. Results called outputs in labels, questions answered in the next sentence and
 * "that matter to" clauses; deliverables called outcomes in "due/outstanding" labels, passives and
 * questions answered with a deliverable; warranty words set beside "the utility side" (and features
 * beside "the warranty side"); SLAs between two internal teams, between engineers and a technical
 * department, of offices with the central IT team, and with suppliers named by trade.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 20b', () => {
  it('reads results called outputs', () => {
    assert.deepEqual(hits('Shorter queues at the pharmacy counter are the output the board cares about.'), ['itil.outcome.outcome-called-output output']);
    assert.deepEqual(hits('The main output for callers is fewer dropped calls.'), ['itil.outcome.outcome-called-output output']);
    assert.deepEqual(hits('An output of the project is that staff can approve invoices from home.'), ['itil.outcome.outcome-called-output output']);
    assert.deepEqual(hits('What outputs will drivers get from the new routing app? They reach depots sooner.'), ['itil.outcome.outcome-called-output outputs']);
    assert.deepEqual(hits('Output for the finance team: month-end closes two days earlier.'), ['itil.outcome.outcome-called-output Output']);
    assert.deepEqual(hits('The outputs that matter to students are faster feedback on assignments.'), ['itil.outcome.outcome-called-output outputs']);
    assert.deepEqual(hits('Is the main output for members that they can renew loans online?'), ['itil.outcome.outcome-called-output output']);
  });

  it('reads deliverables called outcomes', () => {
    assert.deepEqual(hits('The outcome of sprint 3 is a working login page and its API documentation.'), ['itil.outcome.output-called-outcome outcome']);
    assert.deepEqual(hits('Outcomes due this week: the test plan and the release notes.'), ['itil.outcome.output-called-outcome Outcomes']);
    assert.deepEqual(hits('Has the contractor delivered the outcomes yet? We need the spreadsheets by Friday.'), ['itil.outcome.output-called-outcome outcomes']);
    assert.deepEqual(hits('Two outcomes were handed over on Friday: the migration script and the rollback plan.'), ['itil.outcome.output-called-outcome outcomes']);
    assert.deepEqual(hits('What outcomes did the design team deliver? A style guide and a component library.'), ['itil.outcome.output-called-outcome outcomes']);
  });

  it('keeps outputs and outcomes used rightly silent', () => {
    for (const s of [
      "The script's output is written to a log file.",
      'The outcome of the vote was a tie.',
      'We agreed an outcome-based contract.',
      'Outputs such as reports feed the outcomes the customer wants.',
      'The outcome we want is that patients wait less.',
      'Has the project delivered the outcomes the sponsor hoped for? Waiting times are down by a fifth.',
      'What outputs did the design team deliver? A style guide and a component library.',
      'Output: the routers can be rebooted remotely.',
    ]) assert.deepEqual(hits(s), [], s);
  });

  it('reads warranty words called utility and features called warranty', () => {
    assert.deepEqual(hits('Utility requirements for the booking site: 99.9% uptime and encrypted backups.'), ['itil.value.utility-warranty Utility']);
    assert.deepEqual(hits('Resilience and security, the utility side of the service, were reviewed.'), ['itil.value.utility-warranty utility']);
    assert.deepEqual(hits('Backup and restore, the utility part of the design, is owned by the platform team.'), ['itil.value.utility-warranty utility']);
    assert.deepEqual(hits('We improved the utility of the website by adding a CDN and a standby database.'), ['itil.value.utility-warranty utility']);
    assert.deepEqual(hits('The warranty of the app is that agents can scan barcodes at the shelf.'), ['itil.value.warranty-utility warranty']);
    assert.deepEqual(hits('Does the warranty of the HR portal include a leave request form?'), ['itil.value.warranty-utility warranty']);
    assert.deepEqual(hits("Is a mobile check-in screen part of the portal's warranty?"), ['itil.value.warranty-utility warranty']);
    assert.deepEqual(hits('Search and export functions, the warranty side of the shop, launch in June.'), ['itil.value.warranty-utility warranty']);
  });

  it('keeps utility and warranty used rightly silent', () => {
    for (const s of [
      "The laptop's warranty covers the battery for two years.",
      'A CLI utility rotates the logs.',
      'The utility company cut power to the site.',
      'Warranty means the service is available and secure enough.',
      'Utility is what the service does: it lets members renew loans.',
      'Resilience and security, the warranty side of the service, were reviewed.',
      'The utility side of the service, its search and booking functions, was redesigned.',
    ]) assert.deepEqual(hits(s), [], s);
  });

  it('reads SLAs between internal teams and with suppliers', () => {
    assert.deepEqual(hits('The SLAs between the payroll team and the desktop support team are reviewed yearly.'), ['itil.agreement.sla-internal SLAs']);
    assert.deepEqual(hits("An SLA between the studio's build engineers and its QA department covers nightly builds."), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('Every regional office has an SLA with the central IT team for printer repairs.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('Each regional office agreed an SLA with head office IT for printer repairs.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('Our SLA with Telco Ltd, which supplies the WAN links, sets a four-hour fix.'), ['itil.agreement.sla-supplier SLA']);
    assert.deepEqual(hits('Which SLA did we sign with the data centre operator that hosts our racks?'), ['itil.agreement.sla-supplier SLA']);
  });

  it('keeps agreements used rightly silent', () => {
    for (const s of [
      'Our SLA with the hospital trust sets a 99.9% target.',
      'The OLA between networks and the desk covers handovers.',
      'We agreed an underpinning contract with the vendor.',
      'An SLA breach triggers a review.',
      'The SLA we give our members promises replies within a day.',
      'Each department has an SLA with the service desk covering opening hours.',
      'An SLA between the depot systems team and the HR department covers rota changes.',
    ]) assert.deepEqual(hits(s), [], s);
  });
});

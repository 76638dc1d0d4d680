/**
 * Round 21b behaviours of the rule data, read by co-occurrence rather than by word order: utility set
 * beside failures, outages and data loss; warranty set beside what the service does (which formats it
 * supports, whether it prints, a payment method added); outcomes set beside deliverables that are
 * handed over; results called outputs; SLAs between two internal teams written as "A ↔ B SLA"; OLAs
 * under which an outside company does the work.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 21b', () => {
  it('reads utility and warranty by what the sentence is about', () => {
    assert.deepEqual(hits('From a utility point of view, the archive must survive a disk failure without losing records.'), ['itil.value.utility-warranty utility']);
    assert.deepEqual(hits('The kiosk service has poor utility: the screens freeze every afternoon when memory runs out.'), ['itil.value.utility-warranty utility']);
    assert.deepEqual(hits("Adding Google Pay to the checkout improves the app's warranty."), ['itil.value.warranty-utility warranty']);
    assert.deepEqual(hits('Owners judge the warranty of the portal by whether it shows vaccination history.'), ['itil.value.warranty-utility warranty']);
    assert.deepEqual(hits('When we talk about warranty for the crew app, we mean which aircraft types it supports and whether it reads barcodes.'), ['itil.value.warranty-utility warranty']);
  });

  it('reads outputs and outcomes by what is handed over', () => {
    assert.deepEqual(hits("The project's outcomes were all delivered on time: a migration script, a user guide and a cutover checklist."), ['itil.outcome.output-called-outcome outcomes']);
    assert.deepEqual(hits('The desired outcome of this work package is a weekly spreadsheet for store managers.'), ['itil.outcome.output-called-outcome outcome']);
    assert.deepEqual(hits('Outcome delivered: the new search filter deployed to all category pages.'), ['itil.outcome.output-called-outcome Outcome']);
    assert.deepEqual(hits('Lower staff turnover was recorded as an output in the closure report.'), ['itil.outcome.outcome-called-output output']);
  });

  it('reads agreements by who the parties are', () => {
    assert.deepEqual(hits('Database team ↔ app support SLA: 90% of tickets handed over within four hours.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('Samples are tested by LabCorp under an operational level agreement requiring results within 48 hours.'), ['itil.agreement.ola-supplier operational level agreement']);
  });

  it('keeps the right senses silent', () => {
    for (const s of [
      'The scanner is still under warranty until May.',
      'Extended warranty for the handhelds costs £40 a unit.',
      'Warranty covers availability, capacity and security.',
      'Utility is what the service does.',
      'The utility company cut power to the depot.',
      'A small utility converts the CSV files.',
      'Its warranty is weak: it crashes under load.',
      'The disk utility reports failures on the second drive.',
      'Adding two more nodes to the cluster raises the warranty of the search service.',
      "The script's output is written to a log file.",
      'The outcome of the appeal was a refund.',
      'Outputs such as dashboards help the customer achieve the outcomes it wants.',
      'The outcome we want is that patients wait less.',
      'Our SLA with the county council promises 99.9% availability of the planning portal.',
      'The OLA between networks and the desk covers handovers.',
      'Escalations are handled by the network team under an OLA with the desk.',
      'An SLA breach triggers a review.',
    ]) assert.deepEqual(hits(s), [], s);
  });
});

/**
 * Round 24c behaviours of the rule data: results for people called outputs (people doing a task within a
 * time, a drop or rise in a measure listed as an output), deliverables called outcomes (numbered
 * versions, releases and builds), the two words swapped in one sentence; features called warranty
 * (adding streams, downloads, maps), and failover, backup power and security controls called utility.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

const OC = 'itil.outcome.outcome-called-output';
const OO = 'itil.outcome.output-called-outcome';
const WU = 'itil.value.warranty-utility';
const UW = 'itil.value.utility-warranty';

describe('rules: round 24c', () => {
  it('reads results for people called outputs, and deliverables called outcomes', () => {
    assert.deepEqual(hits('The output we want is nurses finishing handover in five minutes.'), [`${OC} output`]);
    assert.deepEqual(hits('A drop in missed deliveries is listed as an output in the charter.'), [`${OC} output`]);
    assert.deepEqual(hits('Version 3.1 was the outcome the board was promised, and it shipped late.'), [`${OO} outcome`]);
    assert.deepEqual(hits('Was the monthly report delivered as an outcome to the client, or is it still in draft?'), [`${OO} outcome`]);
    assert.deepEqual(
      hits('The outputs of the project were lower costs, while its outcomes were the new booking app.').sort(),
      [`${OC} outputs`, `${OO} outcomes`].sort(),
    );
  });

  it('keeps outputs and outcomes used rightly silent', () => {
    for (const s of [
      'Every charter needs two columns: outputs you will deliver and outcomes the business should see.',
      "The script's output is a CSV.",
      'Outcome: the team ships weekly.',
      'The outcomes of the project were lower costs, while its outputs were the new booking app.',
      'The output of the course is staff training materials in three languages.',
      'The report on the drop in missed deliveries is the main output of the review.',
    ]) assert.deepEqual(hits(s), [], s);
  });

  it('reads features called warranty and warranty aspects called utility', () => {
    assert.deepEqual(hits('We are raising warranty by adding 4K streams and offline downloads.'), [`${WU} warranty`]);
    assert.deepEqual(hits('Failover to the standby site is a utility feature of the tracking service.'), [`${UW} utility`]);
    assert.deepEqual(hits('Session timeouts and MFA are part of the utility we promised the clinics.'), [`${UW} utility`]);
    assert.deepEqual(
      hits('Route planning is warranty and backup power is utility, says the vendor deck.').sort(),
      [`${WU} warranty`, `${UW} utility`].sort(),
    );
  });

  it('keeps utility and warranty used rightly silent', () => {
    for (const s of [
      'Adding the offline log gives drivers new utility, since they can record volumes without a signal.',
      "The laptop's warranty covers the battery.",
      'Install it with a CLI utility.',
      "The water utility's billing is late.",
      'Capacity planning is warranty and the booking screen is utility.',
      'Route planning is utility and backup power is warranty, says the vendor deck.',
      'We are raising warranty by adding a standby site and nightly backups.',
    ]) assert.deepEqual(hits(s), [], s);
  });
});

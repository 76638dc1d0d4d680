/**
 * Round 25c behaviours of the rule data: results for people called outputs in new frames, deliverables
 * given as examples of outcomes, features called warranty (praise, questions, "is a catalogue", reasons
 * that name functions), and fit for purpose defined as availability or recoverability.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

const OC = 'itil.outcome.outcome-called-output';
const OO = 'itil.outcome.output-called-outcome';
const WU = 'itil.value.warranty-utility';
const PU = 'itil.value.purpose-use';

describe('rules: round 25c', () => {
  it('reads results for people called outputs, and deliverables given as examples of outcomes', () => {
    assert.deepEqual(hits('The key output of the project is that drivers now wait twelve minutes less at the gate.'), [`${OC} output`]);
    assert.deepEqual(hits('Tenants being able to report a repair in two minutes is the main output sought from the rebuild.'), [`${OC} output`]);
    assert.deepEqual(hits('Desired outputs (Owner: Operations Director): shorter queues; safer crossings.'), [`${OC} outputs`]);
    assert.deepEqual(
      hits('Each project must list its expected outcomes, for example the weekly dashboard and the month-end report pack.'),
      [`${OO} outcomes`],
    );
  });

  it('keeps outputs and outcomes used rightly silent', () => {
    for (const s of [
      'The upgrade produced a new intake form, an output, so that claimants get a decision sooner, which is the outcome the director is paying for.',
      'Each project must list its expected outcomes, for example shorter queues and fewer complaints.',
      'Each project must list its expected outputs, for example the weekly dashboard and the month-end report pack.',
    ]) assert.deepEqual(hits(s), [], s);
  });

  it('reads features called warranty and fit for purpose defined as availability', () => {
    for (const s of [
      "'It does everything we need, the warranty is brilliant,' said the team leader, praising the new upload and e-signature features.",
      'Warranty gaps found: no bulk rebooking and no way to split a fare.',
      'Is the warranty adequate when the platform still cannot produce reading lists for pupils with extra needs?',
      'Our warranty to the clinics is a searchable catalogue of 9,000 products with dose calculators.',
      'The gate service offers good warranty, since it reads container numbers and prints the slip, but its availability has been poor.',
    ]) assert.deepEqual(hits(s).map((h) => h.split(' ')[0]), [WU], s);
    assert.deepEqual(
      hits('For the portal, fit for purpose has been defined as available 24/7 and recoverable within four hours.'),
      [`${PU} fit for purpose`],
    );
  });

  it('keeps warranty, fit for purpose and fit for use used rightly silent', () => {
    for (const s of [
      'The warranty on the scanners runs out in May.',
      'Fit for purpose means it does what the clinics need: search, order, track.',
      'The service is fit for use: available, fast and secure.',
      'Is the warranty adequate when the platform goes down every Monday at peak?',
      'The gate service offers good utility, since it reads container numbers and prints the slip, but its availability has been poor.',
    ]) assert.deepEqual(hits(s), [], s);
  });
});

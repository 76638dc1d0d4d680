/**
 * Round 23c: deliverables listed after a colon or dash and called outcomes; results for people called
 * output (a question answered with a benefit, "as an output of X, people can ..."); warranty named for what
 * a service shows or does; utility named for keeping up with load; and the v3 service lifecycle told as
 * stages in order. The probes of the brief, each with its class.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 23c', () => {
  it('finds the probes of the round, each with its class', () => {
    const cases: Array<[string, string]> = [
      ['Mark these outcomes done as you finish them: runbook, test plan, rollback checklist.', 'itil.outcome.output-called-outcome outcomes'],
      ['What output do the nurses actually want from this? Fewer double bookings and a handover that takes minutes.', 'itil.outcome.outcome-called-output output'],
      ["The upgrade's main output was that the analysts could finally run reports overnight.", 'itil.outcome.outcome-called-output output'],
      ['As an output of the new scheme, tenants can book repairs without phoning.', 'itil.outcome.outcome-called-output output'],
      ['On the warranty side, the new portal adds card payments and a family account.', 'itil.value.warranty-utility warranty'],
      ["The dashboard's warranty is thin: it only shows today's levels, no history.", 'itil.value.warranty-utility warranty'],
      ['For the billing system, utility means it is secure, backed up and up during the month-end run.', 'itil.value.utility-warranty utility'],
      ['The cluster has decent utility now that storage keeps up with the writes.', 'itil.value.utility-warranty utility'],
      ['Under our service lifecycle, every change goes strategy, then design, then transition.', 'itil.v3.service-lifecycle service lifecycle'],
    ];
    for (const [s, want] of cases) assert.deepEqual(hits(s), [want], s);
  });

  it('stays silent on the correct uses of the round', () => {
    for (const s of [
      "The script's output was that the job had failed.",
      'Command output is written to stderr.',
      "The workshop's outputs were a backlog and a test plan; its outcome was that the team could ship weekly.",
      'Adding offline mode improved the utility of the app; adding a second data centre improved its warranty.',
      "The laptop's warranty covers the battery.",
      'Install a CLI utility to parse the logs.',
      'The utility company reads the meters.',
      "We track the lifecycle of the service's hardware.",
      'We bought product lifecycle management software.',
      "ITIL v3's service lifecycle had five stages.",
    ]) {
      assert.deepEqual(hits(s), [], s);
    }
  });
});

/**
 * Round 21a behaviours of the work-item rules, written by class rather than by sentence shape: a
 * routine item (credentials reissued, leavers and joiners, quota and storage, licences, peripherals,
 * memberships and access, pre-approved items) in the same sentence as an incident used as the ticket
 * type; a problem logged for an outage and closed when the service works again; incidents that must
 * carry the root-cause work; and the hard negatives that use the same words rightly. These are the
 * round's probes; its 177 sentences in test/fixtures/labeled/round21a.jsonl are pinned one by one by
 * rules.labeled.test.ts.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 21a', () => {
  it('fires on the probe sentences', () => {
    for (const [s, hit] of [
      ['Lost-PIN calls from the night shift get logged as incidents and closed once the PIN is reissued.', 'itil.work.incident-request incidents'],
      ['Leaver accounts: open an incident with the staff number and the last working day.', 'itil.work.incident-request incident'],
      ['Why are storage quota increases still raised as incidents when they are pre-approved?', 'itil.work.incident-request incidents'],
      ['A Visio licence for a new analyst isn\'t an outage, but the portal still files it under Incidents.', 'itil.work.incident-request Incidents'],
      ['Raise an incident if you need a second monitor or a docking station.', 'itil.work.incident-request incident'],
      ['Each incident in the queue this week was a request to add someone to a shared mailbox.', 'itil.work.incident-request incident'],
      ['The baggage belt stoppage at 06:00 was logged as a problem, and the aim was to get bags moving again before the first departures.', 'itil.work.problem-incident problem'],
      ['The website was down for 25 minutes; this problem was fixed by the on-call engineer, who restarted the web tier.', 'itil.work.problem-incident problem'],
      ['Problem resolved – invoices are printing again in all branches.', 'itil.work.problem-incident Problem'],
      ['Can someone log a problem for the VPN outage that is hitting all home workers right now?', 'itil.work.problem-incident problem'],
      ['Open a P1 problem whenever the payment gateway stops taking cards.', 'itil.work.problem-incident problem'],
      ['Every incident on the claims system must have a root cause analysis attached before the ticket is closed.', 'itil.work.incident-problem incident'],
      ['An incident was opened to find out why the overnight export has failed four times this month and to put in a lasting fix.', 'itil.work.incident-problem incident'],
      ['Incident management owns the investigation into why the warehouse scanners keep dropping off Wi-Fi.', 'itil.work.incident-management-root-cause Incident management'],
    ] as [string, string][]) assert.deepEqual(hits(s), [hit], s);
  });

  it('keeps work items used rightly silent', () => {
    for (const s of [
      'Password resets are service requests, not incidents.',
      'Do not log quota increases as incidents; use the request form.',
      'The outage was logged as an incident and a problem was raised to find the root cause.',
      'No problem, I\'ll restart it.',
      'Major incidents get a review within five days.',
      'The problem record links the three incidents from March.',
      'Once the incident was resolved, the problem team took over the root-cause work.',
      'Users who cannot log in should raise an incident.',
    ]) assert.deepEqual(hits(s), [], s);
  });
});

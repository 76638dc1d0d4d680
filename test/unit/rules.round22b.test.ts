/**
 * Round 22b behaviours of the work-item rules: routine requests whose failure words only explain why
 * they were asked for (a locked account unlocked, an expired password reset, a badge reissued) stay
 * service requests; routine asks filed as problems; problem labels naming an outage with a restore
 * deadline, and problem tickets that got service flowing again; incidents used as the place for causes,
 * workarounds and potential causes of future outages.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 22b', () => {
  it('keeps routine requests with failure words as background silent', () => {
    for (const s of [
      "Runbook: if a member's account is locked after three failed login attempts, unlock it and close the service request.",
      'A badge that failed to print is reissued through a service request.',
      "When a user's password has expired, the reset is handled as a service request.",
    ]) assert.deepEqual(hits(s), [], s);
  });

  it('still reads broken things raised as service requests', () => {
    assert.deepEqual(hits('The password reset page is down, so people raise a service request.'), ['itil.work.request-incident service request']);
    assert.deepEqual(hits('Raise a service request if the badge reader at the main door fails.'), ['itil.work.request-incident service request']);
  });

  it('reads routine asks filed as problems', () => {
    assert.deepEqual(hits('Requests to add a new site to the courier rota should be opened as problems so the planning team can track them.'), ['itil.work.problem-request problems']);
  });

  it('reads outages called problems', () => {
    assert.deepEqual(hits('Problem: payroll portal down at the Leeds office, restore by 15:00'), ['itil.work.problem-incident Problem']);
    assert.deepEqual(hits("A dozen customers couldn't pay overnight; the duty manager opened a problem ticket and had payments flowing again within the hour."), ['itil.work.problem-incident problem']);
  });

  it('reads causes and workarounds kept as incidents', () => {
    assert.deepEqual(hits('Incidents are where we record the underlying cause and the workaround for the recurring pump faults.'), ['itil.work.incident-problem Incidents']);
    assert.deepEqual(hits('The trend review points to three incidents nobody has raised yet: likely causes of future outages that nobody has investigated.'), ['itil.work.incident-problem incidents']);
  });

  it('reads equipment orders called incidents', () => {
    assert.deepEqual(hits('Ordering a replacement card reader for the lab is an incident, so route it to facilities.'), ['itil.work.incident-request incident']);
  });

  it('keeps the right words silent', () => {
    for (const s of [
      'Problem: the supplier cannot deliver until May.',
      "No problem, I'll restore it from backup.",
      'The incident was restored in ten minutes; a problem was opened to find the cause.',
      'Log an incident if the card reader stops working.',
      'Ordering a laptop is a service request.',
      'Each incident record links to the problem that explains it.',
    ]) assert.deepEqual(hits(s), [], s);
  });
});

/**
 * Round 18 behaviours of the rule data: the role rules share named vocabularies (one designation list and
 * one evidence list per role), designations read as appositives, labels, participles and possessives,
 * question-and-answer passages, problems closed because service came back, request categories dressed
 * as incidents, outcome/output labels and deliverables, capacity called utility, agreements with rented
 * services or between internal teams, and v3 function names used as teams that run systems.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 18', () => {
  it('declares the role vocabularies once and uses them in every role rule', () => {
    const file = JSON.parse(fs.readFileSync(path.join(__dirname, '../../glossary/rules/roles.json'), 'utf8'));
    for (const name of ['designation', 'useEvidence', 'fundEvidence', 'requireEvidence', 'supplyEvidence']) assert.ok(file.vocabulary[name], name);
    for (const rule of file.rules) if (rule.code !== 'itil.role.supplier-sponsor') assert.match(JSON.stringify(rule.context), /\{\{designation\}\}/, rule.code);
  });

  it('reads appositives, labels, participles and possessives as role designations', () => {
    assert.deepEqual(hits('Ines Obrecht, our customer on the kennel rota app, enters the feeding notes every evening.'), ['itil.role.customer-user customer']);
    assert.deepEqual(hits('The dog groomers are recorded in the service catalogue as customers, but they only check in patients at the desk.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('Glenmore Tools, listed as a sponsor of the brewhouse, maintains and repairs our fermenters.'), ['itil.role.sponsor-supplier sponsor']);
    assert.deepEqual(hits('The county is the compost site\'s customer only in the financial sense: it pays for the weighing software.'), ['itil.role.customer-sponsor customer']);
    assert.deepEqual(hits('Vendor of record for the dome software: the friends\' society, which releases the grant money.'), ['itil.role.supplier-sponsor Vendor']);
    assert.deepEqual(hits('Glenmore Tools is recorded in the asset register as our supplier; it repairs the fermenters.'), []);
  });

  it('joins a question about a role and the sentence that answers it', () => {
    assert.deepEqual(hits('Who is the customer for the kennel app? The nurses who read its alerts on their phones every shift.'), ['itil.role.customer-user customer']);
    assert.deepEqual(hits('Who is the customer for the kennel app? The practice owner, who agreed the service levels.'), []);
  });

  it('flags problems closed because service came back and requests logged as incidents', () => {
    assert.deepEqual(hits('Fixing the problem took 15 minutes and the tasting-room tills were back up.'), ['itil.work.problem-incident problem']);
    assert.deepEqual(hits('Service came back in 15 minutes, but the problem stays open until the cause is known.'), []);
    assert.deepEqual(hits('Guests who forget their PIN call reception, where the call is logged as an incident.'), ['itil.work.incident-request incident']);
    assert.deepEqual(hits('Guests whose room phone stops working call reception, where the call is logged as an incident.'), []);
  });

  it('tells outcomes from outputs by what follows the label or the verb', () => {
    assert.deepEqual(hits('Output for the kennels: nurses can see each dog\'s diet without phoning the vet.'), ['itil.outcome.outcome-called-output Output']);
    assert.deepEqual(hits('The release of version 2.4 of the rota app is this month\'s main outcome.'), ['itil.outcome.output-called-outcome outcome']);
    assert.deepEqual(hits('Output for the kennels: a printed diet sheet and a new rota.'), []);
  });

  it('reads crashes under load called poor utility as warranty', () => {
    assert.deepEqual(hits('The ticket site has poor utility, freezing whenever a show goes on sale.'), ['itil.value.utility-warranty utility']);
    assert.deepEqual(hits('The ticket site has poor utility: it cannot sell family tickets.'), []);
  });

  it('names agreements for rented services contracts and agreements between teams OLAs', () => {
    assert.deepEqual(hits('Which SLA covers the circuits the depot rents from Kestrel Networks?'), ['itil.agreement.sla-supplier SLA']);
    assert.deepEqual(hits('The DBAs have agreed an SLA with the storage team for restores.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('Which SLA covers the booking service we provide to the ski clubs?'), []);
  });

  it('reads v3 function names used as teams that run systems', () => {
    assert.deepEqual(hits('Technical management runs the brewery\'s SCADA servers.'), ['itil.v3.technical-management Technical management']);
    assert.deepEqual(hits('We buy application management services from a partner.'), []);
  });
});

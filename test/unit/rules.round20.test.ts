/**
 * Round 20 behaviours of the rule data: roles and work items in plain frames. Customers of an internal
 * tool (consoles, trackers, planners, tills) who use it; questions answered by naming the role ("Who
 * defined the requirements? The users in pathology."), yes/no questions and their answers, relative
 * clauses ("the users, who set the acceptance criteria") and "Users:" labels; appositive suppliers
 * ("our customer, the cleaning contractor, supplies us ..."). Request items classed as incidents by a
 * plain copula ("a request for a spare dock is an incident"), fulfilment of incidents, relative clauses
 * ("toner orders, which we log as incidents"), questions answered yes; teams that own or find the root
 * cause; negated logging stays silent.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 20', () => {
  it('reads customers of an internal tool as users, and yes/no questions by their answer', () => {
    assert.deepEqual(hits('Every call handler is a customer of the dispatch console and works in it all shift.'), ['itil.role.customer-user customer']);
    assert.deepEqual(hits('Are the lab technicians customers of the sample tracker? Yes, they use it on every bench run.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('Are the drivers customers of the fuel-card portal? No, the fleet office buys the service for them.'), []);
    assert.deepEqual(hits('Customers open tickets when the checkout fails.'), []);
  });

  it('reads questions answered by naming the users, relative clauses and labels', () => {
    assert.deepEqual(hits('Who defined the requirements for the new lab system? The users in pathology.'), ['itil.role.user-customer users']);
    assert.deepEqual(hits('Who funded the portal upgrade? The sales users, from their cost centre.'), ['itil.role.user-sponsor users']);
    assert.deepEqual(hits('The finance users, who set the acceptance criteria, rejected the first release.'), ['itil.role.user-customer users']);
    assert.deepEqual(hits('Users: sign the service level agreement and review the targets every quarter.'), ['itil.role.user-customer Users']);
    assert.deepEqual(hits('The users who fund the data warehouse want a cheaper tier next year.'), ['itil.role.user-sponsor users']);
    assert.deepEqual(hits('Who defined the requirements for the new lab system? Not the users: the head of pathology.'), []);
    assert.deepEqual(hits('Users agree to the terms of service when they sign up.'), []);
  });

  it('reads appositive suppliers called customers', () => {
    assert.deepEqual(hits('Our customer, the cleaning contractor, supplies us the floor scrubbers on lease.'), ['itil.role.customer-supplier customer']);
    assert.deepEqual(hits('Our customers, the two print shops, invoice us for every leaflet run.'), ['itil.role.customer-supplier customers']);
    assert.deepEqual(hits('Our supplier ships us the replacement scanners every quarter.'), []);
  });

  it('reads request items classed as incidents, fulfilled incidents and answered questions', () => {
    assert.deepEqual(hits('A request for a spare docking station is an incident in our tool.'), ['itil.work.incident-request incident']);
    assert.deepEqual(hits('Is a request for a new keyboard an incident or not? Yes, log it as one.'), ['itil.work.incident-request incident']);
    assert.deepEqual(hits('Work through the incident backlog and fulfil the software installs first.'), ['itil.work.incident-request incident']);
    assert.deepEqual(hits('Our incidents are fulfilled from the catalogue within two days.'), ['itil.work.incident-request incidents']);
    assert.deepEqual(hits('Toner orders, which we log as incidents, take two days to fulfil.'), ['itil.work.incident-request incidents']);
    assert.deepEqual(hits('Is a request for a new keyboard an incident? No, it is a service request.'), []);
    assert.deepEqual(hits('Is a broken keyboard an incident? Yes, log it as one.'), []);
    assert.deepEqual(hits('Requests for new laptops are fulfilled from the service catalogue, not logged as incidents.'), []);
    assert.deepEqual(hits('To fulfil the SLA, every incident must be acknowledged within 15 minutes.'), []);
  });

  it('reads incident teams that own the root cause', () => {
    assert.deepEqual(hits('The incident team owns the root cause of the recurring VPN drops.'), ['itil.work.incident-problem incident']);
    assert.deepEqual(hits('The problem team owns the root cause of the recurring VPN drops.'), []);
  });
});

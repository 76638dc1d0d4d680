/**
 * Round 13 behaviours of the rule data: roles assigned by a label ("is listed as the customer") against what
 * the rest of the sentence shows, quiz answers after a semicolon, affected people of an access failure,
 * agreements written by users, and the wider spans restored now that word-triggered rules are cheap
 * ("internal SLA", "technical management function").
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 13', () => {
  it('judges a role label against the evidence in the rest of the sentence', () => {
    assert.deepEqual(hits('Priya is listed as the main customer of the shift planner, since she signs in at 5 a.m. to publish the rota.'), ['itil.role.customer-user customer']);
    assert.deepEqual(hits('Westbrook Trust appears as a customer on the stakeholder map because it authorised the grant for the kiosks.'), ['itil.role.customer-sponsor customer']);
    assert.deepEqual(hits('Brightpaper is classed as a customer in the CMDB, but we buy all our label stock from them.'), ['itil.role.customer-supplier customer']);
    assert.deepEqual(hits('Because he signed off the funding, Mr Okafor is shown as a user on the RACI chart.'), ['itil.role.user-sponsor user']);
    assert.deepEqual(hits('Dana is registered as the sponsor of the booking system because she agreed the service levels and wrote the acceptance criteria.'), ['itil.role.sponsor-customer sponsor']);
  });

  it('keeps quiet when the evidence fits the label or points two ways', () => {
    assert.deepEqual(hits('The hospital trust is listed as the customer because it defined the requirements and negotiated the service levels.'), []);
    assert.deepEqual(hits('Maria is listed as the customer; she approved the budget and also signed the SLA.'), []);
    assert.deepEqual(hits('The director is named as the customer in the charter, while the users sign in daily to the app.'), []);
    assert.deepEqual(hits('The council is registered as the customer and its staff log in every day to the permits portal.'), []);
  });

  it('reads a quiz answer after a semicolon', () => {
    assert.deepEqual(hits('Question 4 asks which role uses the timesheet app every morning; the correct answer is the customer.'), ['itil.role.customer-user customer']);
    assert.deepEqual(hits('Question 5 asks who agrees the service levels with the provider; the correct answer is the customer.'), []);
  });

  it('names the people hit by an access failure users, and those who negotiate service levels customers', () => {
    assert.deepEqual(hits('When one of our customers in the finance department forgets their VPN token, the desk issues a temporary code.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('Customers of the bank lost access to the mobile app for two hours on Saturday.'), []);
    assert.deepEqual(hits('The SLA was negotiated line by line by the end users.'), ['itil.role.user-customer end users']);
    assert.deepEqual(hits('Our customer Aqualytics delivers the loggers to us and charges us for each one.'), ['itil.role.customer-supplier customer']);
  });

  it('flags the wider spans once', () => {
    assert.deepEqual(hits('Internal SLA between the service desk and the network team: four hours to respond.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('Tier-two engineers belong to the technical management function.'), ['itil.v3.technical-management technical management']);
    assert.deepEqual(hits('The application management platform sends a message when a deployment function fails.'), []);
  });
});

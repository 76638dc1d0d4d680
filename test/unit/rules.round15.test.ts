/**
 * Round 15 behaviours of the rule data, from a new writer's forms: a role given as a label followed by
 * hands-on daily use, users who sign off or negotiate requirements, a supplier called a customer because
 * we buy from it, funders named supplier/customer/user, internal staff locked out during a fault, buyers
 * called suppliers, the v3 application management team, request types logged as incidents, root-cause
 * analysis of an incident, results called outputs and artefacts called outcomes, features called warranty
 * and warranty qualities called utility, and SLAs with a named company or between two internal teams.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 15', () => {
  it('reads a role label followed by hands-on use, and staff locked out during a fault', () => {
    assert.deepEqual(hits('Customers: the cellar crew who log in to the stock app at the start of every shift.'), ['itil.role.customer-user Customers']);
    assert.deepEqual(hits('Customers: season-ticket holders who tap their cards at the turnstiles every match day.'), []);
    assert.deepEqual(hits('Customers at the station tap in with their cards.'), []);
    assert.deepEqual(hits('During the power cut, customers in the signal box could not load the train describer.'), ['itil.role.customer-user customers']);
    assert.deepEqual(hits('During the power cut, customers at the ticket office could not buy day passes.'), []);
    assert.deepEqual(hits('When a radiographer forgets her PIN, the desk resets that customer\'s access card.'), ['itil.role.customer-user customer']);
  });

  it('names requirement owners customers, funders sponsors, and buyers customers', () => {
    assert.deepEqual(hits('The response targets were negotiated directly with the users at the quarry office.'), ['itil.role.user-customer users']);
    assert.deepEqual(hits('Users in the claims office, who own the outcomes of the portal, approved its requirements.'), ['itil.role.user-customer Users']);
    assert.deepEqual(hits('Our customer for printer toner is Inkwell, which delivers it to our offices every month.'), ['itil.role.customer-supplier customer']);
    assert.deepEqual(hits('Our customer for printed programmes is the opera house, which pays us every month.'), []);
    assert.deepEqual(hits('Approval of the budget for the ticketing kiosks rests with the customer, the park\'s owner.'), ['itil.role.customer-sponsor customer']);
    assert.deepEqual(hits('The dean, who funds the lab-booking service from her faculty budget, is listed as its supplier.'), ['itil.role.supplier-sponsor supplier']);
    assert.deepEqual(hits('The dean funds the lab-booking service from her budget, and Lably is its supplier.'), []);
    assert.deepEqual(hits('Our suppliers - the anglers who buy day permits from us - want a faster booking page.'), ['itil.role.supplier-customer suppliers']);
    assert.deepEqual(hits('Our suppliers - the mills that sell us flour - want faster payment.'), []);
  });

  it('flags the v3 application management team', () => {
    assert.deepEqual(hits('The application management team patches the court-booking system.'), ['itil.v3.application-management application management']);
    assert.deepEqual(hits('Mobile application management keeps data on the rangers\' phones encrypted.'), []);
  });

  it('names routine requests service requests and cause-finding problems', () => {
    assert.deepEqual(hits('Requests for spare head torches are logged as P4 incidents at the mine office.'), ['itil.work.incident-request incidents']);
    assert.deepEqual(hits('Winch failures at the mine are logged as P2 incidents.'), []);
    assert.deepEqual(hits('Root-cause analysis for this incident will be run by the network team once the tills are back.'), ['itil.work.incident-problem incident']);
    assert.deepEqual(hits('The incident will be closed once the tills are back.'), []);
  });

  it('tells results (outcomes) from artefacts (outputs)', () => {
    assert.deepEqual(hits('Expected outputs for the herbarium: botanists able to find any specimen in seconds.'), ['itil.outcome.outcome-called-output outputs']);
    assert.deepEqual(hits('Expected outputs for the herbarium: 9,000 scanned sheets and a web index.'), []);
    assert.deepEqual(hits('The tender packs and the signed contracts are the outcomes of the procurement work.'), ['itil.outcome.output-called-outcome outcomes']);
    assert.deepEqual(hits('Outcome: the report was shared with the board.'), []);
  });

  it('calls features utility and warranty qualities warranty', () => {
    assert.deepEqual(hits('Without the ability to reserve lanes, the pool app lacks the warranty members asked for.'), ['itil.value.warranty-utility warranty']);
    assert.deepEqual(hits('Without a backup server, the pool app lacks the warranty members asked for.'), []);
    assert.deepEqual(hits('Availability and latency, in other words the app\'s utility, are reported monthly.'), ['itil.value.utility-warranty utility']);
  });

  it('reads the parties of an SLA', () => {
    assert.deepEqual(hits('Stonebridge\'s SLA with Carrow Telecom requires them to repair a cut line within eight hours.'), ['itil.agreement.sla-supplier SLA']);
    assert.deepEqual(hits('The archive depends on the estates team for humidity control, and both teams have signed an SLA for it.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('Both teams read the SLA with the pub chains before the renewal.'), []);
  });
});

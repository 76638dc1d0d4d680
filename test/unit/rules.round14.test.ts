/**
 * Round 14 behaviours of the rule data: the round-13 work-item, output/outcome, utility/warranty and
 * internal-agreement classes, plus a new writer's forms: staff on the floor called customers, a role named
 * by copula or "for" with the other role's evidence in the same clause, incidents counted by request type,
 * problems that took a service down, outcomes that are artefacts (and outputs that are results), warranty
 * that adds features, and SLAs with a named vendor or with the organization's own teams.
 */
import * as assert from 'node:assert/strict';
import { ruleHits as hits } from '../helpers/glossary';

describe('rules: round 14', () => {
  it('names routine requests service requests, outages incidents and cause-finding problems', () => {
    assert.deepEqual(hits('New porters open an incident to receive their radio handset and locker key.'), ['itil.work.incident-request incident']);
    assert.deepEqual(hits('Password resets made up 41% of last month\'s incidents at the university desk.'), ['itil.work.incident-request incidents']);
    assert.deepEqual(hits('Name-change incidents spike every summer when players transfer between clubs.'), ['itil.work.incident-request incidents']);
    assert.deepEqual(hits('Log an incident if the badge reader rejects every card at the main entrance.'), []);
    assert.deepEqual(hits('The problem that took down the departure boards lasted 35 minutes before service was restored.'), ['itil.work.problem-incident problem']);
    assert.deepEqual(hits('Duration of the problem: 47 minutes; wards affected: 6.'), ['itil.work.problem-incident problem']);
    assert.deepEqual(hits('Raise a problem if the portal keeps going down for the same reason.'), []);
    assert.deepEqual(hits('To stop the incident from recurring, engineers traced the freezes to a misconfigured switch.'), ['itil.work.incident-problem incident']);
    assert.deepEqual(hits('To stop the incident from spreading, engineers isolated the affected ward.'), []);
    assert.deepEqual(hits('The aim of problem management is to restore the booking service quickly after each outage.'), ['itil.work.problem-management-restore problem management']);
  });

  it('tells artefacts (outputs) from results (outcomes)', () => {
    assert.deepEqual(hits('Main outcomes for Q2: the weekly claims report, a new intake form and release 3.1.'), ['itil.outcome.output-called-outcome outcomes']);
    assert.deepEqual(hits('The desired outcome of this sprint is an updated shift spreadsheet delivered to every depot.'), ['itil.outcome.output-called-outcome outcome']);
    assert.deepEqual(hits('Key outcomes for Q2: fewer missed appointments and shorter queues at reception.'), []);
    assert.deepEqual(hits('The match outcome (win, loss or draw) is written to the league\'s statistics feed.'), []);
    assert.deepEqual(hits('The output we want for policyholders is a claim that is settled within a week.'), ['itil.outcome.outcome-called-output output']);
    assert.deepEqual(hits('Output expected: forecasters at every station can see radar images without calling the centre.'), ['itil.outcome.outcome-called-output Output']);
    assert.deepEqual(hits('The output that matters most is the signed discharge letter.'), []);
  });

  it('calls features utility and staying up warranty', () => {
    assert.deepEqual(hits('To improve the warranty of the weather app, we will add pollen counts and a UV index.'), ['itil.value.warranty-utility warranty']);
    assert.deepEqual(hits('Warranty fell short because callers could not filter appointments by clinic.'), ['itil.value.warranty-utility Warranty']);
    assert.deepEqual(hits('To improve the warranty of the weather app, we will add a second data centre.'), []);
    assert.deepEqual(hits('Utility was judged poor because the booking system kept timing out during busy clinics.'), ['itil.value.utility-warranty Utility']);
    assert.deepEqual(hits('Fit for purpose, in our terms, means the servers stay up and cope with 300 concurrent matches.'), ['itil.value.purpose-use Fit for purpose']);
    assert.deepEqual(hits('The app is fit for use because it does everything the physiotherapists asked for.'), ['itil.value.use-purpose fit for use']);
  });

  it('reads the other party of an agreement', () => {
    assert.deepEqual(hits('Skyport\'s SLA with Baggix, the vendor that maintains our baggage-handling software, is renewed every year.'), ['itil.agreement.sla-supplier SLA']);
    assert.deepEqual(hits('The council\'s SLA with AWS covers the hosting of the parking app.'), ['itil.agreement.sla-supplier SLA']);
    assert.deepEqual(hits('The OLA we hold with Vetlab, an independent laboratory, sets a 48-hour turnaround.'), ['itil.agreement.ola-supplier OLA']);
    assert.deepEqual(hits('Between the forecasting division and the weather service\'s own data-centre team there is an SLA.'), ['itil.agreement.sla-internal SLA']);
    assert.deepEqual(hits('The kitchen and the events office, both part of Harrow Hall, have a service level agreement.'), ['itil.agreement.sla-internal service level agreement']);
    assert.deepEqual(hits('Skyport\'s SLA with the airlines sets check-in availability targets.'), []);
    assert.deepEqual(hits('The SLA between Skyport and the airlines that use its terminals sets check-in availability.'), []);
  });

  it('judges roles by what the people do', () => {
    assert.deepEqual(hits('Customers on the loading dock scan every crate\'s barcode into the stock system.'), ['itil.role.customer-user Customers']);
    assert.deepEqual(hits('Customers kept phoning the call centre after their policy renewals failed.'), []);
    assert.deepEqual(hits('The head of admissions is the user for the bed-management service: she agreed the availability target and answers for the results.'), ['itil.role.user-customer user']);
    assert.deepEqual(hits('Funding for the new scoreboard was authorised by its customer, the league commissioner.'), ['itil.role.customer-sponsor customer']);
    assert.deepEqual(hits('Northgrid Hosting, the customer from whom our team rents its database servers, raised prices again.'), ['itil.role.customer-supplier customer']);
    assert.deepEqual(hits('Northgrid Hosting, the customer to whom we rent spare rack space, pays monthly.'), []);
    assert.deepEqual(hits('Skyport\'s suppliers - the airlines that set the requirements and negotiate its service levels - meet us every quarter.'), ['itil.role.supplier-customer suppliers']);
    assert.deepEqual(hits('Skyport\'s suppliers - the firms that deliver fuel and catering - meet us every quarter.'), []);
  });
});

/** The key tree of the Safety and Security chapter (`safety_and_security`): one answer per measure. */
import { answer, k, map, text } from './keyBuilders';
import type { KeySpec } from './types';

const S = 'safety-security';

export const safetyKeys: KeySpec = map('safety_and_security', S, [
  map('framework', `${S}/1`, [
    answer('creating_the_framework', `${S}/1.1`, [
      k('confirmed', `${S}/1.1`, 'date', { hint: 'Date the Framework was confirmed.', onceDone: true }),
    ]),
    answer('implementing_the_framework', `${S}/1.2`),
    answer('updating_the_framework', `${S}/1.3`, [k('last_assessed', `${S}/1.3`, 'date', { onceDone: true })]),
    answer('framework_notifications', `${S}/1.4`, [k('notified', `${S}/1.4`, 'date', { optional: true })]),
  ]),
  map('risk_identification', `${S}/2`, [
    answer('identification_process', `${S}/2.1`, [
      k('specified_risks', `${S}/2.1`, 'keyed-map', {
        values: 'specified-risks',
        entry: text('*', `${S}/2.1`, { hint: 'How this risk was identified and where it is analysed.' }),
      }),
    ]),
    answer('risk_scenarios', `${S}/2.2`),
  ]),
  map('risk_analysis', `${S}/3`, [
    answer('model_independent_information', `${S}/3.1`),
    answer('model_evaluations', `${S}/3.2`),
    answer('risk_modelling', `${S}/3.3`),
    answer('risk_estimation', `${S}/3.4`),
    answer('post_market_monitoring', `${S}/3.5`),
  ]),
  map('risk_acceptance', `${S}/4`, [
    answer('acceptance_criteria', `${S}/4.1`),
    answer('proceeding_decision', `${S}/4.2`),
  ]),
  map('safety_mitigations', `${S}/5`, [answer('appropriate_safety_mitigations', `${S}/5.1`)]),
  map('security_mitigations', `${S}/6`, [
    answer('security_goal', `${S}/6.1`),
    answer('appropriate_security_mitigations', `${S}/6.2`),
  ]),
  map('model_reports', `${S}/7`, [
    answer('model_description_and_behaviour', `${S}/7.1`),
    answer('reasons_for_proceeding', `${S}/7.2`),
    answer('risk_documentation', `${S}/7.3`),
    answer('external_reports', `${S}/7.4`),
    answer('material_changes', `${S}/7.5`),
    answer('model_report_updates', `${S}/7.6`, [
      k('last_updated', `${S}/7.6`, 'date', { hint: 'Date of the latest Model Report update.', onceDone: true }),
    ]),
    answer('model_report_notifications', `${S}/7.7`, [
      k('provided', `${S}/7.7`, 'date', {
        hint: 'Date the Model Report was made available to the AI Office.',
        onceDone: true,
      }),
    ]),
  ]),
  map('responsibility_allocation', `${S}/8`, [
    answer('clear_responsibilities', `${S}/8.1`),
    answer('appropriate_resources', `${S}/8.2`),
    answer('healthy_risk_culture', `${S}/8.3`),
  ]),
  map('serious_incident_reporting', `${S}/9`, [
    answer('identification_methods', `${S}/9.1`),
    answer('incident_information', `${S}/9.2`),
    answer('reporting_timelines', `${S}/9.3`, [
      map('initial_report_days', `${S}/9.3`, [
        k('critical_infrastructure', `${S}/9.3`, 'number'),
        k('cybersecurity_breach', `${S}/9.3`, 'number'),
        k('death', `${S}/9.3`, 'number'),
        k('serious_harm', `${S}/9.3`, 'number'),
      ]),
      k('intermediate_report_weeks', `${S}/9.3`, 'number'),
      k('final_report_days', `${S}/9.3`, 'number'),
    ]),
    answer('retention_period', `${S}/9.4`, [k('retention_years', `${S}/9.4`, 'number')]),
  ]),
  map('additional_documentation', `${S}/10`, [
    answer('additional_documentation', `${S}/10.1`, [k('retention_years', `${S}/10.1`, 'number')]),
    answer('public_transparency', `${S}/10.2`),
  ]),
]);

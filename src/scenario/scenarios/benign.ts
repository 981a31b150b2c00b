/** benign: an ordinary three days; nothing happened. The trainee should find no incident. */
import { standardQuestions } from '../questions';
import { INCIDENT_DAY } from '../world';
import type { ScenarioDef } from './types';

export const benign: ScenarioDef = {
  name: 'benign',
  description: 'Only normal activity and ordinary noise: no incident, no high-severity finding expected.',
  async build({ w }) {
    return {
      summary: 'No incident: ordinary pilots, payloads, transfers, failed logins and malformed lines only.',
      questions: standardQuestions(w, INCIDENT_DAY + 8 * 3_600_000, INCIDENT_DAY + 12 * 3_600_000),
      compromised: [],
      flagged: [],
      attackerIps: [],
      affectedUsers: [],
      affectedPilots: [],
      affectedPayloads: [],
      expectedFindings: [],
      noHighSeverity: true,
      containment: ['None needed: close the case as a false alarm and keep the logs for the 180-day traceability period.'],
      handover: 'Reason for hand-over: routine traceability drill. Our monitoring raised no alert for 21-23 November; please confirm that nothing suspicious happened and answer the traceability questions.',
    };
  },
};

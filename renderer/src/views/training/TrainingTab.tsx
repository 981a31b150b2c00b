/** The Training view: generated incident exercises with an answer key. */
import { EmptyState } from '../EmptyState';

export function TrainingTab() {
  return (
    <EmptyState title="Training exercises are not available in this build yet">
      Here you will generate a realistic incident bundle from a seed (a stolen token used from a foreign IP, a leaked token in a log, an over-long
      lifetime…), investigate it like a real case, answer the questions and get a score against the answer key.
    </EmptyState>
  );
}

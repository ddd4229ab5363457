// The shapes of a case on the kernel as the modules built on it answer them: the kernel has no routes
// of its own; the ticket, casework and matter replies embed a case's state, history and actions.
import type { CaseSnapshot, WorkflowEvent } from '../../domain/workflow/machine.ts';

/** One step of a case's history (the machine's state and action names are its module's). */
export type CaseEvent<S extends string = string, A extends string = string> = WorkflowEvent<S, A>;

/** A stored event, numbered in its case. */
export interface EventRow<S extends string = string, A extends string = string> extends CaseEvent<S, A> {
  seq: number;
}

/** A case with its full history. */
export interface CaseView<S extends string, A extends string> extends CaseSnapshot<S, A> {
  id: number;
  subject: string | null;
  dueOn: string | null;
  closedAt: string | null;
}

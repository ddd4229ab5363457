// Names and colours of the matter workbench, from the domain's own data (one home per word).
import {
  CHANNEL_NAMES,
  type Channel,
  LEVEL_NAMES,
  type Level,
  limitText,
} from '../../../../src/domain/matter/catalogue.ts';
import {
  MATTER_DIRECT,
  MATTER_REVIEWED,
  MATTER_STATES,
  type MatterAction,
  type MatterState,
} from '../../../../src/domain/matter/machine.ts';

export { CHANNEL_NAMES, LEVEL_NAMES, limitText, MATTER_STATES };

export const STATE_COLOR: Record<MatterState, string> = {
  notified: 'orange',
  deferred: 'gold',
  accepted: 'blue',
  correcting: 'volcano',
  completed: 'green',
  refused: 'red',
  withdrawn: 'default',
};

/** The button label of an action (the machine's own label). */
export function actionLabel(action: MatterAction): string {
  const t = [...MATTER_REVIEWED.transitions, ...MATTER_DIRECT.transitions].find((x) => x.action === action);
  return t?.label ?? action;
}

/** Actions that ask for a reason before they are sent. */
export const REASON_ACTIONS: readonly MatterAction[] = [
  'return',
  'refuse',
  'withdraw',
  'extend',
  'transfer',
  'escalate',
];

export const channelName = (c: string) => CHANNEL_NAMES[c as Channel] ?? c;
export const levelName = (l: string) => LEVEL_NAMES[l as Level] ?? l;
export const stateName = (s: string) => MATTER_STATES[s as MatterState] ?? s;

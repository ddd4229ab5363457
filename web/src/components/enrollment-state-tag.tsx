// An enrollment's 参保状态 as every page shows it: the server's state (domain/registry/enrollment-state,
// judged on the server's day), the same four names and colours on the person file and the 参保登记 page.
import { Tag, Tooltip } from 'antd';
import {
  ENROLLMENT_STATE_NAMES,
  type EnrollmentState,
  enrollmentState,
} from '../../../src/domain/registry/enrollment-state.ts';

const COLORS: Record<EnrollmentState, string> = {
  not_started: 'blue',
  active: 'green',
  expired: 'default',
  stopped: 'default',
};

export interface StatedEnrollment {
  status: string;
  beginDate: string;
  endDate: string;
  stoppedOn: string | null;
  stopReason?: string | null;
  /** computed by the server on its day; recomputed on `today` when absent */
  state?: EnrollmentState;
}

export function EnrollmentStateTag({ e, today }: { e: StatedEnrollment; today: string }) {
  const state = e.state ?? enrollmentState(e, today);
  const text = `${ENROLLMENT_STATE_NAMES[state]}${state === 'stopped' && e.stoppedOn ? `（${e.stoppedOn}）` : ''}`;
  const tag = <Tag color={COLORS[state]}>{text}</Tag>;
  return state === 'stopped' && e.stopReason ? <Tooltip title={e.stopReason}>{tag}</Tooltip> : tag;
}

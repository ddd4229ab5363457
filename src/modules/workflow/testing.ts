// Factories for workflow tests: staff accounts to act as the sample machine's clerk and reviewers.
import type { Db } from '../../db/types.ts';
import { addStaff } from '../accounts/testing.ts';
import type { Actor } from './service.ts';

/** Creates accounts clerk, reviewer1…reviewerN; the clerk may accept, the reviewers may also approve. */
export async function sampleActors(db: Db, reviewers = 4): Promise<{ clerk: Actor; reviewers: Actor[] }> {
  const make = async (name: string, permissions: string[]): Promise<Actor> => {
    const staff = await addStaff(db, 'clerk', { villageCode: null }, { username: name });
    return { id: staff.id, name, permissions: new Set(permissions) };
  };
  const clerk = await make('clerk', ['sample.accept']);
  const list: Actor[] = [];
  for (let i = 1; i <= reviewers; i++)
    list.push(await make(`reviewer${i}`, ['sample.accept', 'sample.approve']));
  return { clerk, reviewers: list };
}

// The browser tests' demo county, seeded ahead of them: `npm test` runs this beside the unit files,
// where it takes a share of two busy cores, rather than in the first browser suite, where it held
// the whole run up (about 70 s on CI). It is the template harness.ts would seed (same key, same
// lock): a browser suite that finds it still seeding waits for it.
import { demoTemplate } from './harness.ts';

await demoTemplate();

// Factories for other modules' tests and the benches: the policy versions the worked examples are
// computed with (the demo county's resident 390 of docs/domain benefit-rules.md and employee 310),
// stored as an admin would store them; versions already present are left alone.
export { seedDemoPolicies } from '../../demo/policies.ts';

// The settlement module's face for other modules' tests and the benches: a county, persons,
// institutions and catalogue items built straight in the database.
export {
  ADMDVS,
  addInstitution,
  addItems,
  addPerson,
  EXAMPLE_ITEMS,
  type InstitutionSpec,
  type ItemSpec,
  type PersonSpec,
  seedCounty,
  TOWNSHIP,
  VILLAGE,
} from './test-factories.ts';

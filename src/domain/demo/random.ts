// The seeded generator lives in domain/shared (supervision sampling uses it too).
export * from '../shared/random.ts';

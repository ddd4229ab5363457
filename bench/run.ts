// npm run bench [name …]: runs the named benches, or all of them. Each bench is a file here
// exporting one function; add a line to BENCHES for a new one.
const BENCHES: Record<string, () => Promise<void>> = {
  import: async () => (await import('./import.ts')).runImportBench(),
  'import-load': async () => (await import('./import-load.ts')).runImportLoadBench(),
  settlement: async () => (await import('./settlement.ts')).runSettlementBench(),
  pages: async () => (await import('./pages.ts')).runPagesBench(),
  supervision: async () => (await import('./supervision.ts')).runSupervisionBench(),
  'supervision-api': async () => (await import('./supervision-api.ts')).runSupervisionApiBench(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length > 0) {
  console.error(`未知的基准测试: ${unknown.join(', ')}；可选: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  console.log(`# bench ${name}`);
  await BENCHES[name]();
}

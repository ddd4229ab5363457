// The demo county's e-voucher and social-security-card scheme, so a demo or a test can read a
// person by mdtrt_cert_type 01 or 03 (1101, 2201, 2401) exactly as a HIS does. Data written at
// seed time (his.writeSchemeCredentials → person_credential_scheme), not a rule of the lookup: a
// real deployment loads the tokens and card numbers it is given into person_credential.
//   医保电子凭证 (01): token = 'DEMOEV' + the person's ID number   e.g. DEMOEV410926197002030018
//   社会保障卡  (03): card  = 'SSC' + the person's ID number      e.g. SSC410926197002030018
export const DEMO_CREDENTIAL_SCHEME = {
  voucherPrefix: 'DEMOEV',
  cardPrefix: 'SSC',
  validFrom: '2000-01-01',
} as const;

export const demoVoucherToken = (certno: string) => `${DEMO_CREDENTIAL_SCHEME.voucherPrefix}${certno}`;
export const demoCardNo = (certno: string) => `${DEMO_CREDENTIAL_SCHEME.cardPrefix}${certno}`;

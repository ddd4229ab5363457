// The HIS interface's permissions. The endpoint itself authenticates institutions by their credential;
// issuing, rotating and revoking that credential is the admin's (the secret opens the fund).
export const HIS_PERMISSIONS = {
  'his.credential.manage': { name: 'HIS 接入凭证签发、轮换与吊销', roles: ['admin'] },
} as const;

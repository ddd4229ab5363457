// yibao credential issue|rotate|revoke|show <fixmedins_code>: an institution's HIS credential from the
// command line (the same service as the workbench, audited as the CLI). issue and rotate print the
// secret once; nothing shows it again. Exit code 0 done, 1 refused (with the reason), 2 bad usage.
import { dbConfigFromEnv, openDb } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import type { Db } from '../../db/types.ts';
import { isAppError } from '../../domain/shared/errors.ts';
import type { Actor } from '../../modules/audit/index.ts';
import {
  CREDENTIAL_STATE_NAMES,
  type CredentialStatus,
  credentialStatus,
  issueCredential,
  revokeCredential,
  rotateCredential,
} from '../../modules/his/index.ts';
import { type Command, parseFlags } from './types.ts';

const USAGE = '用法: yibao credential issue|rotate|revoke|show <机构编码>';
const CLI_ACTOR: Actor = { id: null, name: 'cli' };

function describe(s: CredentialStatus): string[] {
  return [
    `机构编码   ${s.fixmedinsCode}`,
    `状态       ${CREDENTIAL_STATE_NAMES[s.state]}`,
    `接入账号   ${s.paasid ?? '—'}（x-tif-paasid）`,
    `签发时间   ${s.issuedAt ?? '—'}`,
    `轮换时间   ${s.rotatedAt ?? '—'}`,
    `吊销时间   ${s.revokedAt ?? '—'}`,
  ];
}

/** The command's work on an open database (the tests call this). */
export async function credentialCommandRun(
  db: Db,
  args: string[],
  out: (s: string) => void,
  now: () => Date = () => new Date(),
): Promise<number> {
  const { positional } = parseFlags(args);
  const [action, code] = positional;
  if (!['issue', 'rotate', 'revoke', 'show'].includes(action) || !code || !/^[HP]\d{11}$/.test(code)) {
    out(USAGE);
    return 2;
  }
  try {
    if (action === 'show') {
      // the institution is read FOR SHARE, as when a credential is issued
      out(describe(await db.tx((tx) => credentialStatus(tx, code))).join('\n'));
      return 0;
    }
    if (action === 'revoke') {
      const s = await db.tx((tx) => revokeCredential(tx, CLI_ACTOR, code, now()));
      out(`已吊销机构 ${code} 的接入凭证，其 HIS 的调用自此刻起一律拒绝。`);
      out(describe(s).join('\n'));
      return 0;
    }
    const issued = await db.tx((tx) =>
      action === 'issue'
        ? issueCredential(tx, CLI_ACTOR, code, now())
        : rotateCredential(tx, CLI_ACTOR, code, now()),
    );
    out(
      action === 'issue'
        ? `已为机构 ${code} 签发接入凭证。`
        : `已轮换机构 ${code} 的接入密钥，旧密钥自此刻起失效。`,
    );
    out(describe(issued).join('\n'));
    out(`接入密钥   ${issued.secret}`);
    out('请立即将接入密钥安全地交给机构的 HIS 厂商：密钥只显示这一次，之后无法再次查看。');
    return 0;
  } catch (e) {
    if (!isAppError(e)) throw e;
    out(`${e.message}（${e.code}）`);
    return 1;
  }
}

export const credentialCommand: Command = {
  summary: 'credential issue|rotate|revoke|show <机构编码>：签发、轮换、吊销或查看机构的 HIS 接入凭证',
  async run(args) {
    const db = await openDb(dbConfigFromEnv());
    try {
      await migrate(db);
      return await credentialCommandRun(db, args, (s) => console.log(s));
    } finally {
      await db.close();
    }
  },
};

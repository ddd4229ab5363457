// Sending the login code. The server is given one SmsSender by the assembly:
// - production: a gateway reached over HTTP (YIBAO_SMS_URL, posted {phone, text}); with none
//   configured every send is refused with SELFSERVICE_SMS_UNCONFIGURED (短信通道未配置);
// - the demo county: a sink table the /m/ login page reads back and shows, marked 演示, so demos and
//   browser tests run without a gateway. It is chosen only when the server runs the demo county.
// Neither writes the code to the log.
import type { Tx } from '../../db/types.ts';
import { selfserviceError } from '../../domain/selfservice/errors.ts';
import { maskPhone } from '../../domain/shared/masking.ts';
import { insertSink } from './repo.ts';

export interface SmsMessage {
  psnNo: string;
  phone: string;
  text: string;
}

export interface SmsSender {
  readonly kind: 'gateway' | 'unconfigured' | 'demo';
  send(q: Tx, m: SmsMessage, now: Date): Promise<void>;
}

export const unconfiguredSender: SmsSender = {
  kind: 'unconfigured',
  async send() {
    throw selfserviceError('SELFSERVICE_SMS_UNCONFIGURED');
  },
};

/** The demo sink: the message goes to a table the demo login page shows (never the log). */
export const demoSink: SmsSender = {
  kind: 'demo',
  async send(q, m, now) {
    await insertSink(q, { psnNo: m.psnNo, phone: maskPhone(m.phone) ?? '', text: m.text, at: now });
  },
};

/** An HTTP gateway: POST {phone, text} as JSON; any answer but 2xx refuses the request. */
export function gatewaySender(url: string, fetcher: typeof fetch = fetch): SmsSender {
  return {
    kind: 'gateway',
    async send(_q, m) {
      let ok = false;
      try {
        const r = await fetcher(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ phone: m.phone, text: m.text }),
          signal: AbortSignal.timeout(10_000),
        });
        ok = r.ok;
      } catch {
        ok = false;
      }
      if (!ok) throw selfserviceError('SELFSERVICE_SMS_UNCONFIGURED', '短信发送失败，请稍后再试');
    },
  };
}

/** The sender for a server: the demo sink in demo mode, else the configured gateway or none. */
export function senderFor(demo: boolean, env: NodeJS.ProcessEnv): SmsSender {
  if (demo) return demoSink;
  return env.YIBAO_SMS_URL ? gatewaySender(env.YIBAO_SMS_URL) : unconfiguredSender;
}

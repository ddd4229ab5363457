// The request body's character set. Most HIS send UTF-8; older ones (and several kiosks) send
// GBK/GB18030, sometimes saying so in Content-Type, sometimes not. A declared GB charset is
// decoded as GB18030 (a superset of GBK and GB2312); an undeclared body that is not valid UTF-8
// is read as GB18030 too, so a Chinese name arrives as the name and not as mojibake.
const GB = /^(gbk|gb2312|gb18030|x-gbk|cp936|ms936|windows-936)$/i;

export function declaredCharset(contentType: string | undefined): string | null {
  const m = /charset\s*=\s*"?([\w-]+)"?/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : null;
}

// decoders are stateless between whole-body decodes: one of each serves every request
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030');

export function decodeBody(body: Uint8Array, contentType: string | undefined): string {
  const charset = declaredCharset(contentType);
  if (charset && GB.test(charset)) return GB18030.decode(body);
  try {
    return UTF8.decode(body);
  } catch {
    return GB18030.decode(body);
  }
}

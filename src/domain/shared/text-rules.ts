// What a name may not contain. Names (persons, households, institutions, addresses, staff) are
// printed on 结算单, matched against partner departments' lists and searched at the counter; a
// character nobody can see makes two identical-looking names differ, a bidi override makes a
// printed name read differently from what is stored, a NUL is refused by the database, and a
// U+FFFD replacement character means the text was decoded from the wrong encoding upstream.
// Each kind is refused with its own code and a Chinese message naming the character.

export type TextProblemCode =
  | 'TEXT_CONTROL_CHAR'
  | 'TEXT_BROKEN_ENCODING'
  | 'TEXT_INVISIBLE_CHAR'
  | 'TEXT_BIDI_CONTROL';

export interface TextProblem {
  code: TextProblemCode;
  message: string;
  /** the offending character as U+XXXX */
  char: string;
  index: number;
}

/** Invisible formatting characters with the names a clerk can look up. */
const INVISIBLE: Record<number, string> = {
  173: '软连字符',
  847: '组合用字形连接符',
  1564: '阿拉伯字母标记',
  6158: '蒙古文元音分隔符',
  8203: '零宽空格',
  8204: '零宽不连字',
  8205: '零宽连字',
  8206: '从左至右标记',
  8207: '从右至左标记',
  8288: '零宽不折行空格',
  8289: '不可见函数符',
  8290: '不可见乘号',
  8291: '不可见分隔符',
  8292: '不可见加号',
  65279: '字节顺序标记 BOM',
};

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

const isBidiControl = (cp: number) => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
const isControl = (cp: number) => cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
const isLoneSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;

/**
 * The first character a name may not hold, or null when the text is clean.
 * label: what the field is, for the message (姓名, 地址, 机构名称 …).
 */
export function textProblem(text: string, label = '名称'): TextProblem | null {
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const at = { char: hex(cp), index };
    if (isControl(cp)) {
      const what = cp === 0 ? '空字符（NUL）' : `控制字符 ${hex(cp)}`;
      return { code: 'TEXT_CONTROL_CHAR', message: `${label}含有${what}，请删除后重新输入`, ...at };
    }
    if (cp === 0xfffd || isLoneSurrogate(cp)) {
      return {
        code: 'TEXT_BROKEN_ENCODING',
        message: `${label}含有乱码字符（${hex(cp)}），原始数据的编码可能有误，请核对后重新输入`,
        ...at,
      };
    }
    if (isBidiControl(cp)) {
      return {
        code: 'TEXT_BIDI_CONTROL',
        message: `${label}含有文字方向控制字符（${hex(cp)}），会使显示与实际内容不一致，请删除后重新输入`,
        ...at,
      };
    }
    const invisible = INVISIBLE[cp];
    if (invisible) {
      return {
        code: 'TEXT_INVISIBLE_CHAR',
        message: `${label}含有不可见字符（${hex(cp)} ${invisible}），请删除后重新输入`,
        ...at,
      };
    }
    index += ch.length;
  }
  return null;
}

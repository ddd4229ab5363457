// 与户主关系: the one code list of relations a household member is recorded with, and the words a
// 户口本 (and the ledgers copied from it) uses for them. A 户口本 writes the precise relation (长子,
// 孙女, 外孙子, 儿媳, 女婿, 弟 …); the registry keeps the family group it belongs to, which is what
// the household file and the rules need.
export const RELATIONS = [
  '户主',
  '配偶',
  '子女',
  '子女配偶',
  '父母',
  '孙子女',
  '祖父母',
  '兄弟姐妹',
  '其他',
] as const;
export type Relation = (typeof RELATIONS)[number];

const words = (relation: Relation, list: string) => list.split(' ').map((w) => [w, relation] as const);

const RELATION_WORDS: Record<string, Relation> = Object.fromEntries([
  ...RELATIONS.map((r) => [r, r] as const),
  ...words('户主', '本人'),
  ...words('配偶', '妻 夫 妻子 丈夫 夫妻'),
  ...words(
    '子女',
    '子 女 儿子 女儿 长子 长女 次子 次女 三子 三女 四子 四女 独生子 独生女 养子 养女 继子 继女 儿女',
  ),
  ...words('子女配偶', '儿媳 儿媳妇 媳妇 女婿'),
  ...words('父母', '父亲 母亲 父 母 公公 婆婆 岳父 岳母 继父 继母 养父 养母'),
  ...words('孙子女', '孙子 孙女 外孙 外孙子 外孙女 外孙子女 曾孙 曾孙子 曾孙女 孙媳 孙女婿'),
  ...words('祖父母', '祖父 祖母 外祖父 外祖母 爷爷 奶奶 外公 外婆 姥爷 姥姥'),
  ...words('兄弟姐妹', '兄 弟 姐 妹 哥哥 弟弟 姐姐 妹妹 兄弟 姐妹 嫂子 弟媳 姐夫 妹夫'),
  ...words('其他', '其他亲属 非亲属 侄子 侄女 外甥 外甥女 伯父 叔父 姑母 舅父 姨母'),
]);

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** The relation a 户口本 word stands for; null when the word is not known. */
export function resolveRelation(raw: string): Relation | null {
  return RELATION_WORDS[squash(raw)] ?? null;
}

/** The message for a relation that is not recognised. */
export const RELATION_HINT = `与户主关系应为 ${RELATIONS.join('、')}（可照户口本填写，如 长子、孙女、外孙子、儿媳、女婿、弟）`;

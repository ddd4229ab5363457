// Plausible Chinese names for the demo county: surnames weighted roughly by their frequency in
// the northern plain (王, 李, 张, 刘 lead), given names drawn from pools that follow the fashion of
// the birth decade (建国 and 秀英 for the elderly, 浩然 and 欣怡 for children).
import type { Random } from './random.ts';

const SURNAME_TABLE = [
  '王92 李80 张78 刘62 陈38 杨34 赵30 黄16 周18 吴14 徐14 孙20 胡12 朱14 高16 林6 何8 郭18',
  '马16 罗6 梁10 宋14 郑10 谢6 韩12 唐6 冯10 于8 董10 萧2 程8 曹10 袁6 邓6 许10 傅3 沈4 曾3',
  '彭5 吕8 苏6 卢6 蒋5 蔡5 贾8 丁6 魏8 薛6 叶4 阎5 余4 潘4 杜7 戴3 夏4 钟3 汪3 田8 任7 姜5 范7',
  '方4 石6 姚5 谭3 廖2 邹3 熊3 金4 陆3 郝6 孔5 白6 崔6 康4 毛4 邱3 秦5 江3 史5 顾2 侯5 邵3 孟6',
  '龙2 万3 段4 雷3 钱2 汤3 尹4 黎2 易2 常5 武6 乔5 贺4 赖1 龚2 文3 牛5 申3 葛3 聂3',
].join(' ');

/** [surname, relative weight] — weights are per mille of the population, rounded. */
export const SURNAMES: readonly (readonly [string, number])[] = SURNAME_TABLE.split(' ').map(
  (t) => [t[0], Number(t.slice(1))] as const,
);

type Era = 'old' | 'middle' | 'young';

// Two-character given names are the norm; a share of single characters keeps it natural.
const GIVEN_TEXT: Record<Era, { male: string; female: string }> = {
  old: {
    male: '建国 国华 德明 振华 保国 志强 文华 长春 玉山 金生 铁柱 春生 树林 福田 广才 庆丰 守义 学文 永福 新民 明亮 占奎 宝山 俊峰 洪 军 勇 成 林 海',
    female:
      '秀英 桂兰 玉兰 秀兰 凤英 桂英 淑珍 玉珍 素梅 翠花 兰英 春梅 桂芝 秀珍 金凤 玉梅 月娥 淑芳 爱华 秀云 爱莲 凤琴 巧云 淑兰 英 兰 芳 霞 梅 珍',
  },
  middle: {
    male: '伟 强 磊 军 勇 杰 涛 超 鹏 辉 刚 斌 晓东 志刚 海涛 建华 红军 永强 卫东 国强 俊杰 少华 春雷 向阳 利民 新华 立新 晓明 东升 文斌',
    female:
      '丽 静 敏 燕 艳 娟 霞 芳 红梅 丽娟 海燕 晓红 春燕 玉霞 丽萍 秀梅 亚丽 慧敏 晓燕 彩霞 美玲 雪梅 红霞 丽华 小红 艳玲 爱玲 金霞 桂香 文静',
  },
  young: {
    male: '浩然 子轩 宇航 俊熙 梓豪 一鸣 子涵 浩宇 博文 家豪 天佑 明轩 思远 睿 浩 宇 鑫 晨阳 锦程 子墨 嘉懿 泽宇 奕辰 俊豪 皓轩 文博 梓睿 逸凡 昊天 沐阳',
    female:
      '欣怡 梓涵 诗涵 子涵 雨涵 可馨 佳怡 梦琪 思琪 语嫣 一诺 若汐 紫萱 雨桐 佳琪 欣妍 婉清 梓萱 悦 瑶 琳 萌 心怡 晨曦 语桐 思彤 依诺 乐瑶 沐晴 安然',
  },
};

const split = (p: { male: string; female: string }) => ({
  male: p.male.split(' '),
  female: p.female.split(' '),
});
const GIVEN: Record<Era, { male: readonly string[]; female: readonly string[] }> = {
  old: split(GIVEN_TEXT.old),
  middle: split(GIVEN_TEXT.middle),
  young: split(GIVEN_TEXT.young),
};

export function eraOf(birthYear: number): Era {
  if (birthYear < 1966) return 'old';
  if (birthYear < 1996) return 'middle';
  return 'young';
}

export function pickSurname(r: Random): string {
  return r.weighted(SURNAMES);
}

export function pickGivenName(r: Random, gender: '1' | '2', birthYear: number): string {
  const pool = GIVEN[eraOf(birthYear)];
  return r.pick(gender === '1' ? pool.male : pool.female);
}

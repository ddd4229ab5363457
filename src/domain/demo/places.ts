// The demo county's map: twelve townships (the county seat 城关镇, eight 镇 and three 乡) and about
// 200 villages and communities. Codes follow the statistical division scheme: township = county
// code + 3 digits (1xx 镇, 2xx 乡), village = township code + 3 digits (0xx 社区, 2xx 村).
import type { Random } from './random.ts';

export interface DemoTownship {
  code: string;
  name: string;
}

export interface DemoVillage {
  code: string;
  townshipCode: string;
  name: string;
  /** relative population weight; communities of the county seat are the largest */
  weight: number;
  community: boolean;
}

// [code suffix, name, villages incl. communities, population weight]
const TOWNSHIPS: readonly (readonly [string, string, number, number])[] = [
  ['101', '城关镇', 22, 2.2],
  ['102', '清河镇', 18, 1.2],
  ['103', '杨集镇', 17, 1.1],
  ['104', '马庄镇', 16, 1.0],
  ['105', '新店镇', 18, 1.1],
  ['106', '王楼镇', 16, 1.0],
  ['107', '桃园镇', 15, 0.9],
  ['108', '双庙镇', 17, 1.0],
  ['109', '陈营镇', 16, 0.9],
  ['201', '柳林乡', 15, 0.8],
  ['202', '河湾乡', 14, 0.7],
  ['203', '高岗乡', 16, 0.8],
];

const SEAT_COMMUNITIES = [
  '人民路社区',
  '文化路社区',
  '建设路社区',
  '东关社区',
  '西关社区',
  '南关社区',
  '北关社区',
];
const PREFIXES = ['', '', '', '东', '西', '南', '北', '前', '后', '大', '小', '新', '老'];
const ROOTS =
  '王 李 张 刘 陈 杨 赵 孙 郭 马 高 宋 韩 冯 董 曹 许 吕 贾 魏 田 任 范 郝 孔 白 崔 孟 武 乔 牛 常 史 侯 秦 葛 聂 段'.split(
    ' ',
  );
const SUFFIXES = '庄 楼 寨 集 屯 店 营 桥 庙 岗 园 湾 堂 口 坡 洼 圈 堤'.split(' ');

export interface DemoPlaces {
  admdvs: string;
  regionName: string;
  townships: DemoTownship[];
  villages: DemoVillage[];
}

export function buildPlaces(r: Random, admdvs: string, regionName: string): DemoPlaces {
  const townships: DemoTownship[] = [];
  const villages: DemoVillage[] = [];
  const used = new Set<string>();
  for (const [suffix, name, count, weight] of TOWNSHIPS) {
    const code = `${admdvs}${suffix}`;
    townships.push({ code, name });
    const root = name.slice(0, -1);
    const communities = suffix === '101' ? SEAT_COMMUNITIES : suffix.startsWith('1') ? [`${root}社区`] : [];
    communities.forEach((c, i) => {
      used.add(c);
      villages.push({
        code: `${code}${String(i + 1).padStart(3, '0')}`,
        townshipCode: code,
        name: c,
        weight: weight * (suffix === '101' ? 2.2 : 1.6) * (0.8 + r.next() * 0.4),
        community: true,
      });
    });
    for (let i = 0; i < count - communities.length; i++) {
      let v: string;
      do {
        v = `${r.pick(PREFIXES)}${r.pick(ROOTS)}${r.pick(SUFFIXES)}村`;
      } while (used.has(v));
      used.add(v);
      villages.push({
        code: `${code}${String(201 + i)}`,
        townshipCode: code,
        name: v,
        weight: weight * (0.6 + r.next() * 0.9),
        community: false,
      });
    }
  }
  return { admdvs, regionName, townships, villages };
}

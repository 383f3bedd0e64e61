// The local content check: a small rule set standing in for msgSecCheck when WeChat is not there.
// Labels are msgSecCheck's own codes, so handlers see one vocabulary from both checks.
import type { ContentCheck, ContentVerdict } from '../../ports';

/** msgSecCheck v2 result labels used here. */
export const LABEL = {
  porn: '20002',
  abuse: '20003',
  illegal: '20006', // gambling, violence, terror
  fraud: '20008',
  other: '21000',
} as const;

/** Clearly prohibited phrases (regulation §7.1), matched after normalisation. */
export const PROHIBITED: readonly { phrase: string; label: string }[] = [
  // 色情
  { phrase: '约炮', label: LABEL.porn },
  { phrase: '裸聊', label: LABEL.porn },
  { phrase: '招嫖', label: LABEL.porn },
  { phrase: '色情服务', label: LABEL.porn },
  // 赌博
  { phrase: '赌博网站', label: LABEL.illegal },
  { phrase: '博彩代理', label: LABEL.illegal },
  { phrase: '赌场开户', label: LABEL.illegal },
  { phrase: '网赌平台', label: LABEL.illegal },
  // 诈骗
  { phrase: '刷单返利', label: LABEL.fraud },
  { phrase: '信用卡套现', label: LABEL.fraud },
  { phrase: '转账到安全账户', label: LABEL.fraud },
  { phrase: '无抵押秒下款', label: LABEL.fraud },
  // 暴力 / 恐怖
  { phrase: '制作炸弹', label: LABEL.illegal },
  { phrase: '买卖枪支', label: LABEL.illegal },
  { phrase: '砍死你', label: LABEL.illegal },
  { phrase: '炸死你', label: LABEL.illegal },
  // 辱骂
  { phrase: '傻逼', label: LABEL.abuse },
  { phrase: '操你妈', label: LABEL.abuse },
  { phrase: '贱人', label: LABEL.abuse },
  { phrase: '去死吧', label: LABEL.abuse },
];

// Zero-width and other invisible format characters people insert to split a word.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;
const SPACE = /\s/gu;
// Separators between the characters of a word ("赌.博", "傻*逼", "操 你 妈").
const SEPARATORS = /[\p{P}\p{S}_]/gu;

/** The text as the rules see it: width-folded, lower-case, without invisible characters, spaces or separators. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(INVISIBLE, '').replace(SPACE, '').replace(SEPARATORS, '');
}

export function checkLocally(text: string): ContentVerdict {
  if (text.length > 0 && text.replace(INVISIBLE, '').replace(SPACE, '').length === 0) {
    // Nothing visible: blank names and notes made of spaces or zero-width characters.
    return { pass: false, label: LABEL.other };
  }
  const plain = normalise(text);
  for (const rule of PROHIBITED) {
    if (plain.includes(rule.phrase)) return { pass: false, label: rule.label };
  }
  return { pass: true };
}

export function createLocalContentCheck(): ContentCheck {
  return {
    async check(text) {
      return checkLocally(text);
    },
  };
}

import { describe, expect, it } from 'vitest';
import {
  composeMessage,
  type DigestEntry,
  dingtalkPayload,
  ROBOT_MAX_BYTES,
  robotAnswerProblem,
  robotDigests,
  signedDingtalkUrl,
  wecomPayload,
} from './robot-messages.js';

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('robot and e-mail messages', () => {
  const message = composeMessage(
    'red',
    '6月进展逾期未报：3. 新建学校',
    '请立即报送。',
    'https://mx.example.gov.cn/items/7',
  );

  it('carries the colour label, the body and the link', () => {
    expect(message.subject).toBe('【红色督办】6月进展逾期未报：3. 新建学校');
    expect(message.body).toBe('请立即报送。\n\n查看详情 (details)：https://mx.example.gov.cn/items/7');
    expect(composeMessage('blue', 't', 'b', null)).toEqual({ subject: '【蓝色提醒】t', body: 'b' });
    expect(composeMessage('yellow', 't', 'b', null).subject).toBe('【黄色预警】t');
  });

  it('uses the published WeCom and DingTalk markdown shapes', () => {
    expect(wecomPayload(message)).toEqual({
      msgtype: 'markdown',
      markdown: { content: `### ${message.subject}\n\n${message.body}` },
    });
    expect(dingtalkPayload(message)).toEqual({
      msgtype: 'markdown',
      markdown: { title: message.subject, text: `### ${message.subject}\n\n${message.body}` },
    });
    expect(bytes(dingtalkPayload({ subject: 's', body: '长'.repeat(8000) }).markdown.text)).toBeLessThanOrEqual(20_000);
    expect(dingtalkPayload({ subject: 's', body: '长'.repeat(6000) }).markdown.text.endsWith('…')).toBe(false);
    const long = wecomPayload({ subject: 's', body: '长'.repeat(3000) }).markdown.content;
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(4096);
  });

  it('judges answers by errcode', () => {
    expect(robotAnswerProblem(200, { errcode: 0, errmsg: 'ok' })).toBeNull();
    expect(robotAnswerProblem(200, { errcode: 310000, errmsg: 'sign not match' })).toBe(
      'errcode 310000: sign not match',
    );
    expect(robotAnswerProblem(500, null)).toBe('HTTP 500');
    expect(robotAnswerProblem(200, null)).toContain('JSON');
  });

  it('url-encodes the DingTalk signature', () => {
    const url = signedDingtalkUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 1700000000000, 'a+b/c=');
    expect(url).toBe('https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=a%2Bb%2Fc%3D');
  });
});

describe('robot digests', () => {
  const entry = (level: string, n: number, body = `第${n}条的正文。`): DigestEntry => ({
    level,
    ...composeMessage(level, `事项${n}`, body, `https://mx.example.gov.cn/items/${n}`),
  });

  it('puts every reminder in one message, red first, then yellow, then blue', () => {
    const entries = [entry('blue', 1), entry('red', 2), entry('yellow', 3), entry('blue', 4), entry('red', 5)];
    const digests = robotDigests(entries, ROBOT_MAX_BYTES.wecom);
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest?.title).toBe('【民心工程提醒】5条');
    expect(digest?.entries).toEqual([1, 4, 2, 0, 3]);
    expect(digest?.markdown).toBe(
      [
        '### 【民心工程提醒】5条\n【红色督办】2条 【黄色预警】1条 【蓝色提醒】2条',
        '**1. 【红色督办】事项2**\n> 第2条的正文。\n> 查看详情 (details)：https://mx.example.gov.cn/items/2',
        '**2. 【红色督办】事项5**\n> 第5条的正文。\n> 查看详情 (details)：https://mx.example.gov.cn/items/5',
        '**3. 【黄色预警】事项3**\n> 第3条的正文。\n> 查看详情 (details)：https://mx.example.gov.cn/items/3',
        '**4. 【蓝色提醒】事项1**\n> 第1条的正文。\n> 查看详情 (details)：https://mx.example.gov.cn/items/1',
        '**5. 【蓝色提醒】事项4**\n> 第4条的正文。\n> 查看详情 (details)：https://mx.example.gov.cn/items/4',
      ].join('\n\n'),
    );
    expect(robotDigests([], 4096)).toEqual([]);
  });

  it('splits only where the size limit demands, each message within it, every reminder once', () => {
    // Each block is about 1.1 KB (330 Chinese characters): three fit in 4096 bytes with the heading, not four.
    const entries = Array.from({ length: 10 }, (_, i) => entry(i % 2 ? 'red' : 'blue', i + 1, '长'.repeat(330)));
    const wecom = robotDigests(entries, ROBOT_MAX_BYTES.wecom);
    expect(wecom.map((d) => d.entries.length)).toEqual([3, 3, 3, 1]);
    for (const d of wecom) expect(bytes(d.markdown)).toBeLessThanOrEqual(4096);
    expect(wecom.flatMap((d) => d.entries).sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    expect(wecom.map((d) => d.title)).toEqual([1, 2, 3, 4].map((i) => `【民心工程提醒】10条（${i}/4）`));
    expect(
      wecom[1]?.markdown.startsWith('### 【民心工程提醒】10条（第2/4部分）\n【红色督办】5条 【蓝色提醒】5条'),
    ).toBe(true);
    // Numbering runs on across the messages; red ones come first.
    expect(wecom[1]?.markdown).toContain('**4. 【红色督办】事项8**');
    expect(wecom[3]?.markdown).toContain('**10. 【蓝色提醒】事项9**');
    // Without WeCom's limit they all go in one message (DingTalk's 20000 bytes).
    const whole = robotDigests(entries, 20_000);
    expect(whole).toHaveLength(1);
    expect(bytes(whole[0]?.markdown ?? '')).toBeGreaterThan(4096);
    expect(robotDigests(entries, ROBOT_MAX_BYTES.dingtalk)).toHaveLength(1);
  });

  it('cuts a single reminder too long for any message', () => {
    const [digest, ...rest] = robotDigests([entry('red', 1, '长'.repeat(5000))], ROBOT_MAX_BYTES.wecom);
    expect(rest).toEqual([]);
    expect(bytes(digest?.markdown ?? '')).toBeLessThanOrEqual(4096);
    expect(bytes(digest?.markdown ?? '')).toBeGreaterThan(4000);
    expect(digest?.markdown.endsWith('…')).toBe(true);
  });
});

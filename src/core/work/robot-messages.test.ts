import { describe, expect, it } from 'vitest';
import {
  composeMessage,
  dingtalkPayload,
  robotAnswerProblem,
  signedDingtalkUrl,
  wecomPayload,
} from './robot-messages.js';

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

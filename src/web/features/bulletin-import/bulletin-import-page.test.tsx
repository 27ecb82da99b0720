// @vitest-environment happy-dom
import { act } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulletinPreview } from '../../api/bulletin-import.js';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, programme, sessionOf } from '../../testing/fixtures.js';
import {
  click,
  type FakeResponse,
  fakeApi,
  getButton,
  getByLabel,
  type RecordedRequest,
  type Rendered,
  render,
  type,
  waitFor,
} from '../../testing/render.js';
import { BulletinImportPage } from './bulletin-import-page.js';

const TEXT = '01  出行便利工程\n新增公交線(xiàn)路3條。目前，已開通2條。';

const PREVIEW: BulletinPreview = {
  script: 'hant',
  genre: 'district',
  title: '西青区上半年民心工程“成绩单”出炉',
  cutoff: { year: 2024, month: 6 },
  period: 'M06',
  matches: [
    {
      paragraph: { category: '出行便利工程', text: '新增公交线路3条。目前，已开通公交线路2条。', position: 1 },
      itemId: 101,
      itemNumber: '1',
      itemName: '新增公交线路',
      categoryTitle: '出行便利工程',
      leadUnitName: '区交通局',
      evidence: '首句与子项1的全年目标一致',
      claimedDone: false,
      values: [{ indicatorId: 501, indicatorName: '公交线路', unit: '条', value: 2, text: '公交线路2条' }],
      existingReportId: null,
    },
    {
      paragraph: { category: '出行便利工程', text: '改造公交站台20个。该项目已完成。', position: 2 },
      itemId: 102,
      itemNumber: '2',
      itemName: '改造公交站台',
      categoryTitle: '出行便利工程',
      leadUnitName: '区住建委',
      evidence: '首句与子项2的全年目标一致',
      claimedDone: true,
      values: [],
      existingReportId: 77,
    },
  ],
  unmatched: [
    {
      paragraph: { text: '全区公共交通持续改善。', position: 0 },
      kind: 'tie',
      reason: '有2个子项同样符合（1 新增公交线路；2 改造公交站台），不自动匹配，请核对后手工录入。',
      candidates: [
        { itemId: 101, number: '1', name: '新增公交线路' },
        { itemId: 102, number: '2', name: '改造公交站台' },
      ],
    },
  ],
  dropped: ['分享到：'],
};

const PLAN = {
  programmeId: 12,
  year: 2024,
  frequency: 'monthly',
  periods: ['M05', 'M06', 'M07'].map((period, i) => ({
    period,
    startDate: `2024-0${5 + i}-01`,
    dueDate: `2024-0${5 + i}-25`,
    open: true,
    locked: false,
  })),
};

function api(extra: Record<string, FakeResponse | ((request: RecordedRequest) => FakeResponse)>) {
  return fakeApi({
    'GET /api/v1/session': sessionOf(adminUser),
    'GET /api/v1/programmes/12': { status: 200, body: programme },
    'GET /api/v1/programmes/12/reporting-plan': { status: 200, body: PLAN },
    ...extra,
  });
}

const page = () => (
  <RequireSession>
    <Routes>
      <Route path="/programmes/:id/bulletin-import" element={<BulletinImportPage />} />
    </Routes>
  </RequireSession>
);
const bodyText = () => document.body.textContent ?? '';
const checkbox = (name: string) => {
  const found = document.querySelector<HTMLInputElement>(`input[type="checkbox"][aria-label="选择“${name}”"]`);
  if (!found) throw new Error(`no checkbox for ${name}`);
  return found;
};

async function pasteAndRead(text = TEXT): Promise<void> {
  await waitFor(() => getByLabel('通报文字'));
  await type(getByLabel('通报文字'), text);
  await click(getButton('识别通报'));
}

describe('BulletinImportPage', { timeout: 30_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('previews pasted text: matches with their evidence and values, unmatched paragraphs with the reason', async () => {
    const calls = api({ 'POST /api/v1/programmes/12/bulletin-import/preview': { status: 200, body: PREVIEW } });
    view = await render(page(), { route: '/programmes/12/bulletin-import' });
    await pasteAndRead();

    await waitFor(() => expect(bodyText()).toContain('已匹配的段落（2）'));
    const sent = calls.requests.find((r) => r.url === '/api/v1/programmes/12/bulletin-import/preview');
    expect(sent?.body).toEqual({ text: TEXT });
    for (const shown of [
      '繁体（已转为简体）',
      '2024年6月底',
      '区级“成绩单”（按大项分段）',
      '1 新增公交线路',
      '首句与子项1的全年目标一致',
      '公交线路：2 条',
      '通报称已完成',
      '本期已有报告，导入时将被拒绝',
      '未匹配的段落（1）',
      '多个子项同样符合',
      '不自动匹配，请核对后手工录入',
      '已忽略的网页内容（1 行）',
    ]) {
      expect(bodyText()).toContain(shown);
    }
    // Every match is ticked at first; the period is the cut-off's.
    expect(checkbox('新增公交线路').checked).toBe(true);
    expect(checkbox('改造公交站台').checked).toBe(true);
    expect(bodyText()).toContain('导入所选（2 项）');
    expect(document.querySelector('.ant-select')?.textContent).toContain('6月');
  });

  it('applies only the ticked matches for the period, then says what was written', async () => {
    const calls = api({
      'POST /api/v1/programmes/12/bulletin-import/preview': { status: 200, body: PREVIEW },
      'POST /api/v1/programmes/12/bulletin-import/apply': {
        status: 200,
        body: { period: 'M06', created: 1, values: 1, done: 0, reportIds: [900] },
      },
    });
    view = await render(page(), { route: '/programmes/12/bulletin-import' });
    await pasteAndRead();
    await waitFor(() => checkbox('改造公交站台'));

    await click(checkbox('改造公交站台'));
    await waitFor(() => expect(bodyText()).toContain('导入所选（1 项）'));
    await click(getButton('导入所选（1项）'));

    await waitFor(() =>
      expect(bodyText()).toContain('已导入 1 份报告（6月），写入指标值 1 个，其中 0 项标记为已完成。'),
    );
    const sent = calls.requests.find((r) => r.url === '/api/v1/programmes/12/bulletin-import/apply');
    expect(sent?.body).toEqual({ text: TEXT, period: 'M06', accept: [101] });
  });

  it('shows the refusal of the server, and asks for text before reading', async () => {
    const calls = api({
      'POST /api/v1/programmes/12/bulletin-import/preview': { status: 200, body: PREVIEW },
      'POST /api/v1/programmes/12/bulletin-import/apply': {
        status: 409,
        body: {
          code: 'CONFLICT',
          message: '以下子项的牵头单位本期（M06）已有报告，本次导入未写入任何内容',
          details: null,
        },
      },
    });
    view = await render(page(), { route: '/programmes/12/bulletin-import' });
    await waitFor(() => getButton('识别通报'));
    await click(getButton('识别通报'));
    await waitFor(() => expect(bodyText()).toContain('请粘贴通报文字或上传 .txt 文件'));
    expect(calls.requests.some((r) => r.method === 'POST')).toBe(false);

    await pasteAndRead();
    await waitFor(() => checkbox('新增公交线路'));
    await click(getButton('导入所选（2项）'));
    await waitFor(() => expect(bodyText()).toContain('本次导入未写入任何内容'));
  });

  it('sends an uploaded .txt file as base64 for the server to decode', async () => {
    const calls = api({ 'POST /api/v1/programmes/12/bulletin-import/preview': { status: 200, body: PREVIEW } });
    view = await render(page(), { route: '/programmes/12/bulletin-import' });
    const input = await waitFor(() => {
      const found = document.querySelector<HTMLInputElement>('input[type="file"]');
      if (!found) throw new Error('no file input');
      return found;
    });
    const bytes = new Uint8Array([0xb9, 0xab, 0xbd, 0xbb]); // 公交 in GBK
    const file = new File([bytes], '通报.txt', { type: 'text/plain' });
    await act(async () => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => expect(bodyText()).toContain('已选择文件：通报.txt'));
    await click(getButton('识别通报'));
    await waitFor(() => expect(bodyText()).toContain('已匹配的段落（2）'));
    const sent = calls.requests.find((r) => r.url === '/api/v1/programmes/12/bulletin-import/preview');
    expect(sent?.body).toEqual({ fileName: '通报.txt', contentBase64: Buffer.from(bytes).toString('base64') });
  });
});

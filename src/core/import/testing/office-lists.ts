import { buildDocx, buildXlsx, cell } from './office.js';

/**
 * A fictional list as a workbook (a notes sheet first, then the list with
 * merged title, header and category cells) and as a Word document (header
 * spans by gridSpan and vMerge, a category merged down, a cell of two
 * paragraphs).
 */

const HEADER = ['大项', '序号', '项目名称', '任务明细', '实施单位（首位牵头）', '责任人'];

export function listWorkbook(): Promise<Uint8Array> {
  return buildXlsx([
    { name: '填表说明', rows: [['填表说明'], ['请各单位按时填报。']] },
    {
      name: '清单',
      rows: [
        ['云溪区2026年民心工程进度和责任清单', null, null, null, null, null, null, null, null, null, null, null],
        [...HEADER, '时间节点计划任务安排', null, null, null, '完成时限', '分管区领导'],
        [null, null, null, null, null, null, '第一季度', '第二季度', '第三季度', '第四季度', null, null],
        [
          '一、安居工程',
          '1',
          '改造老旧小区',
          '完成老旧小区改造2个。',
          '区住建委\n云溪街道',
          '孙立群\n钱海涛',
          '完成设计。',
          '开工建设。',
          '完成老旧小区改造1个。',
          '完成老旧小区改造2个。',
          '12月底',
          '周文清',
        ],
        [
          null,
          '2',
          '新增停车泊位',
          '新增公共停车泊位300个。',
          '区城管委',
          '史伟杰',
          '选址。',
          '——',
          '——',
          '完成。',
          '6月底',
          '周文清',
        ],
        [
          '二、关爱工程',
          '3',
          '开展助餐服务',
          '为老年人提供助餐服务。',
          '区民政局 区民政局',
          '吴明远',
          '启动。',
          '推进。',
          '推进。',
          '总结。',
          '年底前',
          '郑明 郑明',
        ],
      ],
      merges: ['A1:L1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:J2', 'K2:K3', 'L2:L3', 'A4:A5'],
    },
  ]);
}

export function listDocument(): Promise<Uint8Array> {
  const start = { merge: 'restart' as const };
  const go = { merge: 'continue' as const };
  return buildDocx(
    ['关于印发《云溪区2026年民心工程》的通知', '云溪区2026年民心工程任务清单'],
    [
      [
        cell('大项', start),
        cell('序号', start),
        cell('项目名称', start),
        cell('责任单位', start),
        cell('阶段性目标', { span: 4 }),
        cell('完成时间', start),
      ],
      [
        cell('', go),
        cell('', go),
        cell('', go),
        cell('', go),
        cell('一季度'),
        cell('二季度'),
        cell('三季度'),
        cell('四季度'),
        cell('', go),
      ],
      [
        cell('一、安居工程', start),
        cell('1'),
        cell('改造老旧小区'),
        cell(['区住建委', '云溪街道']),
        cell('完成设计。'),
        cell(['开工建设。', '完成居民意见征询。']),
        cell('完成改造。'),
        cell('验收。'),
        cell('11月底'),
      ],
      [
        cell('', go),
        cell('2'),
        cell('新增停车泊位'),
        cell('区城管委'),
        cell('选址。'),
        cell('---'),
        cell('建设。'),
        cell('完成。'),
        cell('“十一”前'),
      ],
    ],
    ['云溪区人民政府办公室', '2026年1月5日'],
  );
}

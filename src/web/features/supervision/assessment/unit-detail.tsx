import { Button, List, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AssessmentRule, type UnitAssessment, useDeleteAdjustment } from '../../../api/assessment.js';
import { DeleteButton } from '../../../shared/delete-button.js';
import { formatDateTime } from '../../../shared/format.js';

const num = (n: number): string => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n);

/** One unit's score rule by rule, with the explanation in words and the adjustments with their reasons. */
export function UnitDetail({
  unit,
  office,
  onAdjust,
}: {
  unit: UnitAssessment;
  office: boolean;
  onAdjust: () => void;
}) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteAdjustment();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Table<AssessmentRule>
        size="small"
        rowKey="rule"
        pagination={false}
        dataSource={unit.rules}
        caption={<Typography.Text strong>{`${unit.unitName} ${t('supervision.assessment.rules')}`}</Typography.Text>}
        columns={[
          { title: t('supervision.assessment.rule'), dataIndex: 'label' },
          { title: t('supervision.assessment.weight'), key: 'weight', align: 'right', render: (_, r) => num(r.weight) },
          {
            title: t('supervision.assessment.rate'),
            key: 'rate',
            align: 'right',
            render: (_, r) => (r.denominator === 0 ? t('common.none') : `${r.numerator}/${r.denominator}`),
          },
          { title: t('supervision.assessment.points'), key: 'points', align: 'right', render: (_, r) => num(r.points) },
          {
            title: t('supervision.assessment.explanation'),
            key: 'explanation',
            render: (_, r) => (
              <>
                <div>{r.explanation}</div>
                {r.misses.length > 0 && (
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                    {r.misses.map((miss) => (
                      <li key={miss}>{miss}</li>
                    ))}
                  </ul>
                )}
              </>
            ),
          },
        ]}
      />
      <div>
        <Typography.Text strong>{t('supervision.assessment.adjustments')}</Typography.Text>
        {unit.adjustments.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('supervision.assessment.noAdjustments')}</Typography.Paragraph>
        ) : (
          <List
            size="small"
            dataSource={unit.adjustments}
            renderItem={(a) => {
              const signed = `${a.points > 0 ? '+' : ''}${num(a.points)}`;
              return (
                <List.Item
                  actions={
                    office
                      ? [
                          <DeleteButton
                            key="delete"
                            verb="remove"
                            name={t('supervision.assessment.adjustmentName', { unit: unit.unitName, points: signed })}
                            onConfirm={() => remove.mutateAsync(a.id)}
                          />,
                        ]
                      : []
                  }
                >
                  <Space wrap>
                    <Typography.Text strong>{signed}</Typography.Text>
                    <span>{a.reason}</span>
                    <Typography.Text type="secondary">
                      {a.by} · {formatDateTime(a.at, i18n.language)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              );
            }}
          />
        )}
      </div>
      {office && <Button onClick={onAdjust}>{t('supervision.assessment.adjust')}</Button>}
    </Space>
  );
}

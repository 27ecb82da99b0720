import type { TabsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../api/types.js';
import { ReportingPlanEditor } from './reporting-plan-editor.js';

type TabItem = NonNullable<TabsProps['items']>[number];

export const REPORTING_PLAN_TAB = 'reporting-plan';

function TabLabel() {
  const { t } = useTranslation();
  return <>{t('settings.plan.tab')}</>;
}

/**
 * The programme page's 报送计划 tab: for the office that writes the programme
 * only (none for anyone else); its content loads when the tab is opened.
 */
export function reportingPlanTabs(options: { programmeId: Id; canWrite: boolean; activeTab: string }): TabItem[] {
  if (!options.canWrite) return [];
  return [
    {
      key: REPORTING_PLAN_TAB,
      label: <TabLabel />,
      children: options.activeTab === REPORTING_PLAN_TAB && (
        <ReportingPlanEditor programmeId={options.programmeId} canWrite={options.canWrite} />
      ),
    },
  ];
}

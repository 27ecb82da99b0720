import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ExportFormat, programmeExportUrl } from '../../api/programmes.js';
import type { Id } from '../../api/types.js';

const FORMATS: readonly ExportFormat[] = ['json', 'xlsx', 'docx', 'csv'];

/** 导出: the interchange JSON or the official table as Excel, Word or CSV; the server names the file after the programme. */
export function ExportProgrammeMenu({ programmeId }: { programmeId: Id }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: FORMATS.map((format) => ({
          key: format,
          label: (
            <a href={programmeExportUrl(programmeId, format)} download>
              {t(`programmes.exportFormats.${format}`)}
            </a>
          ),
        })),
      }}
    >
      <Button>{t('programmes.export')}</Button>
    </Dropdown>
  );
}

import { z } from 'zod';
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS } from '../../core/export/export-file.js';
import { programmeDocumentSchema } from '../../core/interchange.js';

export const exportQuery = z.object({
  format: z
    .enum(EXPORT_FORMATS)
    .default('json')
    .describe(
      'json: minxin.programme/v1; xlsx, docx: the official table (进度和责任清单) with the programme embedded; csv: the table as rows',
    ),
});

// The bytes are a Buffer, which Fastify sends as it is; the document calls them a binary string.
const binary = (what: string) => z.unknown().meta({ type: 'string', format: 'binary', description: what });

/** One 200 response per format, so the OpenAPI document names each content type. */
export const exportResponse = {
  description: '导出的文件 (the exported file, offered for download under the programme title)',
  content: {
    'application/json': { schema: programmeDocumentSchema },
    [EXPORT_CONTENT_TYPES.xlsx]: { schema: binary('Excel workbook: sheet 清单, hidden sheet minxin') },
    [EXPORT_CONTENT_TYPES.docx]: { schema: binary('Word document, A4 landscape') },
    'text/csv': { schema: binary('CSV, UTF-8 with BOM') },
  },
};

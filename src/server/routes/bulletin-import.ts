import { contextOf, requireActor } from '../context.js';
import {
  bulletinApplyIn,
  bulletinApplyOut,
  bulletinPreviewIn,
  bulletinPreviewOut,
} from '../schemas/bulletin-import.js';
import { idParams, importErrors } from '../schemas/common.js';
import { applyBulletinImport } from '../use-cases/bulletin-import/apply-bulletin-import.js';
import { previewBulletinImport } from '../use-cases/bulletin-import/preview-bulletin-import.js';
import { type Api, typed } from './crud-routes.js';

/** Importing a published bulletin (paper history): preview the matches, then apply the accepted ones. */
export async function bulletinImportRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;
  // 200 KB of text is about 270 KB as base64, in JSON.
  const bodyLimit = 1024 * 1024;

  api.post(
    '/programmes/:id/bulletin-import/preview',
    {
      bodyLimit,
      schema: {
        tags: ['bulletin-import'],
        summary:
          '读取纸质通报（简体或繁体，可带拼音），预览段落与子项的匹配；不写入 (read a published bulletin and match it; writes nothing)',
        params: idParams,
        body: bulletinPreviewIn,
        response: { 200: bulletinPreviewOut, ...importErrors },
      },
    },
    async (request) => previewBulletinImport(db(), requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/programmes/:id/bulletin-import/apply',
    {
      bodyLimit,
      schema: {
        tags: ['bulletin-import'],
        summary:
          '将勾选的匹配写为牵头单位本期已审核通过的报告，全部成功或全部不写 (write the accepted matches as approved reports, all or nothing)',
        params: idParams,
        body: bulletinApplyIn,
        response: { 200: bulletinApplyOut, ...importErrors },
      },
    },
    async (request) => applyBulletinImport(db(), contextOf(request), request.params.id, request.body),
  );
}

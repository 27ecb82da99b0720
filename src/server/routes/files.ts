import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { contentDisposition } from '../../core/export/export-file.js';
import { EVIDENCE_LIMITS, fileTooLarge } from '../../core/files/sniff.js';
import { contextOf, requireActor } from '../context.js';
import { errors, idParams, importErrors } from '../schemas/common.js';
import { uploadOut } from '../schemas/reports.js';
import { type AttachmentFile, readAttachment } from '../use-cases/files/read-attachment.js';
import { uploadFile } from '../use-cases/files/upload-file.js';
import { type Api, typed } from './crud-routes.js';

const binary = (what: string) => z.unknown().meta({ type: 'string', format: 'binary', description: what });

/** What multipart's own errors mean to the person uploading. */
export function uploadError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return fileTooLarge();
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError(
        'VALIDATION',
        '一次只能上传一个文件（表单字段 file），请逐个上传。 Upload one file at a time, in the form field "file".',
      );
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError(
        'VALIDATION',
        '请以 multipart/form-data 上传文件（表单字段 file）。 Send the file as multipart/form-data in the field "file".',
      );
    default:
      // Anything else while reading the body is a form that is cut off or malformed (busboy's errors carry
      // no code: "Unexpected end of multipart data", "Boundary not found"…): the sender's fault, not ours.
      if (error instanceof AppError) return error;
      return new AppError(
        'VALIDATION',
        '上传的表单数据不完整或格式有误，请重新选择文件上传。 The upload form is cut off or malformed; choose the file and upload it again.',
      );
  }
}

/** An ASCII stand-in for old clients: the extension kept, everything else outside printable ASCII replaced. */
const asciiFallback = (name: string): string => name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');

function sendFile(reply: FastifyReply, file: AttachmentFile, inline = false): FastifyReply {
  const disposition = contentDisposition(file.fileName, asciiFallback(file.fileName));
  return reply
    .header('content-disposition', inline ? disposition.replace(/^attachment/, 'inline') : disposition)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .type(file.mime)
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/** Evidence files: upload (content-addressed, type sniffed from the bytes), download and thumbnails. */
export async function fileRoutes(app: Api): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: EVIDENCE_LIMITS.fileBytes, files: 1, fields: 2, parts: 3 },
  });
  const api = typed(app);

  api.post(
    '/files',
    {
      schema: {
        tags: ['files'],
        summary:
          '上传佐证材料：图片(JPG/PNG/GIF/WebP)、PDF、Word、Excel，单个不超过 20 MB (upload one evidence file as multipart/form-data, field "file")',
        consumes: ['multipart/form-data'],
        // Read by @fastify/multipart, not parsed into the body: the schema is for the documentation.
        body: z.object({ file: binary('the file (one)').optional() }).nullish(),
        response: { 201: uploadOut, ...importErrors },
      },
    },
    async (request, reply) => {
      const receive = async () => {
        try {
          const part = await request.file();
          if (!part || part.fieldname !== 'file') {
            throw new AppError(
              'VALIDATION',
              '请在表单字段 file 中选择要上传的文件。 Put the file in the form field "file".',
            );
          }
          return { bytes: await part.toBuffer(), fileName: part.filename };
        } catch (error) {
          throw uploadError(error);
        }
      };
      const uploaded = await uploadFile(app.database.db, contextOf(request), receive);
      return reply.status(201).send(uploaded);
    },
  );

  api.get(
    '/attachments/:id',
    {
      schema: {
        tags: ['files'],
        summary: '下载附件 (download an attachment, as the type sniffed at upload)',
        params: idParams,
        response: { 200: { description: 'the file', content: { '*/*': { schema: binary('the file') } } }, ...errors },
      },
    },
    async (request, reply) =>
      sendFile(reply, await readAttachment(app.database.db, requireActor(request), request.params.id, 'file')),
  );

  api.get(
    '/attachments/:id/thumbnail',
    {
      schema: {
        tags: ['files'],
        summary: '附件缩略图 (the WebP thumbnail of an image attachment, at most 320 px wide)',
        params: idParams,
        response: {
          200: { description: 'WebP thumbnail', content: { 'image/webp': { schema: binary('WebP image') } } },
          ...errors,
        },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await readAttachment(app.database.db, requireActor(request), request.params.id, 'thumbnail'),
        true,
      ),
  );
}

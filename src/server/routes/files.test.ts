import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { uploadError } from './files.js';

describe('uploadError', () => {
  // Found by the hostile-input suite: a multipart body without a boundary, with the wrong one, one longer
  // than 256 characters, or cut off mid-file answered 500. busboy's errors carry no code.
  it('answers a malformed or cut-off form as the sender’s fault, Chinese first', () => {
    for (const message of [
      'Multipart: Boundary not found',
      'Unexpected end of multipart data',
      'The needle cannot have a length bigger than 256.',
    ]) {
      const mapped = uploadError(new Error(message));
      expect(mapped).toBeInstanceOf(AppError);
      expect((mapped as AppError).code).toBe('VALIDATION');
      expect((mapped as AppError).message).toMatch(/^上传的表单数据不完整或格式有误/);
    }
  });

  it('keeps the meaning of multipart’s own codes and of domain errors', () => {
    expect((uploadError({ code: 'FST_REQ_FILE_TOO_LARGE' }) as AppError).code).toBe('PAYLOAD_TOO_LARGE');
    expect((uploadError({ code: 'FST_FILES_LIMIT' }) as AppError).message).toMatch(/^一次只能上传一个文件/);
    const own = new AppError('VALIDATION', '请在表单字段 file 中选择要上传的文件。');
    expect(uploadError(own)).toBe(own);
  });
});

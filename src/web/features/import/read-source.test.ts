// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import '../../i18n/index.js';
import { asInterchange, importErrorMessage, MAX_FILE_BYTES, readChosenFile } from './read-source.js';

const fileOf = (name: string, content: string, size?: number): File => {
  const file = new File([content], name);
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  return file;
};

describe('reading a chosen file', () => {
  it('refuses a file over 20 MB before sending it', async () => {
    await expect(readChosenFile(fileOf('清单.docx', 'x', MAX_FILE_BYTES + 1))).rejects.toThrow('超过 20 MB');
  });

  it('refuses other kinds of file and empty ones', async () => {
    await expect(readChosenFile(fileOf('清单.pdf', 'x'))).rejects.toThrow('只能导入');
    await expect(readChosenFile(fileOf('清单.txt', ''))).rejects.toThrow('空的');
  });

  it('sends a list as base64 and keeps a Minxin JSON file as a document', async () => {
    const list = await readChosenFile(fileOf('清单.txt', '一、教育'));
    expect(list).toMatchObject({ kind: 'list', fileName: '清单.txt' });
    if (list.kind === 'list') expect(Buffer.from(list.contentBase64, 'base64').toString('utf8')).toBe('一、教育');

    const json = JSON.stringify({
      format: 'minxin.programme/v1',
      title: 't',
      jurisdiction: 'j',
      year: 2026,
      categories: [],
    });
    expect(await readChosenFile(fileOf('p.json', json))).toMatchObject({ kind: 'interchange' });
    await expect(readChosenFile(fileOf('p.json', '{'))).rejects.toThrow('不是有效的 JSON');
    await expect(readChosenFile(fileOf('p.json', '{"format":"other"}'))).rejects.toThrow('minxin.programme/v1');
  });

  it('checks the shape of an interchange document', () => {
    expect(asInterchange({ format: 'minxin.programme/v1', categories: [{ items: [{ name: 'A' }] }] })).not.toBeNull();
    expect(asInterchange({ format: 'minxin.programme/v1', categories: [{ items: [{}] }] })).toBeNull();
    expect(asInterchange([])).toBeNull();
  });

  it('says a 413 without a server message means the file is too large', () => {
    expect(importErrorMessage(new ApiError(413, 'INTERNAL', 'x'))).toContain('超过 20 MB');
    expect(importErrorMessage(new ApiError(413, 'PAYLOAD_TOO_LARGE', '文件太大'))).toBe('文件太大');
  });
});

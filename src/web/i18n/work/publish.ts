import type { Strings } from '../zh-CN.js';

/** Texts of publishing a programme (the programme page's 发布 button), Chinese first. */
export const publishZh = {
  publish: '发布',
  publishNamed: '发布“{{title}}”',
  confirmTitle: '确定发布“{{title}}”吗？',
  confirmBody: '发布后，清单和成绩单在公开网站上人人可见，各责任单位开始按此清单填报进展。',
  ok: '发布',
  published: '已发布，公众可在公开网站查看',
  viewPublic: '查看公开页面',
};

export const publishEn: Strings<typeof publishZh> = {
  publish: 'Publish',
  publishNamed: 'Publish “{{title}}”',
  confirmTitle: 'Publish “{{title}}”?',
  confirmBody:
    'Once published, the list and its report card are public on the public site, and the units start reporting on this list.',
  ok: 'Publish',
  published: 'Published: the public can see it on the public site',
  viewPublic: 'View the public page',
};

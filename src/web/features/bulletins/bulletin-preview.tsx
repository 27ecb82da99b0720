import { Typography } from 'antd';
import type { BulletinBody } from '../../api/bulletins.js';

const paragraph = { textIndent: '2em', marginBottom: 8 } as const;

/** 01  教育提质工程 (district) / 一、强化民生托底保障 (city), as the renderers on the server print it. */
export function sectionHeading(section: { number: string; heading: string }): string {
  const number = section.number.trim();
  if (number === '') return section.heading;
  return /[、.．]$/.test(number) ? `${number}${section.heading}` : `${number}  ${section.heading}`;
}

/** The bulletin's text as the public page shows it (title, lede, numbered sections, closing). */
export function BulletinPreview({ title, body, meta }: { title: string; body: BulletinBody; meta?: string }) {
  return (
    <article aria-label={title} style={{ maxWidth: 760, fontSize: 16, lineHeight: 1.9 }}>
      <Typography.Title level={2} style={{ textAlign: 'center' }}>
        {title}
      </Typography.Title>
      {meta && <p style={{ textAlign: 'center', color: '#666' }}>{meta}</p>}
      {body.lede.trim() && <p style={paragraph}>{body.lede}</p>}
      {body.sections.map((section, index) => (
        // Sections have no id of their own; their order is their identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed order, never reordered in the preview
        <section key={index}>
          <Typography.Title level={3} style={{ fontSize: 18 }}>
            {sectionHeading(section)}
          </Typography.Title>
          {section.paragraphs
            .filter((p) => p.text.trim() !== '')
            .map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed order, never reordered in the preview
              <p key={i} style={paragraph}>
                {p.text}
              </p>
            ))}
        </section>
      ))}
      {body.closing.trim() && <p style={paragraph}>{body.closing}</p>}
    </article>
  );
}

import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CHANNEL_KINDS,
  type Channel,
  type ChannelInput,
  type ChannelKind,
  type ChannelUpdate,
  channelHooks,
  REMINDER_LEVELS,
  type ReminderLevel,
} from '../../api/channels.js';
import { useCurrentUser } from '../../api/session.js';
import type { Id } from '../../api/types.js';
import { RecordFormModal } from '../../shared/form-modal.js';
import { JurisdictionSelect } from '../admin/jurisdiction-select.js';

export interface ChannelValues {
  kind: ChannelKind;
  name: string;
  jurisdictionId?: Id | null;
  url?: string;
  secret?: string;
  clearSecret?: boolean;
  minLevel: ReminderLevel;
  enabled: boolean;
}

// https only; plain http to this machine is allowed for trying a local receiver.
const WEBHOOK = /^(https:\/\/[^\s/]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)(\/\S*)?$/i;

const fromChannel = (c: Channel): ChannelValues => ({
  kind: c.kind,
  name: c.name,
  jurisdictionId: c.jurisdictionId,
  url: c.url ?? '',
  secret: '',
  clearSecret: false,
  minLevel: c.minLevel,
  enabled: c.enabled,
});

const isRobot = (kind: ChannelKind | undefined) => kind === 'wecom' || kind === 'dingtalk';

export function createInput(values: ChannelValues): ChannelInput {
  const secret = values.secret?.trim();
  return {
    jurisdictionId: values.jurisdictionId ?? null,
    kind: values.kind,
    name: values.name.trim(),
    minLevel: values.minLevel,
    enabled: values.enabled,
    ...(isRobot(values.kind) ? { url: values.url?.trim() ?? '' } : {}),
    ...(values.kind === 'dingtalk' && secret ? { secret } : {}),
  };
}

/** The secret is sent only when typed (replace) or cleared (null); otherwise the stored one stays. */
export function updateInput(channel: Channel, values: ChannelValues, version: number): ChannelUpdate {
  const secret = values.secret?.trim();
  return {
    version,
    name: values.name.trim(),
    minLevel: values.minLevel,
    enabled: values.enabled,
    ...(isRobot(channel.kind) ? { url: values.url?.trim() ?? '' } : {}),
    ...(channel.kind === 'dingtalk' && secret ? { secret } : {}),
    ...(channel.kind === 'dingtalk' && !secret && values.clearSecret ? { secret: null } : {}),
  };
}

/** Create or edit a reminder channel. Mount only while open. */
export function ChannelModal({ channel, onClose }: { channel: Channel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const create = channelHooks.useCreate();
  const update = channelHooks.useUpdate();

  return (
    <RecordFormModal<ChannelValues, Channel>
      record={channel}
      name="channel"
      title={{ create: t('settings.channels.create'), edit: t('settings.channels.edit') }}
      fromRecord={fromChannel}
      blank={{
        kind: 'wecom',
        name: '',
        jurisdictionId: user.role === 'admin' ? null : user.jurisdictionId,
        url: '',
        secret: '',
        minLevel: 'blue',
        enabled: true,
      }}
      onClose={onClose}
      onCreate={(values) => create.mutateAsync(createInput(values))}
      onUpdate={(c, values, version) => update.mutateAsync({ id: c.id, ...updateInput(c, values, version) })}
    >
      <Form.Item label={t('settings.channels.kind')} name="kind" rules={[{ required: true }]}>
        <Select
          disabled={channel !== null}
          options={CHANNEL_KINDS.map((kind) => ({ value: kind, label: t(`settings.channels.kinds.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('settings.channels.name')}
        name="name"
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('validation.required', { field: t('settings.channels.name') }),
          },
          { max: 100 },
        ]}
      >
        <Input placeholder={t('settings.channels.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        label={t('settings.channels.jurisdiction')}
        name="jurisdictionId"
        rules={
          user.role === 'admin'
            ? []
            : [{ required: true, message: t('validation.choose', { field: t('settings.channels.jurisdiction') }) }]
        }
      >
        <JurisdictionSelect
          disabled={channel !== null}
          allowClear={user.role === 'admin'}
          placeholder={t('settings.channels.allJurisdictions')}
        />
      </Form.Item>
      <KindFields channel={channel} />
      <Form.Item
        label={t('settings.channels.minLevel')}
        name="minLevel"
        extra={t('settings.channels.minLevelHelp')}
        rules={[{ required: true }]}
      >
        <Select
          options={REMINDER_LEVELS.map((level) => ({ value: level, label: t(`settings.channels.levels.${level}`) }))}
        />
      </Form.Item>
      <Form.Item name="enabled" valuePropName="checked">
        <Checkbox>{t('settings.channels.enabled')}</Checkbox>
      </Form.Item>
    </RecordFormModal>
  );
}

/** The webhook address for robots, the signing secret for DingTalk, a note for e-mail. */
function KindFields({ channel }: { channel: Channel | null }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ChannelValues>();
  const kind = Form.useWatch('kind', form) ?? channel?.kind;

  if (!isRobot(kind)) {
    return <p style={{ color: 'rgba(0,0,0,0.65)' }}>{t('settings.channels.emailHelp')}</p>;
  }
  return (
    <>
      <Form.Item
        label={t('settings.channels.url')}
        name="url"
        extra={t('settings.channels.urlHelp')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('validation.required', { field: t('settings.channels.url') }),
          },
          { pattern: WEBHOOK, message: t('settings.channels.urlInvalid') },
        ]}
      >
        <Input autoComplete="off" placeholder="https://" />
      </Form.Item>
      {kind === 'dingtalk' && (
        <>
          <Form.Item label={t('settings.channels.secret')} name="secret" extra={t('settings.channels.secretHelp')}>
            <Input.Password
              autoComplete="new-password"
              placeholder={channel?.hasSecret ? t('settings.channels.secretKeep') : undefined}
            />
          </Form.Item>
          {channel?.hasSecret && (
            <Form.Item name="clearSecret" valuePropName="checked">
              <Checkbox>{t('settings.channels.secretClear')}</Checkbox>
            </Form.Item>
          )}
        </>
      )}
    </>
  );
}

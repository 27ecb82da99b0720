import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../api/people.js';
import { type Id, ROLES, type Role, type User } from '../../api/types.js';
import { useUnits } from '../../api/units.js';
import { userHooks } from '../../api/users.js';
import { FormModal, HiddenVersion, RecordFormModal } from '../../shared/form-modal.js';
import { JurisdictionSelect } from './jurisdiction-select.js';

interface UserValues {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  jurisdictionId: Id | null;
  unitId: Id | null;
  personId: Id | null;
  email?: string;
  disabled?: boolean;
}

/** Which links a role needs: a reporter reports for a unit, a leader is a person. */
const needs = (role: Role | undefined) => ({
  jurisdiction: role !== undefined && role !== 'admin',
  unit: role === 'reporter',
  person: role === 'leader',
});

const fromUser = (u: User): UserValues => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  jurisdictionId: u.jurisdictionId,
  unitId: u.unitId,
  personId: u.personId,
  email: u.email ?? '',
  disabled: u.disabled,
});

/** An empty e-mail field clears the address. */
const emailOf = (values: UserValues): string | null => values.email?.trim() || null;

/** Drops the links the chosen role does not use. */
function links(values: UserValues) {
  const need = needs(values.role);
  return {
    jurisdictionId: need.jurisdiction ? (values.jurisdictionId ?? null) : null,
    unitId: need.unit ? (values.unitId ?? null) : null,
    personId: need.person ? (values.personId ?? null) : null,
  };
}

export function UserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = userHooks.useCreate();
  const update = userHooks.useUpdate();

  return (
    <RecordFormModal<UserValues, User>
      record={user}
      name="user"
      title={{ create: t('users.create'), edit: t('users.edit') }}
      fromRecord={fromUser}
      blank={{ role: 'reporter', jurisdictionId: null, unitId: null, personId: null, displayName: '' }}
      onClose={onClose}
      onCreate={(values) =>
        create.mutateAsync({
          username: values.username.trim(),
          displayName: values.displayName?.trim() ?? '',
          password: values.password ?? '',
          role: values.role,
          email: emailOf(values),
          ...links(values),
        })
      }
      onUpdate={(u, values, version) =>
        update.mutateAsync({
          id: u.id,
          version,
          displayName: values.displayName?.trim() ?? '',
          role: values.role,
          disabled: values.disabled ?? false,
          email: emailOf(values),
          ...links(values),
        })
      }
    >
      <Form.Item
        label={t('users.username')}
        name="username"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('users.username') }) },
        ]}
      >
        <Input autoComplete="off" disabled={user !== null} />
      </Form.Item>
      <Form.Item label={t('users.displayName')} name="displayName">
        <Input />
      </Form.Item>
      {!user && (
        <Form.Item
          label={t('users.password')}
          name="password"
          rules={[{ required: true, message: t('validation.required', { field: t('users.password') }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item label={t('users.role')} name="role" rules={[{ required: true }]}>
        <Select options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
      </Form.Item>
      <RoleLinks />
      <Form.Item
        label={t('settings.admin.email')}
        name="email"
        extra={t('settings.admin.emailHelp')}
        rules={[{ type: 'email', message: t('settings.admin.emailInvalid') }]}
      >
        <Input type="email" autoComplete="off" maxLength={200} />
      </Form.Item>
      {user && (
        <Form.Item name="disabled" valuePropName="checked">
          <Checkbox>{t('users.disabled')}</Checkbox>
        </Form.Item>
      )}
    </RecordFormModal>
  );
}

/** Jurisdiction, unit and person fields, shown as the chosen role needs them. */
function RoleLinks() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<UserValues>();
  const role = Form.useWatch('role', form);
  const jurisdictionId = Form.useWatch('jurisdictionId', form) ?? null;
  const need = needs(role);
  const units = useUnits(jurisdictionId, need.unit && jurisdictionId !== null);
  const people = usePeople({ jurisdictionId }, need.person && jurisdictionId !== null);

  return (
    <>
      {need.jurisdiction && (
        <Form.Item
          label={t('users.jurisdiction')}
          name="jurisdictionId"
          rules={[{ required: true, message: t('validation.choose', { field: t('users.jurisdiction') }) }]}
        >
          <JurisdictionSelect onChange={() => form.setFieldsValue({ unitId: null, personId: null })} />
        </Form.Item>
      )}
      {need.unit && (
        <Form.Item
          label={t('users.unit')}
          name="unitId"
          rules={[{ required: true, message: t('validation.choose', { field: t('users.unit') }) }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      )}
      {need.person && (
        <Form.Item
          label={t('users.person')}
          name="personId"
          rules={[{ required: true, message: t('validation.choose', { field: t('users.person') }) }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      )}
    </>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const update = userHooks.useUpdate();
  return (
    <FormModal<{ version: number; password: string }, User>
      name="user-password"
      title={t('users.resetPasswordNamed', { name: user.username })}
      initialValues={{ version: user.version }}
      // The password is not part of the record: on a conflict keep it and take the new version.
      fromCurrent={(current) => ({ version: current.version })}
      onClose={onClose}
      onSubmit={(values) => update.mutateAsync({ id: user.id, version: values.version, password: values.password })}
    >
      <HiddenVersion />
      <Form.Item
        label={t('users.newPassword')}
        name="password"
        rules={[{ required: true, message: t('validation.required', { field: t('users.newPassword') }) }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

import { App, Button, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.js';
import {
  useAddItemLeader,
  useAddItemPerson,
  useAddItemUnit,
  useRemoveItemLeader,
  useRemoveItemPerson,
  useRemoveItemUnit,
} from '../../api/items.js';
import { usePeople } from '../../api/people.js';
import type { Id, ItemDetail, ItemPerson, ItemUnit, Person, UnitRole } from '../../api/types.js';
import { useUnits } from '../../api/units.js';
import { DeleteButton } from '../../shared/delete-button.js';
import { SectionTitle } from '../../shared/page-title.js';

interface SectionProps {
  item: ItemDetail;
  /** The programme's jurisdiction: the units and people one can pick from. */
  jurisdictionId: Id | null;
  canWrite: boolean;
}

const personOption = (p: Person) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name });

/** The first named unit leads; the rest follow in their order. */
const byRole = (a: ItemUnit, b: ItemUnit) => (a.role === b.role ? a.position - b.position : a.role === 'lead' ? -1 : 1);

/** Runs a write and reports a failure with the server's message; resolves true on success. */
function useReported() {
  const { message } = App.useApp();
  return async (write: () => Promise<unknown>): Promise<boolean> => {
    try {
      await write();
      return true;
    } catch (error) {
      message.error(errorMessage(error));
      return false;
    }
  };
}

export function ItemUnitsSection({ item, jurisdictionId, canWrite }: SectionProps) {
  const { t } = useTranslation();
  const removeUnit = useRemoveItemUnit();
  const removePerson = useRemoveItemPerson();
  const units = [...item.units].sort(byRole);
  const unitIds = new Set(units.map((u) => u.unitId));
  const personsOf = (unitId: Id | null) => item.persons.filter((p) => p.unitId === unitId);
  const unplaced = item.persons.filter((p) => p.unitId === null || !unitIds.has(p.unitId));

  const personList = (persons: ItemPerson[]) => (
    <Space size="small" wrap>
      {persons.map((person) => (
        <Space key={person.id} size={4}>
          <span>{person.name}</span>
          {canWrite && (
            <DeleteButton verb="remove" name={person.name} onConfirm={() => removePerson.mutateAsync(person.id)} />
          )}
        </Space>
      ))}
    </Space>
  );

  return (
    <section>
      <SectionTitle>{t('itemUnits.title')}</SectionTitle>
      <Table<ItemUnit>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={units}
        locale={{ emptyText: t('itemUnits.empty') }}
        columns={[
          { title: t('itemUnits.unit'), dataIndex: 'name' },
          {
            title: t('itemUnits.role'),
            dataIndex: 'role',
            width: 100,
            render: (_, u) => <Tag color={u.role === 'lead' ? 'red' : 'default'}>{t(`itemUnits.roles.${u.role}`)}</Tag>,
          },
          { title: t('itemUnits.persons'), key: 'persons', render: (_, u) => personList(personsOf(u.unitId)) },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, u: ItemUnit) => (
                    <DeleteButton verb="remove" name={u.name} onConfirm={() => removeUnit.mutateAsync(u.id)} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {unplaced.length > 0 && (
        <Space style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('itemUnits.otherPersons')}</Typography.Text>
          {personList(unplaced)}
        </Space>
      )}
      {canWrite && jurisdictionId !== null && <AddUnitForm item={item} jurisdictionId={jurisdictionId} />}
      {canWrite && jurisdictionId !== null && <AddPersonForm item={item} jurisdictionId={jurisdictionId} />}
    </section>
  );
}

function AddUnitForm({ item, jurisdictionId }: { item: ItemDetail; jurisdictionId: Id }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ unitId: Id; role: UnitRole }>();
  const units = useUnits(jurisdictionId);
  const add = useAddItemUnit();
  const report = useReported();
  const taken = new Set(item.units.map((u) => u.unitId));
  const hasLead = item.units.some((u) => u.role === 'lead');

  return (
    <Form
      form={form}
      name="item-unit-add"
      layout="inline"
      style={{ marginTop: 12, rowGap: 8 }}
      initialValues={{ role: hasLead ? 'co' : 'lead' }}
      onFinish={async (values) => {
        // The first unit leads; the ones added after it usually work with it.
        if (await report(() => add.mutateAsync({ itemId: item.id, ...values })))
          form.setFieldsValue({ unitId: undefined, role: 'co' });
      }}
    >
      <Form.Item
        label={t('itemUnits.unit')}
        name="unitId"
        rules={[{ required: true, message: t('validation.choose', { field: t('itemUnits.unit') }) }]}
      >
        <Select
          style={{ width: 240 }}
          showSearch={{ optionFilterProp: 'label' }}
          loading={units.isPending}
          options={(units.data ?? []).filter((u) => !taken.has(u.id)).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item label={t('itemUnits.role')} name="role">
        <Select
          style={{ width: 100 }}
          options={(['lead', 'co'] as const).map((role) => ({ value: role, label: t(`itemUnits.roles.${role}`) }))}
        />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending}>
        {t('itemUnits.add')}
      </Button>
    </Form>
  );
}

function AddPersonForm({ item, jurisdictionId }: { item: ItemDetail; jurisdictionId: Id }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ personId: Id; unitId?: Id }>();
  const people = usePeople({ jurisdictionId });
  const add = useAddItemPerson();
  const report = useReported();

  return (
    <Form
      form={form}
      name="item-person-add"
      layout="inline"
      style={{ marginTop: 12, rowGap: 8 }}
      onValuesChange={(changed: { personId?: Id }) => {
        // Default the unit to the one the person works in, when the item has it.
        const person = people.data?.find((p) => p.id === changed.personId);
        if (person?.unitId && item.units.some((u) => u.unitId === person.unitId))
          form.setFieldValue('unitId', person.unitId);
      }}
      onFinish={async (values) => {
        if (
          await report(() =>
            add.mutateAsync({ itemId: item.id, personId: values.personId, unitId: values.unitId ?? null }),
          )
        )
          form.resetFields();
      }}
    >
      <Form.Item
        label={t('itemUnits.person')}
        name="personId"
        rules={[{ required: true, message: t('validation.choose', { field: t('itemUnits.person') }) }]}
      >
        <Select
          style={{ width: 200 }}
          showSearch={{ optionFilterProp: 'label' }}
          loading={people.isPending}
          options={(people.data ?? []).map(personOption)}
        />
      </Form.Item>
      <Form.Item label={t('itemUnits.personUnit')} name="unitId">
        <Select
          allowClear
          style={{ width: 200 }}
          options={item.units.map((u) => ({ value: u.unitId, label: u.name }))}
        />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending}>
        {t('itemUnits.addPerson')}
      </Button>
    </Form>
  );
}

export function ItemLeadersSection({ item, jurisdictionId, canWrite }: SectionProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ personId: Id }>();
  const people = usePeople({ jurisdictionId }, canWrite && jurisdictionId !== null);
  const add = useAddItemLeader();
  const remove = useRemoveItemLeader();
  const report = useReported();

  return (
    <section>
      <SectionTitle>{t('leaders.title')}</SectionTitle>
      {item.leaders.length === 0 ? (
        <p>{t('leaders.empty')}</p>
      ) : (
        <Space wrap style={{ marginBottom: 8 }}>
          {[...item.leaders]
            .sort((a, b) => a.position - b.position)
            .map((leader) => (
              <Space key={leader.id} size={4}>
                <Tag>{leader.name}</Tag>
                {canWrite && (
                  <DeleteButton verb="remove" name={leader.name} onConfirm={() => remove.mutateAsync(leader.id)} />
                )}
              </Space>
            ))}
        </Space>
      )}
      {canWrite && jurisdictionId !== null && (
        <Form
          form={form}
          name="item-leader-add"
          layout="inline"
          onFinish={async (values) => {
            if (await report(() => add.mutateAsync({ itemId: item.id, personId: values.personId }))) form.resetFields();
          }}
        >
          <Form.Item
            label={t('leaders.person')}
            name="personId"
            rules={[{ required: true, message: t('validation.choose', { field: t('leaders.person') }) }]}
          >
            <Select
              style={{ width: 240 }}
              showSearch={{ optionFilterProp: 'label' }}
              loading={people.isPending}
              options={(people.data ?? []).map(personOption)}
            />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('leaders.add')}
          </Button>
        </Form>
      )}
    </section>
  );
}

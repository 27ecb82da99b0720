import { Alert, Form, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictCurrent, errorMessage } from '../api/client.js';

export interface FormModalProps<V extends object, R> {
  /** The form's name: a prefix for its field ids, so labels point at the right input. */
  name: string;
  title: string;
  initialValues?: Partial<V>;
  okText?: string;
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  /**
   * Maps the current record carried by a 409 CONFLICT back to form values
   * (including `version`), so the form shows what is stored now.
   */
  fromCurrent?: (current: R) => Partial<V>;
  children: ReactNode;
}

/**
 * A modal form for create and edit: shows the server's message on failure
 * and, when someone else changed the record meanwhile, reloads it and says so.
 * Mount it only while open.
 */
export function FormModal<V extends object, R = never>(props: FormModalProps<V, R>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  async function submit(values: V): Promise<void> {
    setSubmitting(true);
    setError(null);
    try {
      await props.onSubmit(values);
      props.onClose();
    } catch (caught) {
      const current = conflictCurrent<R>(caught);
      if (current && props.fromCurrent) {
        form.setFieldsValue(props.fromCurrent(current) as Parameters<typeof form.setFieldsValue>[0]);
        setConflict(true);
      } else {
        setError(errorMessage(caught));
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      title={props.title}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('conflict.title')}
          description={t('conflict.notice')}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form<V>
        form={form}
        name={props.name}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={(values) => void submit(values)}
      >
        {props.children}
        {/* Lets Enter in a text field submit the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

/** A field the server needs back (the record's version) but nobody edits. */
export function HiddenVersion() {
  return (
    <Form.Item name="version" hidden>
      <input type="hidden" />
    </Form.Item>
  );
}

type Versioned<V> = V & { version?: number };

export interface RecordFormModalProps<V extends object, R extends { version: number }> {
  /** The record to edit, or null to create one. */
  record: R | null;
  /** Prefix of the form's name: `<name>-edit` or `<name>-create`. */
  name: string;
  title: { create: string; edit: string };
  okText?: string;
  /** The form's values for a stored record, without its version (that is carried for you). */
  fromRecord: (record: R) => V;
  /** The form's values for a new record. */
  blank: Partial<V>;
  onCreate: (values: V) => Promise<unknown>;
  /** `version` is the one the form loaded, or the newer one a conflict brought. */
  onUpdate: (record: R, values: V, version: number) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
}

/**
 * The create-or-edit form of a versioned record: one FormModal that sends back
 * the version it showed, and on a conflict shows the stored record instead.
 * Mount it only while open.
 */
export function RecordFormModal<V extends object, R extends { version: number }>(props: RecordFormModalProps<V, R>) {
  const { record, fromRecord } = props;
  const withVersion = (current: R): Versioned<V> => ({ ...fromRecord(current), version: current.version });

  return (
    <FormModal<Versioned<V>, R>
      name={`${props.name}-${record ? 'edit' : 'create'}`}
      title={record ? props.title.edit : props.title.create}
      okText={props.okText}
      initialValues={record ? withVersion(record) : (props.blank as Partial<Versioned<V>>)}
      fromCurrent={withVersion}
      onClose={props.onClose}
      onSubmit={({ version, ...rest }) => {
        const values = rest as V;
        return record ? props.onUpdate(record, values, version ?? record.version) : props.onCreate(values);
      }}
    >
      {record && <HiddenVersion />}
      {props.children}
    </FormModal>
  );
}

/** Choosing a list file (CSV or Excel): the file is kept by the caller and sent when it says, not uploaded at once. */
import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { useI18n } from '../../locale/i18n.tsx';

export function ListFilePicker({ hint, onFile, disabled, testId }: { hint: string; onFile: (file: File) => void; disabled?: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    // The wrapper carries the test id: the dragger does not pass it on.
    <div data-testid={testId}>
      <Upload.Dragger
        accept=".csv,.xlsx,.txt"
        multiple={false}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t('rows.chooseFile')}</p>
        <p className="ant-upload-hint list-hint">{hint}</p>
      </Upload.Dragger>
    </div>
  );
}

/** The multipart body the list routes take: the file in the field `file`. */
export function listForm(file: File): FormData {
  const body = new FormData();
  body.append('file', file, file.name);
  return body;
}

/** One published evaluation, read-only, in the layout of its form, with the PDF. */
import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Result, Space, Spin } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import type { PublicEvaluation } from '../../api/types.ts';
import { templates } from '../../form/templates.ts';
import { FormView } from '../../form-view/FormView.tsx';
import { useI18n } from '../../locale/i18n.tsx';

export function PublicEvaluationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const item = useQuery({
    queryKey: ['public', 'evaluation', id],
    queryFn: ({ signal }) => unwrap(client.GET('/api/public/evaluations/{id}', { params: { path: { id } }, signal })) as Promise<PublicEvaluation>,
  });
  if (item.isPending) return <Spin style={{ margin: 64 }} />;
  const template = item.data ? templates.get(item.data.evaluation.template) : undefined;
  if (!item.data || !template) return <Result status="404" title={t('editor.notFound')} extra={<Link to="/public">{t('public.back')}</Link>} />;
  return (
    <div className="public-form">
      <Space className="editor-back">
        <Link to="/public"><ArrowLeftOutlined /> {t('public.back')}</Link>
        <Button icon={<FilePdfOutlined />} href={`/api/public/evaluations/${id}/export.pdf`} target="_blank" data-testid="public-pdf">{t('export.pdf')}</Button>
      </Space>
      {/* The public reads the form as published; the checks' findings and suggested scores are not part of it. */}
      <FormView evaluation={item.data.evaluation} template={template} showFindings={false} showSuggestions={false} />
    </div>
  );
}

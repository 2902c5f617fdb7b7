/** 中文：佐证材料（issue 14）。 */
import type { Messages } from './messages.ts';

export const zhEvidence: Messages = {
  'api.EVIDENCE_LOCKED': '表单状态为“{status}”，佐证材料不能再上传或删除（仅在该表有待整改事项时可以）',
  'api.EVIDENCE_CITED': '该文件已被 {count} 项整改答复引用，不能删除',
  'api.EVIDENCE_FROZEN': '该文件已随第 {versions} 版提交存档，不能删除',
  'api.TOO_MANY_FILES': '每张表最多 {max} 个佐证材料',
  'evidence.unsupported': '无法识别的文件类型：佐证材料可为 PDF、图片（PNG、JPEG、GIF、WEBP）或 Office 文档（Word、Excel、PowerPoint、OpenDocument）',
  'evidence.unknownIndicator': '表中没有该指标（请先保存表单）',
  'evidence.empty': '文件是空的',
};

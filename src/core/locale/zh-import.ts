/** 中文：导入诊断用语。 */
import type { Messages } from './messages.ts';

export const zhImport: Messages = {
  // 导入：文件层面
  'import.noSuchFile': '文件不存在或无法读取',
  'import.notAFile': '不是文件',
  'import.tooLarge': '文件有 {mb} MB，超过 {maxMb} MB 的上限，未读取',
  'import.timeout': '读取超过 {seconds} 秒，已停止',
  'import.outOfMemory': '读取所需内存超过 {mb} MB，已停止（文件可能是压缩炸弹或已损坏）',
  'import.crashed': '读取失败：{reason}',
  'import.unknownKind': '无法识别的文件类型：不是 PDF、XLSX 或文本文件',
  'import.emptyFile': '文件为空',
  'import.zipNotXlsx': '是 ZIP 压缩包，但不是 XLSX 工作簿',
  'pdf.encrypted': 'PDF 已加密，需要密码才能读取',
  'pdf.invalid': '不是有效的 PDF 文件（{detail}）',
  'pdf.tooManyPages': 'PDF 有 {pages} 页，超过 {max} 页的上限',
  'pdf.noText': 'PDF 没有文字层（可能是扫描件）；不支持文字识别（OCR）',
  'pdf.pageNoText': '第 {page} 页没有文字层（可能是扫描图片），已跳过',
  'pdf.noRules': '第 {page} 页没有表格线，按文字位置还原表格',
};

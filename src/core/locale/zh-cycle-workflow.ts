/** 中文：绩效目标与运行监控的流程用语（状态、操作、接口错误；issue 16）。 */
import type { Messages } from './messages.ts';

export const zhCycleWorkflow: Messages = {
  'status.adjusting': '目标调整中',
  'status.accepted': '已审核',
  'action.adjust': '申请目标调整',
  'action.reject': '不同意调整',
  'action.accept': '审核通过',
  'action.createEvaluation': '按批复目标生成自评表',
  'api.ALREADY_EXISTS': '本单位{year}年度“{project}”已有此表，不再新建第二份',
  'action.createMonitoring': '按批复目标生成运行监控表',
  'api.ALREADY_CREATED': '已按这份绩效目标生成过{document}，不再生成第二份',
  'api.NOT_APPROVED': '绩效目标尚未批复，不能据此生成{document}',
  'api.INVALID_MONITORING_DATE': '“{value}”不是{year}年的日期：请填写月日（07-31）或本年度的日期',
  'cycle.document.evaluation': '自评表',
  'cycle.document.monitoring': '本年度运行监控表',
  'import.cycleTargets': '文件中是 {count} 份绩效目标申报表，不是自评表：保存为绩效目标草稿',
  'import.cycleMonitoring': '文件中是 {count} 份绩效目标执行监控表，不是自评表：保存为运行监控草稿',
};

/** 中文：绩效目标、运行监控与自评价之间的检查用语（PRODUCT.md “The cycle”）。 */
import type { Messages } from './messages.ts';

export const zhCycle: Messages = {
  // 自评价对照批复的绩效目标
  TARGET_CHANGED: '“{name}”指标值“{stated}”与批复的绩效目标“{approved}”不一致（未经批准的目标调整）',
  'TARGET_CHANGED.cell': '指标值“{stated}”与批复的绩效目标“{approved}”不一致（未经批准的目标调整）',
  WEIGHT_CHANGED: '“{name}”分值 {stated} 与批复的绩效目标 {approved} 不一致',
  'WEIGHT_CHANGED.cell': '分值 {stated} 与批复的绩效目标 {approved} 不一致',
  INDICATOR_REMOVED: '批复的绩效指标“{name}”（指标值“{target}”，分值 {weight}）不在本表中',
  INDICATOR_ADDED: '“{name}”不在批复的绩效目标中',
  'INDICATOR_ADDED.cell': '本指标不在批复的绩效目标中',
  // 运行监控
  MONITOR_EXECUTION_LAG: '截至 {asOf}，预算执行率 {rate}%（{executed} ÷ {budget}）落后时间进度 {time}% 超过 {margin} 个百分点',
  MONITOR_EXPECTED_OVERSPEND: '全年预计执行数 {expected} 超过预算数 {budget}',
  MONITOR_OFF_TRACK: '“{name}”全年预计完成“{expected}”达不到年度指标值“{target}”，未分析偏差原因',
  'MONITOR_OFF_TRACK.cell': '全年预计完成“{expected}”达不到年度指标值“{target}”，未分析偏差原因',
  'MONITOR_LIKELIHOOD.certain': '“{name}”全年预计完成“{expected}”达不到年度指标值“{target}”，完成目标可能性却填“{likelihood}”',
  'MONITOR_LIKELIHOOD.certain.cell': '全年预计完成“{expected}”达不到年度指标值“{target}”，完成目标可能性却填“{likelihood}”',
  'MONITOR_LIKELIHOOD.impossible': '“{name}”全年预计完成“{expected}”已达到年度指标值“{target}”，完成目标可能性却填“{likelihood}”',
  'MONITOR_LIKELIHOOD.impossible.cell': '全年预计完成“{expected}”已达到年度指标值“{target}”，完成目标可能性却填“{likelihood}”',
  // 完成目标可能性、偏差原因
  'likelihood.certain': '确定能',
  'likelihood.possible': '有可能',
  'likelihood.impossible': '完全不可能',
  'cause.funding': '经费保障',
  'cause.rules': '制度保障',
  'cause.staffing': '人员保障',
  'cause.facilities': '硬件条件保障',
  'cause.other': '其他',
  'cycle.mixedDocuments': '同一文件中有两种表（先读到 {first}，此处为 {other}），此表未读取；请分文件导入',
  'cycle.unreadableValue': '“{field}”的值“{text}”无法读取',
  'cycle.unknownCause': '“{field}”中的“{text}”不是表中的偏差原因（经费保障、制度保障、人员保障、硬件条件保障、其他）',
  'cycle.unknownLikelihood': '“{field}”的值“{text}”不是表中的完成目标可能性（确定能、有可能、完全不可能）',
  'cycle.tableNotFound': '未找到绩效指标表（需要“三级指标”“指标值”等栏目名称）',
  'cycle.yearNotFound': '表名及其下方未印年度',
};

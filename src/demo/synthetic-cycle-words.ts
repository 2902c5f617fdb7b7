/** The words synthetic targets and monitorings are made of (synthetic-cycle.ts). Data only. */

export const PROGRESS_ON_TRACK = [
  '项目按计划推进，各项工作有序开展，资金按进度支付。',
  '截至目前，项目主要任务已完成过半，整体进度符合预期。',
];
export const PROGRESS_SPENDING_BEHIND = [
  '项目按计划实施，但受政府采购流程影响，部分合同款项尚未支付，预算执行进度滞后于时间进度。',
  '部分支出需待项目验收后集中支付，当前预算执行率偏低。',
];
export const PROGRESS_OFF_TRACK = [
  '部分绩效指标完成进度滞后，已分析原因并制定下半年推进措施。',
  '受客观因素影响，个别指标预计难以全面完成，将及时调整工作安排。',
];
export const QUALITATIVE_PROGRESS = ['按计划推进', '已完成阶段性工作', '持续推进中'];
export const OFF_TRACK_REMARKS = ['受天气影响部分活动延期', '人员变动导致工作推进放缓', '配套制度尚未出台', '场地改造未按期完成', ''];
export const APPROPRIATION_ROW = '其中：当年财政拨款';
export const TARGETS_APPROPRIATION_ROW = '其中：财政拨款';
export const TOTAL_ROW = '年度资金总额';
export const OTHER_ROW = '其他资金';

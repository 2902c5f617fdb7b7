/** 中文：检查结果、计分说明与报告用语。 */
import type { Messages } from './messages.ts';

export const zh: Messages = {
  // 检查
  WEIGHT_TOTAL: '权重合计为 {weight}，应为 {expected}',
  CATEGORY_WEIGHT: '{block}权重合计为 {weight}，应为 {expected}',
  'CATEGORY_WEIGHT.unknown': '一级指标“{category}”不属于本模板',
  'CATEGORY_WEIGHT.execution': '预算执行分值为 {weight}，应为 {expected}',
  SCORE_RANGE: '得分 {score} 超出 0 至 {weight} 的范围',
  TOTAL_MISMATCH: '填报总分 {stated} 与各项得分之和 {computed} 不符',
  'TOTAL_MISMATCH.weight': '填报权重合计 {stated} 与各项权重之和 {computed} 不符',
  GRADE_MISMATCH: '填报绩效等级“{stated}”与总分 {score} 对应的等级“{expected}”不符',
  RATE_MISMATCH: '填报预算执行率 {stated}% 与 {executed} ÷ {budget} = {computed}% 不符',
  EXECUTION_SCORE: '预算执行得分 {stated} 应为 min({rate}%, 100%) × {weight} = {computed}',
  OVERSPENT: '执行数 {executed} 超过预算数 {budget}',
  MISSING_FIELD: '“{field}”未填写',
  DEDUCTION_UNEXPLAINED: '“{name}”得分 {score} 低于权重 {weight}，未说明扣分原因',
  HIGH_SCORE_LOW_EXECUTION: '指标得分率 {share}%（{score}/{weight}）高出预算执行率 {rate}% 超过 {margin} 个百分点',
  'PROBLEMS_UNSTATED.deducted': '有 {deducted} 项指标扣分，但“主要问题”未写明问题',
  'PROBLEMS_UNSTATED.lowRate': '预算执行率 {rate}% 低于 {threshold}%，但“主要问题”未写明问题',
  TARGET_RULE_MISMATCH: '“{name}”评分规则“{rule}”中的数值与目标值“{target}”不一致',
  TARGET_TOO_LOW: '“{name}”实际完成值 {actual} 达到目标值 {target} 的 {percent}%（≥{threshold}%），目标可能设置偏低',
  QUALITATIVE_BAND: '“{name}”得分 {score} 不在“{level}”对应的 {min}–{max} 分之间',

  // 计分说明
  'suggest.noWeight': '未填权重，无法计算建议分',
  'suggest.noTarget': '未填目标值，无法计算建议分',
  'suggest.noActual': '未填实际完成值，无法计算建议分',
  'suggest.actualNotNumber': '实际完成值“{actual}”不是数值，无法与目标比较',
  'suggest.actualNotDate': '实际完成值“{actual}”不是日期，无法判断是否按时',
  'suggest.unitsDiffer': '实际完成值“{actual}”与目标值“{target}”单位不同，无法比较',
  'suggest.positive.full': '实际 {actual} ≥ 目标 {target}，得满分 {weight}',
  'suggest.positive.partial': '实际 {actual} < 目标 {target}：{weight} × {actual} ÷ {target} = {score}',
  'suggest.reverse.full': '实际 {actual} ≤ 目标 {target}，得满分 {weight}',
  'suggest.reverse.partial': '实际 {actual} 超出目标 {target}：按超出比例扣分，得 {score}',
  'suggest.reverse.zero': '实际 {actual} 达到目标 {target} 的 {multiple} 倍及以上，得 0 分',
  'suggest.pickLevel': '定性指标：请选择达成程度（达成、部分达成、未达成）',
  'suggest.qualitative.picked': '定性指标，所选达成程度“{level}”：{min}–{max} 分',
  'suggest.qualitative.actual': '定性指标，按实际完成值判断为“{level}”：{min}–{max} 分',
  'suggest.deadline.met': '按期完成，得满分 {weight}',
  'suggest.deadline.missed': '未按期完成（未达成）：{min}–{max} 分',

  // 达成程度
  'level.achieved': '达成',
  'level.partial': '部分达成',
  'level.notAchieved': '未达成',

  // 报告
  'report.totals': '合计权重 {weight}　总分 {score}　绩效等级 {grade}　预算执行率 {rate}',
  'report.executionScore': '预算执行得分 {score}（分值 {weight}）',
  'report.block': '{block}：权重 {weight}/{cap}　得分 {score}',
  'report.noFindings': '未发现问题',
  'report.findingsCount': '{errors} 个错误，{warnings} 个警告',
  'report.suggestion': '第 {index} 项“{name}”建议分：{working}',
  'severity.error': '错误',
  'severity.warning': '警告',
  'report.none': '—',
  'report.form': '【{index}】{project}（{unit}，{year}年度，{template}）',
  'report.summary': '共 {forms} 张表：{errors} 个错误，{warnings} 个警告',
};

/** The words synthetic forms are made of: district offices, projects, indicators and narratives. Data only. */

export const DISTRICTS = ['普陀', '静安', '徐汇', '长宁', '虹口', '杨浦', '闵行', '宝山', '嘉定', '浦东', '金山', '松江', '青浦', '奉贤', '崇明', '黄浦'];
export const CITIES = ['上海市', '杭州市', '南京市', '苏州市', '合肥市', '宁波市'];
export const OFFICES = ['金融服务办公室', '体育局', '教育局', '卫生健康委员会', '民政局', '生态环境局', '文化和旅游局', '市场监督管理局', '科学技术委员会', '商务委员会', '司法局', '退役军人事务局', '城市管理行政执法局', '绿化和市容管理局', '残疾人联合会', '图书馆'];
export const DEPARTMENTS = ['综合科', '计划财务科', '业务一科', '业务二科', '服务中心', '办公室', '信息中心', ''];

export const PROJECT_STEMS = ['社区公共服务', '专项业务', '信息化运维', '宣传培训', '设施维护', '课题研究', '应急保障', '人才培养', '监督检查', '场馆运营', '志愿服务', '数据治理'];
export const PROJECT_SUFFIXES = ['经费', '费用', '专项资金', '项目', '补助'];

export interface IndicatorWords {
  name: string;
  unit: string;
  subcategory: string;
}

/** Counted outputs (数量 / 质量 / 时效 / 成本) and effects, each with the unit it is counted in. */
export const OUTPUT_WORDS: IndicatorWords[] = [
  { name: '举办活动场次', unit: '场', subcategory: '数量指标' },
  { name: '服务企业数量', unit: '家', subcategory: '数量指标' },
  { name: '印制宣传材料', unit: '份', subcategory: '数量指标' },
  { name: '培训人次', unit: '人次', subcategory: '数量指标' },
  { name: '设施巡查次数', unit: '次', subcategory: '数量指标' },
  { name: '验收合格率', unit: '%', subcategory: '质量指标' },
  { name: '问题整改率', unit: '%', subcategory: '质量指标' },
  { name: '资料归档完整率', unit: '%', subcategory: '质量指标' },
  { name: '按期完成率', unit: '%', subcategory: '时效指标' },
];
export const COST_WORDS: IndicatorWords[] = [
  { name: '单次活动成本', unit: '万元', subcategory: '成本指标' },
  { name: '项目总成本', unit: '万元', subcategory: '成本指标' },
];
export const EFFECT_WORDS: IndicatorWords[] = [
  { name: '服务覆盖人数', unit: '人', subcategory: '社会效益指标' },
  { name: '带动社会投资', unit: '万元', subcategory: '经济效益指标' },
  { name: '群众知晓率', unit: '%', subcategory: '社会效益指标' },
  { name: '节能减排量', unit: '吨', subcategory: '生态效益指标' },
];
export const QUALITATIVE_EFFECTS: Array<{ name: string; target: string; subcategory: string }> = [
  { name: '长效管理机制健全性', target: '健全', subcategory: '可持续影响指标' },
  { name: '档案管理规范性', target: '规范', subcategory: '可持续影响指标' },
  { name: '工作响应及时性', target: '及时', subcategory: '社会效益指标' },
];
export const SATISFACTION_WORDS: Array<{ name: string; target: string }> = [
  { name: '服务对象满意度', target: '较满意' },
  { name: '参与单位满意度', target: '满意' },
  { name: '群众满意度', target: '≥90%' },
];

export const GOALS = ['完成年度各项工作任务，提升服务质量和管理水平，确保资金使用安全、规范、高效。', '围绕年度重点工作，按计划推进项目实施，按期完成既定目标。'];
export const ACHIEVEMENTS = ['项目按计划实施，各项指标基本完成，资金使用规范，取得了较好的社会效益。', '全年完成主要工作任务，服务对象满意度较高，管理制度进一步健全。'];
export const PROBLEMS = ['部分工作受客观因素影响推进较慢，预算执行进度有待提高。', '个别指标完成情况未达预期，绩效目标设置的精细化程度有待提升。'];
export const IMPROVEMENTS = ['加强预算编制的科学性，及时跟踪预算执行进度。', '细化绩效目标，强化过程管理和结果运用。'];
export const DEDUCTION_REMARKS = ['受疫情影响部分活动取消', '实施进度滞后', '部分任务顺延至下年度', '实际完成数略低于目标'];

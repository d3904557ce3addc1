/**
 * The people a newcomer can sign in as in the local demo. The host accepts these
 * openids only when it is not in production mode; the seed gives each one its
 * roster record and roles.
 */
export interface DemoIdentity {
  openid: string
  label: string
  description: string
  /** Shown in the sign-in picker so a newcomer can complete verification by hand. */
  verifyHint?: { name: string; cardNo: string; phone: string }
}

export const DEMO_IDENTITIES: DemoIdentity[] = [
  {
    openid: 'demo-member',
    label: '会员 李明',
    description: '普通会员，尚未完成会员认证',
    verifyHint: { name: '李明', cardNo: 'GH3201000123', phone: '13800000123' },
  },
  { openid: 'demo-model-worker', label: '劳模 张建国', description: '市级劳动模范，已认证' },
  { openid: 'demo-rider', label: '外卖骑手 王秀英', description: '女职工 · 新就业形态，已认证' },
  { openid: 'demo-cashier', label: '商户核销员 陈静', description: '合作商户「苏果超市（新街口店）」收银员' },
  { openid: 'demo-event-staff', label: '活动工作人员 刘洋', description: '活动「跟着劳模赶大集」工作人员' },
  { openid: 'demo-nurse', label: '护士 赵敏', description: '筛查点「妇女保健科（南京市妇幼保健院）」前台' },
  { openid: 'demo-single-man', label: '单身青年 周浩', description: '秦淮区 苏果超市职工，1995 年生，已认证' },
  { openid: 'demo-single-woman', label: '单身青年 李婷', description: '秦淮区 市妇幼保健院职工，1997 年生，已认证' },
  { openid: 'demo-officer', label: '工会干部 孙丽', description: '南京市总工会权益保障部：全市的名册、活动与数据' },
  { openid: 'demo-district-officer', label: '区总工会干部 陈红', description: '秦淮区总工会：只管秦淮区的联谊会、活动、会员' },
  { openid: 'demo-grassroots-officer', label: '基层工会干部 马骏', description: '美团外卖秦淮站点工会：只管本站点会员名册' },
]
